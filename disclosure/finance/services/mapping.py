"""Which disclosure category an account code belongs to: the longest matching prefix, a county's
rules before the national default."""

from disclosure.regions.models import Level

from ..models import MappingRule


def county_of(village):
    for node in [*village.ancestors(), village]:
        if node.level == Level.COUNTY:
            return node
    return None


class Chart:
    """The rules that apply to one village, loaded once for a whole import."""

    def __init__(self, village):
        county = county_of(village)
        rules = MappingRule.objects.filter(county__isnull=True)
        self.default = {rule.prefix: rule for rule in rules}
        self.county = {}
        if county is not None:
            self.county = {rule.prefix: rule for rule in MappingRule.objects.filter(county=county)}

    def rule_for(self, code: str) -> MappingRule | None:
        code = code.strip()
        for length in range(len(code), 0, -1):
            prefix = code[:length]
            rule = self.county.get(prefix) or self.default.get(prefix)
            if rule is not None:
                return rule
        return None
