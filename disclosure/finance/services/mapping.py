"""Which disclosure category an account code belongs to: the longest matching prefix; for the
same prefix, the rule of the region nearest the village (the village, its township, its county,
then the national default)."""

from ..models import MappingRule


class Chart:
    """The rules that apply to one village, loaded once for a whole import."""

    def __init__(self, village):
        # Farthest first, so that a nearer region's rule replaces a farther one's.
        regions = [None, *(node.pk for node in village.ancestors()), village.pk]
        depth = {region: index for index, region in enumerate(regions)}
        found = MappingRule.objects.filter(region_id__in=regions[1:]) | MappingRule.objects.filter(
            region__isnull=True
        )
        self.rules: dict[str, MappingRule] = {}
        for rule in sorted(found, key=lambda rule: depth[rule.region_id]):
            self.rules[rule.prefix] = rule

    def rule_for(self, code: str) -> MappingRule | None:
        code = code.strip()
        for length in range(len(code), 0, -1):
            rule = self.rules.get(code[:length])
            if rule is not None:
                return rule
        return None
