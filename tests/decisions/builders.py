"""Major matters for the tests, built through the decisions services, step by step."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from disclosure.decisions import services
from disclosure.decisions.models import Body, Category
from disclosure.decisions.rules import Figures
from disclosure.publishing import services as publishing

from ..factories import signed_off

BODIES = {
    1: Body.PARTY_BRANCH,
    2: Body.TWO_COMMITTEES,
    3: Body.PARTY_MEMBERS,
    4: Body.REPRESENTATIVES,
}


def figures(number, *, body=None, held_on=None, eligible=9, present=9, votes_for=None, against=0):
    return Figures(
        number=number,
        body=body or BODIES[number],
        held_on=held_on or timezone.localdate() - timedelta(days=10 - number),
        eligible=eligible,
        present=present,
        votes_for=present - against if votes_for is None else votes_for,
        votes_against=against,
        abstentions=0,
    )


def new_matter(village, clerk, title="村道硬化工程", amount=Decimal("380000.00")):
    return services.create_matter(
        village=village,
        title=title,
        category=Category.PUBLIC_WELFARE,
        amount=amount,
        description="将村东至村西3公里土路硬化为水泥路。",
        by=clerk,
    )


def discussed_matter(village, clerk, **kwargs):
    """A matter whose four discussions all passed at the first attempt."""
    matter = new_matter(village, clerk, **kwargs)
    for number in range(1, 5):
        services.record_stage(matter=matter, figures=figures(number), minutes="会议记录", by=clerk)
    return matter


def resolved_matter(village, clerk, supervisor, **kwargs):
    """A matter whose resolution disclosure is published: its public-notice period starts now."""
    matter = discussed_matter(village, clerk, **kwargs)
    revision = services.prepare_resolution(matter=matter, by=clerk)
    publishing.publish(revision=signed_off(revision, clerk, supervisor), by=clerk)
    matter.refresh_from_db()
    return matter


def after_notice(matter):
    """A moment just after the matter's public-notice period, to move the clock to."""
    from disclosure.decisions.states import notice_ends_at

    return notice_ends_at(matter) + timedelta(minutes=1)
