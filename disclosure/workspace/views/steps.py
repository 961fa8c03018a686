"""The steps of the publication lifecycle: submit, sign off or return, publish, discard."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from disclosure.publishing import services
from disclosure.publishing.models import RevisionState
from disclosure.regions.access import Action, get_for_user
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required
from disclosure.web.forms import show_refusal

from ..forms import OpinionForm, ReturnForm
from .revisions import REVISIONS, revision_page


def _step(request, pk: int, *, action, service, done: str):
    """A step without anything to type: take it, or say why it cannot be taken."""
    revision = get_for_user(REVISIONS, request.user, action, pk=pk)
    try:
        service(revision=revision, by=request.user, ip=client_ip(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect("workspace:revision", pk)


@staff_required
@require_POST
def submit(request, pk: int):
    return _step(
        request,
        pk,
        action=Action.SUBMIT,
        service=services.submit,
        done=_("Submitted to the supervision committee for sign-off."),
    )


@staff_required
@require_http_methods(["GET", "POST"])
def publish(request, pk: int):
    """Asked first: publishing cannot be undone, so the page says what villagers will see."""
    if request.method == "GET":
        revision = get_for_user(REVISIONS, request.user, Action.PUBLISH, pk=pk)
        if revision.state != RevisionState.SIGNED_OFF:
            return redirect("workspace:revision", pk)
        return render(request, "workspace/publish.html", {"revision": revision})
    return _step(
        request,
        pk,
        action=Action.PUBLISH,
        service=services.publish,
        done=_("Published. Villagers can read it now; it can no longer be changed."),
    )


def _review(request, pk: int, *, form_class, form_name, service, done):
    """Sign off or return: the supervisor's words are required and shown beside the form."""
    revision = get_for_user(REVISIONS, request.user, Action.REVIEW, pk=pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            service(
                revision=revision,
                by=request.user,
                ip=client_ip(request),
                **form.cleaned_data,
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, done)
            return redirect("workspace:revision", pk)
    return revision_page(request, revision, **{form_name: form})


@staff_required
@require_POST
def sign_off(request, pk: int):
    return _review(
        request,
        pk,
        form_class=OpinionForm,
        form_name="opinion_form",
        service=services.sign_off,
        done=_("Signed off. The clerk can now publish it."),
    )


@staff_required
@require_POST
def return_for_changes(request, pk: int):
    return _review(
        request,
        pk,
        form_class=ReturnForm,
        form_name="return_form",
        service=services.return_for_changes,
        done=_("Returned to the clerk with your reason."),
    )


@staff_required
@require_POST
def discard(request, pk: int):
    revision = get_for_user(REVISIONS, request.user, Action.DRAFT, pk=pk)
    try:
        services.discard_draft(revision=revision, by=request.user, ip=client_ip(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("workspace:revision", pk)
    messages.success(request, _("The draft was discarded."))
    return redirect("workspace:home")
