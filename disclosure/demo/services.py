"""Loading the demo: a fictional county whose postings went through the real lifecycle.

Everything is written through disclosure.publishing.services, so the demo's chain, audit log
and review history are what the portal would have recorded had the staff done it by hand.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from disclosure.assets import demo as assets_demo
from disclosure.benefits import demo as benefits_demo
from disclosure.contracts import demo as contracts_demo
from disclosure.decisions import demo as decisions_demo
from disclosure.finance import demo as finance_demo
from disclosure.publishing import services as publishing
from disclosure.publishing.models import Posting
from disclosure.publishing.services import Content
from disclosure.regions.models import Region, Role, RoleKind, User

from . import baisha, taoyuan
from .files import attachment
from .places import COUNTY, DEMO_PASSWORD, PLACES, VILLAGES, accounts
from .stories import Stage, Story, dated

STORIES = taoyuan.STORIES + baisha.STORIES


class DemoRefused(Exception):
    """The demo must never be written into a production database."""


@dataclass(frozen=True)
class Loaded:
    villages: int
    accounts: int
    postings: int


def is_loaded() -> bool:
    return Region.objects.filter(code=COUNTY.code).exists()


def load_demo(*, today: datetime.date | None = None) -> Loaded | None:
    """Load the demo county; None when it is already there, so running twice adds nothing."""
    if settings.PRODUCTION:
        raise DemoRefused
    today = today or timezone.localdate()
    with transaction.atomic():
        # The county row is locked by its unique code: two loads at once cannot both insert it.
        if is_loaded():
            return None
        regions = _make_places()
        staff = _make_accounts(regions)
        for story in STORIES:
            _tell(story, regions[story.village], staff[story.village], today)
        benefits_demo.load(regions=regions, staff=staff, today=today)
        contracts_demo.load(regions=regions, staff=staff, today=today)
        finance_demo.load(regions=regions, staff=staff, today=today)
        decisions_demo.load(regions=regions, staff=staff, today=today)
        assets_demo.load(regions=regions, staff=staff, today=today)
    postings = Posting.objects.filter(village__code__startswith=COUNTY.code[:6]).count()
    return Loaded(villages=len(VILLAGES), accounts=len(accounts()), postings=postings)


def _make_places() -> dict[str, Region]:
    regions: dict[str, Region] = {}
    for place in PLACES:
        regions[place.code] = Region.objects.create(
            code=place.code,
            name=place.name,
            level=place.level,
            parent=regions.get(place.parent),
        )
    return regions


def _make_accounts(regions: dict[str, Region]) -> dict[str, dict[str, User]]:
    """Create every account; return each village's clerk and supervisor by role."""
    staff: dict[str, dict[str, User]] = {}
    # One hash for the one shared password: Argon2 is slow by design, once is enough.
    password = make_password(DEMO_PASSWORD)
    for account in accounts():
        user = User.objects.create(
            username=account.username,
            display_name=account.display_name,
            password=password,
            is_staff=account.superuser,
            is_superuser=account.superuser,
        )
        Role.objects.create(user=user, region=regions[account.region], kind=account.role)
        staff.setdefault(account.region, {})[account.role] = user
    return staff


def _tell(story: Story, village: Region, staff: dict[str, User], today: datetime.date) -> None:
    """Take the story's posting as far along the lifecycle as the story says."""
    clerk, supervisor = staff[RoleKind.CLERK], staff[RoleKind.SUPERVISOR]
    title, body = dated(story.title, today), dated(story.body, today)
    content = Content(title=title, body=body, power_items=story.power_items)
    revision = publishing.create_posting(
        village=village, kind=story.kind, content=content, by=clerk
    )
    for filename in story.attachments:
        upload = SimpleUploadedFile(filename, attachment(filename, title, body))
        publishing.add_attachment(revision=revision, upload=upload, by=clerk)
    if story.stage == Stage.DRAFT:
        return
    publishing.submit(revision=revision, by=clerk)
    if story.returned_reason:
        reason = dated(story.returned_reason, today)
        publishing.return_for_changes(revision=revision, by=supervisor, reason=reason)
        if story.stage == Stage.RETURNED:
            return
        publishing.submit(revision=revision, by=clerk)
    if story.stage == Stage.SUBMITTED:
        return
    publishing.sign_off(revision=revision, by=supervisor, opinion=story.opinion)
    if story.stage == Stage.SIGNED_OFF:
        return
    publishing.publish(revision=revision, by=clerk)
    if story.stage == Stage.CORRECTED:
        _correct(story, revision, clerk, supervisor, today)
    elif story.stage == Stage.WITHDRAWN:
        reason = dated(story.withdrawal_reason, today)
        publishing.withdraw(posting=revision.posting, by=clerk, reason=reason)


def _correct(story, published, clerk, supervisor, today) -> None:
    correction = story.correction
    reason = dated(correction.reason, today)
    revision = publishing.start_correction(posting=published.posting, by=clerk, reason=reason)
    content = Content(title=published.title, body=dated(correction.body, today))
    publishing.update_draft(revision=revision, content=content, by=clerk)
    publishing.submit(revision=revision, by=clerk)
    publishing.sign_off(revision=revision, by=supervisor, opinion=correction.opinion)
    publishing.publish(revision=revision, by=clerk)
