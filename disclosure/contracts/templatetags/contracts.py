from django import template

from disclosure import clock

from .. import selectors

register = template.Library()


@register.simple_tag
def contract_standing(revision):
    """Payment status of a contract, for its posting's current published revision only.

    An earlier revision, a draft being previewed, or a revision without terms gets None: payments
    are recorded against what is published now.
    """
    posting = revision.posting
    contract = getattr(revision, "contract", None)
    if contract is None or not revision.is_published or posting.current_id != revision.pk:
        return None
    return selectors.standing_of(contract, selectors.paid_for(posting), clock.today())


@register.filter
def yuan(value) -> str:
    """Money as villagers write it: two decimals and thousands separators, 12,345.50."""
    if value is None or value == "":
        return ""
    return f"{value:,.2f}"
