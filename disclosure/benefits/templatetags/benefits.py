from django import template

from .. import selectors
from ..models import BenefitType

register = template.Library()


@register.simple_tag
def benefit_list_view(revision):
    """The list as the public sees it: totals always, masked recipients within the window."""
    return selectors.public_view(revision)


@register.filter
def yuan(value) -> str:
    """¥1,234.50: amounts are exact decimals in yuan, written the Chinese way."""
    return f"¥{value:,.2f}"


@register.filter
def benefit_label(value: str) -> str:
    return BenefitType(value).label
