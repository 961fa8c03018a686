"""Starting a posting, and what can be done to one already published: correct or withdraw it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from disclosure.publishing import kinds, services
from disclosure.publishing.models import Posting
from disclosure.regions.access import Action, get_for_user, require, villages_for
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required
from disclosure.web.forms import show_refusal

from ..forms import CorrectionForm, PostingEditor, WithdrawalForm
from .common import posted_editor


@staff_required
def new_posting(request, code: str, kind: str):
    village = get_object_or_404(villages_for(request.user, Action.VIEW_DRAFTS), code=code)
    require(request.user, Action.DRAFT, village)
    if kind not in kinds.codes():
        raise Http404
    if request.method != "POST":
        editor = PostingEditor(kind)
    else:
        editor, ready = posted_editor(request, kind)
        if ready:
            try:
                revision = services.create_posting(
                    village=village,
                    kind=kind,
                    content=editor.content(),
                    by=request.user,
                    ip=client_ip(request),
                )
            except ValidationError as error:
                editor.add_error(error)
            else:
                messages.success(
                    request,
                    _("Draft saved. Add attachments, preview it, then submit it for sign-off."),
                )
                return redirect("workspace:revision", revision.pk)
    context = {"village": village, "kind_label": kinds.label_of(kind), "editor": editor}
    return render(request, "workspace/new.html", context)


def _after_publication(request, code, *, action, form_class, service, template, done):
    """A confirmation page with a mandatory reason, then one step on a published posting."""
    postings = Posting.objects.select_related("current", "village")
    posting = get_for_user(postings, request.user, action, code=code)
    form = form_class(request.POST) if request.method == "POST" else form_class()
    if form.is_valid():
        try:
            revision = service(
                posting=posting,
                by=request.user,
                reason=form.cleaned_data["reason"],
                ip=client_ip(request),
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, done)
            return redirect("workspace:revision", revision.pk)
    return render(request, template, {"posting": posting, "form": form})


@staff_required
def correct(request, code: str):
    return _after_publication(
        request,
        code,
        action=Action.CORRECT,
        form_class=CorrectionForm,
        service=services.start_correction,
        template="workspace/correct.html",
        done=_(
            "A correction has been started. Change what is wrong, then submit it for sign-off; "
            "the published version stays public until the correction is published."
        ),
    )


@staff_required
def withdraw(request, code: str):
    return _after_publication(
        request,
        code,
        action=Action.WITHDRAW,
        form_class=WithdrawalForm,
        service=services.withdraw,
        template="workspace/withdraw.html",
        done=_(
            "The withdrawal has been sent to the supervision committee for sign-off. The posting "
            "stays public until the withdrawal is signed off and published."
        ),
    )
