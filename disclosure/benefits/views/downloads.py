"""Downloads of a published benefit list: CSV, XLSX and JSON, masked as on the page."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from disclosure.benefits.models import BenefitsKind
from disclosure.publishing.models import Revision

from .. import exports

FORMATS = {
    "csv": (exports.as_csv, "text/csv; charset=utf-8"),
    "xlsx": (
        exports.as_xlsx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "json": (exports.as_json, "application/json"),
}


@require_safe
def download(request, code: str, number: int, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    revisions = Revision.objects.published().select_related("posting", "village")
    revision = get_object_or_404(
        revisions,
        posting__code=code.upper(),
        posting__kind=BenefitsKind.BENEFIT_LIST,
        number=number,
    )
    write, content_type = FORMATS[fmt]
    response = HttpResponse(write(exports.document(revision)), content_type=content_type)
    filename = f"{revision.posting.code}-{revision.number}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # The names leave when the window ends: a copy must not outlive that in a shared cache.
    response["Cache-Control"] = "private, max-age=300"
    return response
