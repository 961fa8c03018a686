"""The start page: my villages and what waits for me in them."""

from django.db.models import OuterRef, Subquery
from django.shortcuts import render

from disclosure.publishing import kinds
from disclosure.publishing.models import (
    Posting,
    ReviewEvent,
    Revision,
    RevisionState,
)
from disclosure.publishing.services import EDITABLE
from disclosure.publishing.tasks import tasks_for
from disclosure.regions.access import Action, regions_for, scope, villages_for
from disclosure.web.decorators import staff_required

# Township officials and administrators oversee many villages; their list is kept short.
OVERSIGHT_LIMIT = 50
RECENTLY_PUBLISHED_LIMIT = 20


def _open_revisions():
    return Revision.objects.open().select_related("posting", "village").order_by("-created_at")


def _last_return_reason():
    returns = ReviewEvent.objects.filter(revision=OuterRef("pk"), step=ReviewEvent.Step.RETURNED)
    return Subquery(returns.order_by("-at", "-pk").values("note")[:1])


def _my_drafts(user):
    drafts = scope(_open_revisions(), user, Action.DRAFT)
    return drafts.filter(author=user, state__in=EDITABLE).annotate(
        return_reason=_last_return_reason()
    )


def _review_queue(user):
    submitted = _open_revisions().filter(state=RevisionState.SUBMITTED).exclude(author=user)
    return scope(submitted, user, Action.REVIEW)


def _waiting_to_publish(user):
    return scope(_open_revisions().filter(state=RevisionState.SIGNED_OFF), user, Action.PUBLISH)


def _recently_published(user):
    published = Posting.objects.in_force()
    published = published.select_related("current", "village")
    return scope(published, user, Action.CORRECT)[:RECENTLY_PUBLISHED_LIMIT]


def _overseen(user):
    return scope(_open_revisions(), user, Action.VIEW_AUDIT_LOG)[:OVERSIGHT_LIMIT]


@staff_required
def home(request):
    user = request.user
    villages = villages_for(user, Action.VIEW_DRAFTS)
    drafting = set(villages_for(user, Action.DRAFT).values_list("pk", flat=True))
    context = {
        "villages": [(village, village.pk in drafting) for village in villages],
        "kinds": kinds.choices(),
        "tasks": tasks_for(user),
    }
    sections = {
        "my_drafts": (Action.DRAFT, _my_drafts),
        "review_queue": (Action.REVIEW, _review_queue),
        "waiting_to_publish": (Action.PUBLISH, _waiting_to_publish),
        "recently_published": (Action.CORRECT, _recently_published),
        "overseen": (Action.VIEW_AUDIT_LOG, _overseen),
    }
    for name, (action, rows) in sections.items():
        # A section is shown only to those whose role has a part in it, even when it is empty.
        if regions_for(user, action):
            context[name] = rows(user)
    return render(request, "workspace/home.html", context)
