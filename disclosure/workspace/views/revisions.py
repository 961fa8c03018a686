"""A revision on its way to publication: edit it, see its history, preview it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from disclosure.publishing import chain, diff, services
from disclosure.publishing.models import PostingStatus, Revision, RevisionAction, RevisionState
from disclosure.publishing.services import EDITABLE
from disclosure.regions.access import Action, can, get_for_user
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required

from ..forms import AttachmentForm, OpinionForm, PostingEditor, ReturnForm
from .common import posted_editor

REVISIONS = Revision.objects.select_related("posting", "posting__current", "village")


def _may(user, revision: Revision) -> dict:
    """Which next steps to offer; the services decide again when the step is taken."""
    state = revision.state
    posting = revision.posting
    is_current = posting.status == PostingStatus.PUBLISHED and posting.current_id == revision.pk
    return {
        "may_edit": state in EDITABLE
        and not revision.is_withdrawal
        and can(user, Action.DRAFT, revision),
        "may_discard": state in EDITABLE and can(user, Action.DRAFT, revision),
        "may_submit": state in EDITABLE and can(user, Action.SUBMIT, revision),
        "may_review": state == RevisionState.SUBMITTED and can(user, Action.REVIEW, revision),
        "may_publish": state == RevisionState.SIGNED_OFF and can(user, Action.PUBLISH, revision),
        "may_correct": is_current and can(user, Action.CORRECT, posting),
        "may_withdraw": is_current and can(user, Action.WITHDRAW, posting),
    }


def _comparison(revision: Revision):
    """For a correction or an update: what it changes against the revision villagers read now."""
    current = revision.posting.current
    later = (RevisionAction.CORRECTION, RevisionAction.UPDATE)
    if revision.action not in later or current is None or current == revision:
        return None
    return diff.compare(current, revision)


def _opinion_form(forms: dict, revision: Revision) -> OpinionForm:
    """The sign-off form, carrying the digest of the content this page shows.

    A form refused because the content changed comes back with the new digest: the reviewer has
    the changed content in front of them now.
    """
    seen = chain.content_digest(revision)
    form = forms.get("opinion_form")
    if form is None:
        return OpinionForm(initial={"content_digest": seen})
    form.data = form.data.copy()
    form.data["content_digest"] = seen
    return form


def revision_page(request, revision: Revision, **forms):
    """The revision page; a step refused with a message passes its bound form in `forms`."""
    may = _may(request.user, revision)
    context = {
        "revision": revision,
        "posting": revision.posting,
        "events": revision.events.select_related("by"),
        "attachments": revision.attachments.select_related("blob"),
        "open_revision": revision.posting.revisions.open().exclude(pk=revision.pk).first(),
        "comparison": _comparison(revision),
        **may,
    }
    if may["may_edit"] or "editor" in forms:
        context["editor"] = forms.get("editor") or PostingEditor.for_revision(revision)
    if may["may_edit"] or "upload_form" in forms:
        context["upload_form"] = forms.get("upload_form") or AttachmentForm()
    if may["may_review"] or "opinion_form" in forms or "return_form" in forms:
        context["opinion_form"] = _opinion_form(forms, revision)
        context["return_form"] = forms.get("return_form") or ReturnForm()
    return render(request, "workspace/revision.html", context)


@staff_required
def revision(request, pk: int):
    action = Action.DRAFT if request.method == "POST" else Action.VIEW_DRAFTS
    revision = get_for_user(REVISIONS, request.user, action, pk=pk)
    if request.method != "POST":
        return revision_page(request, revision)
    editor, ready = posted_editor(request, revision.posting.kind)
    if ready:
        try:
            services.update_draft(
                revision=revision, content=editor.content(), by=request.user, ip=client_ip(request)
            )
        except ValidationError as error:
            editor.add_error(error)
        else:
            if request.POST.get("then_submit"):
                return _submit_saved(request, revision)
            messages.success(request, _("Changes saved."))
            return redirect("workspace:revision", revision.pk)
    return revision_page(request, revision, editor=editor)


def _submit_saved(request, revision):
    """Submit what was just saved: the edits on the page are never left behind by submitting."""
    try:
        services.submit(revision=revision, by=request.user, ip=client_ip(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Changes saved and submitted for sign-off."))
    return redirect("workspace:revision", revision.pk)


@staff_required
def preview(request, pk: int):
    revision = get_for_user(REVISIONS, request.user, Action.VIEW_DRAFTS, pk=pk)
    return render(request, "workspace/preview.html", {"revision": revision})
