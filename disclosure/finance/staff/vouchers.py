"""Vouchers of a period's entries: the list of entries with their files, and uploads."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from disclosure.publishing.models import Revision
from disclosure.regions.access import Action, get_for_user
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required

from ..forms import VoucherForm, VouchersForm
from ..models import LedgerEntry
from ..services.vouchers import add_voucher, add_vouchers_by_name


def _entries_page(request, revision, form=None, failed_entry=None, **batch):
    entries = (
        LedgerEntry.objects.filter(revision=revision)
        .prefetch_related("vouchers__blob")
        .order_by("line")
    )
    context = {
        "revision": revision,
        "entries": entries,
        "form": form or VoucherForm(),
        "failed_entry": failed_entry,
        "many_form": batch.get("many_form") or VouchersForm(),
        "matching": batch.get("matching"),
    }
    return render(request, "finance/staff/vouchers.html", context)


@staff_required
def entries(request, pk: int):
    revision = get_for_user(
        Revision.objects.select_related("posting"), request.user, Action.VIEW_DRAFTS, pk=pk
    )
    return _entries_page(request, revision)


@staff_required
@require_POST
def upload(request, pk: int, entry_pk: int):
    entry = get_for_user(
        LedgerEntry.objects.select_related("revision__posting"),
        request.user,
        Action.DRAFT,
        pk=entry_pk,
        revision_id=pk,
    )
    form = VoucherForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            add_voucher(
                entry=entry,
                upload=form.cleaned_data["file"],
                by=request.user,
                ip=client_ip(request),
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(
                request, _("Voucher attached to %(voucher)s.") % {"voucher": entry.voucher_no}
            )
            return redirect("finance_staff:entries", pk)
    return _entries_page(request, entry.revision, form=form, failed_entry=entry)


@staff_required
@require_POST
def upload_many(request, pk: int):
    revision = get_for_user(
        Revision.objects.select_related("posting"), request.user, Action.DRAFT, pk=pk
    )
    form = VouchersForm(request.POST, request.FILES)
    matching = None
    if form.is_valid():
        try:
            matching = add_vouchers_by_name(
                revision=revision,
                uploads=form.cleaned_data["files"],
                by=request.user,
                ip=client_ip(request),
            )
        except ValidationError as error:
            form.add_error("files", error)
    return _entries_page(request, revision, many_form=form, matching=matching)
