"""Disclosures made on a chosen day, through the real services, for the calendar's tests."""

import datetime
from decimal import Decimal

from disclosure.decisions import services as decisions
from disclosure.publishing import services as publishing

from ..clock import on
from ..decisions.builders import discussed_matter
from ..factories import published_posting, signed_off
from ..finance.ledgers import published_period


def period_published_on(day, village, clerk, supervisor, *, year, number):
    with on(day):
        return published_period(village, clerk, supervisor, year=year, number=number)


def notice_published_on(day, village, clerk, supervisor, **kwargs):
    with on(day):
        return published_posting(village, clerk, supervisor, **kwargs)


def power_list_published_on(day, village, clerk, supervisor):
    items = [
        {
            "name": "出具证明",
            "steps": "申请、审核、出具",
            "documents": "身份证",
            "time_limit": "3个工作日",
            "fee": "免费",
            "responsible": "村文书",
        }
    ]
    return notice_published_on(
        day, village, clerk, supervisor, kind="power_list", title="小微权力清单", power_items=items
    )


def matter_resolved_on(day, village, clerk):
    """A matter whose fourth discussion passed on the day (the others in the days before)."""
    # The decisions builder holds the fourth discussion six days before "today".
    with on(day + datetime.timedelta(days=6)):
        return discussed_matter(village, clerk)


def publish_resolution_on(day, matter, clerk, supervisor):
    with on(day):
        revision = decisions.prepare_resolution(matter=matter, by=clerk)
        publishing.publish(revision=signed_off(revision, clerk, supervisor), by=clerk)
    matter.refresh_from_db()
    return matter


def publish_result_on(day, matter, clerk, supervisor):
    with on(day):
        revision = decisions.prepare_result(
            matter=matter,
            body="工程已完工并验收。",
            final_cost=Decimal("375000.00"),
            accepted_on=matter.implementation_ended_on,
            accepted_by="乡农经站",
            acceptance="合格",
            by=clerk,
        )
        publishing.publish(revision=signed_off(revision, clerk, supervisor), by=clerk)
    matter.refresh_from_db()
    return matter
