"""What villagers see: the latest published register, what changed, and the downloads."""

import json

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from disclosure.portal.http import village_page
from disclosure.portal.selectors import get_village

from .. import downloads
from ..models import Category, ResourceStatus, ResourceType
from ..snapshots import asset_totals, differences, latest_two, resource_totals

ALL = [("", _("All"))]


class RegisterFilter(forms.Form):
    category = forms.ChoiceField(
        label=_("Category"), choices=ALL + Category.choices, required=False
    )
    held = forms.ChoiceField(
        label=_("Held or disposed of"),
        choices=[("", _("All")), ("held", _("Still held")), ("disposed", _("Disposed of"))],
        required=False,
    )
    type = forms.ChoiceField(label=_("Type"), choices=ALL + ResourceType.choices, required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=ALL + ResourceStatus.choices, required=False
    )

    def assets(self, revision):
        rows = revision.snapshot_assets.all()
        if not self.is_valid():
            return rows
        if self.cleaned_data["category"]:
            rows = rows.filter(category=self.cleaned_data["category"])
        if self.cleaned_data["held"] == "held":
            rows = rows.filter(disposal="")
        elif self.cleaned_data["held"] == "disposed":
            rows = rows.exclude(disposal="")
        return rows

    def resources(self, revision):
        rows = revision.snapshot_resources.all()
        if not self.is_valid():
            return rows
        if self.cleaned_data["type"]:
            rows = rows.filter(type=self.cleaned_data["type"])
        if self.cleaned_data["status"]:
            rows = rows.filter(status=self.cleaned_data["status"])
        return rows


@village_page
def register(request, code: str):
    village = get_village(code)
    latest, previous = latest_two(village)
    context = {"village": village, "places": [*village.ancestors(), village], "latest": latest}
    if latest is not None:
        all_assets = list(latest.snapshot_assets.all())
        all_resources = list(latest.snapshot_resources.all())
        filters = RegisterFilter(request.GET)
        context.update(
            previous=previous,
            filters=filters,
            assets=filters.assets(latest) if request.GET else all_assets,
            resources=filters.resources(latest) if request.GET else all_resources,
            asset_totals=asset_totals(all_assets),
            resource_totals=resource_totals(all_resources),
            changes=differences(previous, latest),
        )
    return render(request, "assets/register.html", context)


def _latest(code: str):
    latest = latest_two(get_village(code))[0]
    if latest is None:
        raise Http404
    return latest


def _file(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@village_page
def download_csv(request, code: str, register: str):
    latest = _latest(code)
    name = f"{register}-{code}-{latest.asset_snapshot.taken_on:%Y%m%d}.csv"
    return _file(downloads.as_csv(latest, register), "text/csv; charset=utf-8", name)


@village_page
def download_xlsx(request, code: str):
    latest = _latest(code)
    name = f"register-{code}-{latest.asset_snapshot.taken_on:%Y%m%d}.xlsx"
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return _file(downloads.as_xlsx(latest), content_type, name)


@village_page
def download_json(request, code: str):
    latest = _latest(code)
    name = f"register-{code}-{latest.asset_snapshot.taken_on:%Y%m%d}.json"
    content = json.dumps(downloads.as_json(latest), ensure_ascii=False, indent=1)
    return _file(content.encode("utf-8"), "application/json", name)
