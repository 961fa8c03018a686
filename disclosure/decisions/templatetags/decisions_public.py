"""Words and figures of the matter pages: names of the discussions, money, cost against plan."""

from decimal import Decimal

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import selectors
from ..states import MatterState

register = template.Library()

STAGE_NAMES = {
    1: gettext_lazy("Discussion 1: the party branch proposes"),
    2: gettext_lazy("Discussion 2: the two committees discuss"),
    3: gettext_lazy("Discussion 3: the party members' meeting deliberates"),
    4: gettext_lazy("Discussion 4: the villagers' (representative) meeting resolves"),
}


@register.filter
def stage_name(number: int) -> str:
    return str(STAGE_NAMES.get(number, number))


@register.simple_tag
def stage_names() -> list[str]:
    return [str(name) for name in STAGE_NAMES.values()]


@register.filter
def yuan(amount: Decimal | None) -> str:
    """An amount of money as villagers write it: 486,000.00 元. Exact, never through a float."""
    if amount is None:
        return _("not stated")
    return _("%(amount)s yuan") % {"amount": f"{amount:,.2f}"}


@register.simple_tag
def cost_against(final_cost: Decimal, resolved: Decimal | None) -> str:
    """The final cost measured against the amount the villagers resolved, in plain words."""
    if not resolved:
        return _("The resolution stated no amount.")
    difference = final_cost - resolved
    if difference == 0:
        return _("Exactly the amount resolved.")
    share = f"{abs(difference) * 100 / resolved:.1f}%"
    words = {"amount": yuan(abs(difference)), "share": share}
    if difference < 0:
        return _("%(amount)s (%(share)s) less than the amount resolved.") % words
    return _("%(amount)s (%(share)s) more than the amount resolved.") % words


@register.simple_tag
def overdue_results(village) -> list:
    """The village's matters whose result is past due and not yet disclosed."""
    groups = selectors.matters_by_state(village)
    return [m for group in groups if group.state == MatterState.OVERDUE for m in group.matters]
