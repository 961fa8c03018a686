from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from disclosure.regions.access import Action, regions_for

register = template.Library()

# Each staff area of the workspace, shown to those whose roles grant the action it serves. The
# context is written out each time: makemessages finds only literal contexts.
AREAS = [
    (
        Action.ANSWER_QUESTIONS,
        "participation_staff:index",
        pgettext_lazy("staff area", "Questions"),
    ),
    (Action.VIEW_REPORTS, "reports_staff:list", pgettext_lazy("staff area", "Reports")),
    (Action.OVERSEE, "oversight_staff:index", pgettext_lazy("staff area", "Oversight")),
    (Action.VIEW_FLAGS, "redflags_staff:index", pgettext_lazy("staff area", "Red flags")),
    (Action.VIEW_AUDIT_LOG, "workspace:audit", _("Audit log")),
]


@register.inclusion_tag("workspace/includes/areas.html", takes_context=True)
def staff_areas(context):
    user = context["request"].user
    areas = [(reverse(name), label) for action, name, label in AREAS if regions_for(user, action)]
    return {"areas": areas}


# Names of the members and row fields of canonical documents (docs/integrity.md), as a reviewer
# reads them in the changes of a correction. A name missing here is shown as it is written.
FIELD_LABELS = {
    "title": _("Title"),
    "body": _("Text"),
    "type": _("Type"),
    "line": _("Line"),
    "date": _("Date"),
    "voucher_no": _("Voucher number"),
    "summary": _("Summary"),
    "account_code": _("Account code"),
    "account_name": _("Account name"),
    "category": _("Category"),
    "fund": _("Cash or bank"),
    "income": _("Income"),
    "expenditure": _("Expenditure"),
    "counterparty": _("Counterparty"),
    "handler": _("Handled by"),
    "approver": _("Approved by"),
    "is_hospitality": _("Three-public spending"),
    "opening": _("Opening balance"),
    "closing": _("Closing balance"),
    "filename": _("File name"),
    "sha256": "SHA-256",
    "amount": _("Amount"),
    "position": _("Line"),
    "group": _("Village group"),
    "benefit_type": _("Benefit"),
    "period": _("Period"),
    "name_commitment": _("Commitment to the name"),
    "identity_commitment": _("Commitment to the identity number"),
    "name": _("Name"),
    "number": _("Number"),
    "location": _("Location"),
    "year": _("Year"),
    "start": _("First day"),
    "end": _("Last day"),
}


@register.filter
def field_label(name) -> str:
    return FIELD_LABELS.get(name, name) if isinstance(name, str) else str(name)


@register.filter
def field_value(value) -> str:
    """A value of a canonical document as a reviewer reads it."""
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if value is None:
        return "—"
    return str(value)


@register.filter
def row_text(row: dict) -> str:
    """A row of a canonical document on one line, for the rows a correction adds or removes."""
    return "; ".join(f"{field_label(name)}: {field_value(value)}" for name, value in row.items())
