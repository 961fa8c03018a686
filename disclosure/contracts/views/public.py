"""What villagers see of a village's contracts and projects: status at a glance, arrears first."""

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from disclosure import clock
from disclosure.portal.http import village_page
from disclosure.regions.models import Region

from .. import downloads, ocds, selectors
from ..arrears import Status
from ..overview import contract_lines


def _village(code: str) -> Region:
    return get_object_or_404(Region.objects.villages().select_related("parent"), code=code)


def _statuses(village, today):
    return selectors.statuses(selectors.current_contracts(village), today)


@village_page
def overview(request, code: str):
    village = _village(code)
    today = clock.today()
    lines = contract_lines(village, today)
    in_arrears = [line for line in lines if line.status == Status.OVERDUE]
    context = {
        "village": village,
        "places": [*village.ancestors(), village],
        "today": today,
        "lines": lines,
        "in_arrears": in_arrears,
        "total_arrears": sum((line.arrears for line in in_arrears), 0),
        "expiring": [line for line in lines if line.expiring],
        "projects": selectors.current_projects(village),
        "formats": downloads.FORMATS,
    }
    return render(request, "contracts/overview.html", context)


@village_page
def download(request, code: str, fmt: str):
    if fmt not in downloads.FORMATS:
        raise Http404
    village = _village(code)
    today = clock.today()
    statuses = _statuses(village, today)
    if fmt == "csv":
        content = downloads.as_csv(statuses)
    elif fmt == "xlsx":
        content = downloads.as_xlsx(statuses)
    else:
        content = downloads.as_json(statuses, village, today)
    response = HttpResponse(content, content_type=downloads.FORMATS[fmt])
    filename = f"contracts-{village.code}-{today.isoformat()}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@village_page
def ocds_package(request, code: str):
    village = _village(code)
    document = ocds.package(
        village=village,
        contracts=_statuses(village, clock.today()),
        projects=selectors.current_projects(village),
        uri=request.build_absolute_uri(reverse("contracts:ocds", args=[village.code])),
    )
    return JsonResponse(document, json_dumps_params={"ensure_ascii": False})
