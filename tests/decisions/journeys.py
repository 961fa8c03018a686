"""Matters further along their way, for the public pages: carried out, finished, disclosed.

Each step runs with the clock where it would happen, after the public-notice period.
"""

from datetime import timedelta
from decimal import Decimal

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from demo.files import notice_board_photo
from disclosure.decisions import implementation, services
from disclosure.decisions.models import LinkKind, Phase
from disclosure.publishing import services as publishing

from ..factories import signed_off
from .builders import after_notice, resolved_matter

FINAL_COST = Decimal("371500.00")


def photo(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, notice_board_photo(seed=name))


def report(matter, clerk, *, percent, spent, text, photos=()):
    update = implementation.record_progress(
        matter=matter,
        on=timezone.localdate(),
        description=text,
        percent=percent,
        spent=spent,
        by=clerk,
    )
    for phase, name in photos:
        implementation.add_progress_photo(
            progress=update, upload=photo(name), phase=phase, by=clerk
        )
    return update


def started_matter(village, clerk, supervisor):
    """A resolved matter whose work started the minute after its public notice ended."""
    matter = resolved_matter(village, clerk, supervisor)
    with time_machine.travel(after_notice(matter)):
        update = report(
            matter,
            clerk,
            percent=40,
            spent=Decimal("150000.00"),
            text="路基平整完成，开始浇筑路面。",
            photos=[(Phase.BEFORE, "施工前.jpg"), (Phase.DURING, "施工中.jpg")],
        )
        implementation.add_link(
            matter=matter,
            kind=LinkKind.CONTRACT,
            reference="HT-2025-007",
            label="村道硬化施工合同",
            progress=update,
            by=clerk,
        )
    matter.refresh_from_db()
    return matter


def finished_matter(village, clerk, supervisor, *, publish_result=True):
    """A matter carried out within ten days of its notice, its result disclosed the day after."""
    matter = started_matter(village, clerk, supervisor)
    with time_machine.travel(after_notice(matter) + timedelta(days=10)):
        report(
            matter,
            clerk,
            percent=100,
            spent=FINAL_COST,
            text="全部完工，已通车。",
            photos=[(Phase.AFTER, "完工后.jpg")],
        )
    if publish_result:
        with time_machine.travel(after_notice(matter) + timedelta(days=11)):
            revision = services.prepare_result(
                matter=matter,
                body="村道硬化工程已完工并通过验收。",
                final_cost=FINAL_COST,
                accepted_on=timezone.localdate(),
                accepted_by="镇农经站、村务监督委员会",
                acceptance="工程质量合格，同意验收。",
                by=clerk,
            )
            publishing.publish(revision=signed_off(revision, clerk, supervisor), by=clerk)
    matter.refresh_from_db()
    return matter
