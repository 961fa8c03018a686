"""Importing a register from Excel: upload, see the preview (or every problem), then confirm."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from disclosure.regions.access import Action, require
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required

from ..forms import ImportForm
from ..imports import CHOICES, REGISTERS, ImportRefused, Parsed, import_register, parse_workbook
from ..snapshots import canonical_value
from .staff_register import village_for

SESSION_KEY = "assets_import"


def _remember(request, village, parsed: Parsed) -> None:
    """Keep the checked rows until the clerk confirms them; the file itself is not kept."""
    rows = [{key: canonical_value(value) for key, value in row.items()} for row in parsed.rows]
    request.session[SESSION_KEY] = {
        "village": village.code,
        "register": parsed.register,
        "rows": rows,
    }


def _preview(village, parsed: Parsed) -> list[tuple[bool, list]]:
    """Each row as it will be saved, and whether it adds a new item to the register."""
    columns, model = REGISTERS[parsed.register][:2]
    known = set(model.objects.filter(village=village).values_list("number", flat=True))
    rows = []
    for row in parsed.rows:
        cells = []
        for column in columns:
            value = row.get(column.field, "")
            if column.parse in CHOICES:
                value = CHOICES[column.parse](value).label
            cells.append(value)
        rows.append((str(row["number"]).upper() not in known, cells))
    return rows


@staff_required
def upload(request, code: str):
    village = village_for(request, code)
    require(request.user, Action.DRAFT, village)
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"village": village, "form": form}
    if request.method == "POST" and form.is_valid():
        register = form.cleaned_data["register"]
        try:
            parsed = parse_workbook(upload=form.cleaned_data["workbook"], register=register)
        except ImportRefused as refusal:
            context["problems"] = refusal.problems
        else:
            _remember(request, village, parsed)
            context.update(columns=REGISTERS[register][0], preview=_preview(village, parsed))
    return render(request, "assets/staff/import.html", context)


@require_POST
@staff_required
def confirm(request, code: str):
    village = village_for(request, code)
    pending = request.session.get(SESSION_KEY)
    if not pending or pending["village"] != village.code:
        messages.error(request, _("Nothing is waiting to be imported: upload the workbook again."))
        return redirect("assets_staff:import", village.code)
    parsed = Parsed(pending["register"], pending["rows"])
    try:
        added, changed = import_register(
            village=village, parsed=parsed, by=request.user, ip=client_ip(request)
        )
    except ImportRefused as refusal:
        form = ImportForm()
        context = {"village": village, "form": form, "problems": refusal.problems}
        return render(request, "assets/staff/import.html", context)
    del request.session[SESSION_KEY]
    messages.success(
        request,
        _("Imported: %(added)d added, %(changed)d changed.") % {"added": added, "changed": changed},
    )
    return redirect("assets_staff:register", village.code)
