"""Loading the demo: a fictional county whose postings went through the real lifecycle.

Everything is written through disclosure.publishing.services, so the demo's chain, audit log
and review history are what the portal would have recorded had the staff done it by hand.
"""

import contextlib
import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone, translation

from disclosure import clock
from disclosure.publishing import chain
from disclosure.publishing import services as publishing
from disclosure.publishing.models import Posting
from disclosure.publishing.services import Content
from disclosure.regions.models import OfficialNumber, Region, Role, RoleKind, User

from . import assets as assets_demo
from . import baisha, benefit_checks, exemplary, second_factor, taoyuan
from . import benefits as benefits_demo
from . import contracts as contracts_demo
from . import decisions as decisions_demo
from . import finance as finance_demo
from . import flag_cases as flag_cases_demo
from . import oversight as oversight_demo
from . import participation as participation_demo
from . import redflags as redflags_demo
from . import reports as reports_demo
from .files import attachment
from .places import COUNTY, DEMO_PASSWORD, OFFICIAL_NUMBERS, PLACES, VILLAGES, accounts
from .stories import Stage, Story, dated
from .timeline import Timeline, at, latest_before

STORIES = taoyuan.STORIES + baisha.STORIES
# In this order: participation asks about what the others published, redflags adds to their
# records, oversight orders corrections of two story notices, and the townships deal with the
# flags all of them raise.
APP_DEMOS = [
    benefits_demo,
    contracts_demo,
    decisions_demo,
    assets_demo,
    participation_demo,
    reports_demo,
    redflags_demo,
    benefit_checks,
    oversight_demo,
    flag_cases_demo,
]


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
    today = today or clock.today()
    # Labels stored with the data (a question's subject) are written in the site's language,
    # whatever language the caller happens to have active.
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        # The county row is locked by its unique code: two loads at once cannot both insert it.
        if is_loaded():
            return None
        regions = _make_places()
        staff = _make_accounts(regions)
        for code, number, label in OFFICIAL_NUMBERS:
            OfficialNumber.objects.create(region=regions[code], number=number, label=label)
        # Notices and finance periods are replayed on their own dates, in date order; the
        # other apps' demos follow, each dating its own steps (see README.md).
        timeline = Timeline(_moment_of_loading(today))
        for story in STORIES:
            _tell(story, regions[story.village], staff[story.village], timeline)
        finance_demo.schedule(timeline, regions=regions, staff=staff)
        exemplary.schedule_roads(timeline, regions=regions, staff=staff)
        timeline.run()
        for app_demo in APP_DEMOS:
            app_demo.load(regions=regions, staff=staff, today=today)
            if app_demo is contracts_demo:
                exemplary.collect_rent(regions=regions, staff=staff)
    postings = Posting.objects.filter(village__code__startswith=COUNTY.code[:6]).count()
    return Loaded(villages=len(VILLAGES), accounts=len(accounts()), postings=postings)


def _moment_of_loading(today: datetime.date) -> datetime.datetime:
    """The present time of day on `today`, never later than the real present."""
    now = timezone.localtime(clock.now())
    return min(now, timezone.make_aware(datetime.datetime.combine(today, now.time())))


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
    second_factor.set_up(User.objects.all())
    return staff


def _tell(story: Story, village: Region, staff: dict[str, User], timeline: Timeline) -> None:
    """Schedule the story's steps, as far along the lifecycle as the story says."""
    today = timezone.localdate(timeline.now)
    if story.month_day is None:
        timeline.schedule(timeline.now, lambda: _write(story, village, staff, today))
        return
    day = latest_before(today, *story.month_day, years_back=story.years_back)
    timeline.schedule(at(day, 10), lambda: _write(story, village, staff, day, timeline))
    later = day + datetime.timedelta(days=3)
    if story.stage == Stage.CORRECTED:
        timeline.schedule(at(later, 10), lambda: _correct(story, village, staff, day))
    elif story.stage == Stage.WITHDRAWN:
        timeline.schedule(at(later, 10), lambda: _withdraw(story, village, staff, day))


def _write(story, village, staff, day, timeline: Timeline | None = None) -> None:
    """Draft the posting the day before `day` and publish it on `day`, when the story goes so
    far; a story without a timeline takes every step at the present moment."""
    clerk, supervisor = staff[RoleKind.CLERK], staff[RoleKind.SUPERVISOR]
    eve = day - datetime.timedelta(days=1)

    def on(moment):
        return timeline.clock(moment) if timeline else contextlib.nullcontext()

    title, body = dated(story.title, day), dated(story.body, day)
    content = Content(title=title, body=body, power_items=story.power_items)
    with on(at(eve, 9)):
        revision = publishing.create_posting(
            village=village, kind=story.kind, content=content, by=clerk
        )
        for filename in story.attachments:
            upload = SimpleUploadedFile(filename, attachment(filename, title, body))
            publishing.add_attachment(revision=revision, upload=upload, by=clerk)
    if story.stage == Stage.DRAFT:
        return
    with on(at(eve, 11)):
        publishing.submit(revision=revision, by=clerk)
    if story.returned_reason:
        reason = dated(story.returned_reason, day)
        with on(at(eve, 15)):
            publishing.return_for_changes(revision=revision, by=supervisor, reason=reason)
        if story.stage == Stage.RETURNED:
            return
        with on(at(eve, 17)):
            publishing.submit(revision=revision, by=clerk)
    if story.stage == Stage.SUBMITTED:
        return
    with on(at(day, 9)):
        publishing.sign_off(
            revision=revision,
            content_digest=chain.content_digest(revision),
            by=supervisor,
            opinion=story.opinion,
        )
    if story.stage == Stage.SIGNED_OFF:
        return
    publishing.publish(revision=revision, by=clerk)


def _posting_of(story, village, day) -> Posting:
    return Posting.objects.get(village=village, current__title=dated(story.title, day))


def _withdraw(story, village, staff, day) -> None:
    reason = dated(story.withdrawal_reason, day)
    posting = _posting_of(story, village, day)
    clerk, supervisor = staff[RoleKind.CLERK], staff[RoleKind.SUPERVISOR]
    revision = publishing.withdraw(posting=posting, by=clerk, reason=reason)
    publishing.sign_off(
        revision=revision,
        content_digest=chain.content_digest(revision),
        by=supervisor,
        opinion=story.withdrawal_opinion,
    )
    publishing.publish(revision=revision, by=clerk)


def _correct(story, village, staff, day) -> None:
    clerk, supervisor = staff[RoleKind.CLERK], staff[RoleKind.SUPERVISOR]
    correction = story.correction
    published = _posting_of(story, village, day).current
    reason = dated(correction.reason, day)
    revision = publishing.start_correction(posting=published.posting, by=clerk, reason=reason)
    content = Content(title=published.title, body=dated(correction.body, day))
    revision = publishing.update_draft(revision=revision, content=content, by=clerk)
    publishing.submit(revision=revision, by=clerk)
    publishing.sign_off(
        revision=revision,
        content_digest=chain.content_digest(revision),
        by=supervisor,
        opinion=correction.opinion,
    )
    publishing.publish(revision=revision, by=clerk)
