"""Adding files to a draft and taking them off again."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from disclosure.publishing import services
from disclosure.publishing.models import Attachment
from disclosure.regions.access import Action, get_for_user
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required

from ..forms import AttachmentForm
from .revisions import REVISIONS, revision_page


@staff_required
@require_POST
def upload(request, pk: int):
    revision = get_for_user(REVISIONS, request.user, Action.DRAFT, pk=pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        uploads = form.cleaned_data["files"]
        try:
            # All of the chosen files or none: a refused file leaves the draft as it was.
            with transaction.atomic():
                for file in uploads:
                    services.add_attachment(
                        revision=revision, upload=file, by=request.user, ip=client_ip(request)
                    )
        except ValidationError as error:
            form.add_error("files", error)
        else:
            messages.success(
                request,
                ngettext("%(count)d file attached.", "%(count)d files attached.", len(uploads))
                % {"count": len(uploads)},
            )
            return redirect("workspace:revision", revision.pk)
    return revision_page(request, revision, upload_form=form)


@staff_required
@require_POST
def remove(request, pk: int, attachment_pk: int):
    attachments = Attachment.objects.select_related("revision")
    attachment = get_for_user(
        attachments, request.user, Action.DRAFT, pk=attachment_pk, revision_id=pk
    )
    try:
        services.remove_attachment(attachment=attachment, by=request.user, ip=client_ip(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(name)s was removed.") % {"name": attachment.filename})
    return redirect("workspace:revision", pk)
