"""Which disclosure category an account code belongs to: the longest matching prefix; for the
same prefix, the rule of the region nearest the village (the village, its township, its county,
then the national default); and what the county counts as three-public spending."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from disclosure.publishing.audit import record
from disclosure.regions.access import Action, require
from disclosure.regions.models import Level

from ..accounts import ThreePublic, words_of
from ..models import MappingRule, ThreePublicScope


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


def three_public_of(village) -> ThreePublic:
    """The county's scope of three-public spending for this village's ledgers."""
    county = village.code[:6] + "0" * 6
    scope = ThreePublicScope.objects.filter(county__code=county, county__level=Level.COUNTY).first()
    if scope is None:
        return ThreePublic()
    return ThreePublic(words_of(scope.words), words_of(scope.account_prefixes))


def checked_scope(*, county, words: str, account_prefixes: str) -> ThreePublic:
    """The scope as given, or a ValidationError saying what is wrong with it."""
    if county.level != Level.COUNTY:
        raise ValidationError(
            {"county": _("The scope of three-public spending is set by a county.")}
        )
    scope = ThreePublic(words_of(words), words_of(account_prefixes))
    if not scope.words and not scope.account_prefixes:
        raise ValidationError(_("Give at least one word or account code."))
    bad = [code for code in scope.account_prefixes if not code.isdigit()]
    if bad:
        raise ValidationError(
            {
                "account_prefixes": _("Account codes are digits: %(codes)s.")
                % {"codes": " ".join(bad)}
            }
        )
    return scope


@transaction.atomic
def set_three_public_scope(*, county, words: str, account_prefixes: str, by, ip=None):
    """The county's words and account codes; ledgers checked from now on use them, and what was
    already published keeps the answer it was published with."""
    require(by, Action.SET_RULES, county)
    scope = checked_scope(county=county, words=words, account_prefixes=account_prefixes)
    saved, _created = ThreePublicScope.objects.update_or_create(
        county=county,
        defaults={
            "words": "\n".join(scope.words),
            "account_prefixes": "\n".join(scope.account_prefixes),
        },
    )
    record(
        by=by,
        action="finance.three_public_scope",
        village=None,
        target=county.name,
        ip=ip,
        words=list(scope.words),
        account_prefixes=list(scope.account_prefixes),
    )
    return saved
