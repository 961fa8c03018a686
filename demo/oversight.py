"""Correction orders in the demo county: one carried out, one still open.

Runs after every other app's demo: it orders corrections of notices the demo stories published
(杏花村's spring-ploughing notice, 高坪村's distribution of collective income). 高坪村 lands on
the black list through the finance demo, which leaves its newest due period undisclosed.
"""

from disclosure.oversight.orders import order_correction
from disclosure.publishing import chain
from disclosure.publishing import services as publishing
from disclosure.publishing.catalogue import Kind
from disclosure.publishing.models import Posting
from disclosure.regions.models import RoleKind

from .places import BAISHA, GAOPING, TAOYUAN, XINGHUA

CARRIED_OUT = (
    XINGHUA.code,
    "春耕备耕",
    "通知请村民登记代购农资，但未写明代购价格和是否收费，请补充后更正。",
    "\n\n五、代购农资按镇农资供应点公示价格结算，村集体不加价、不收取任何费用。",
)
STILL_OPEN = (
    GAOPING.code,
    "收益分配方案",
    "分配方案未列明公积公益金64,350.00元的具体用途，请补充用途并更正公示。",
)


def _notice(regions, village_code: str, title_part: str) -> Posting:
    return (
        Posting.objects.in_force()
        .select_related("current")
        .get(
            village=regions[village_code],
            kind=Kind.NOTICE,
            current__title__contains=title_part,
        )
    )


def load(*, regions, staff, today) -> None:
    village_code, title_part, reason, addition = CARRIED_OUT
    posting = _notice(regions, village_code, title_part)
    order_correction(
        posting=posting, reason=reason, by=staff[TAOYUAN.code][RoleKind.TOWNSHIP_OFFICIAL]
    )
    _correct(posting, staff[village_code], addition)

    village_code, title_part, reason = STILL_OPEN
    posting = _notice(regions, village_code, title_part)
    order_correction(
        posting=posting, reason=reason, by=staff[BAISHA.code][RoleKind.TOWNSHIP_OFFICIAL]
    )


def _correct(posting: Posting, people, addition: str) -> None:
    clerk, supervisor = people[RoleKind.CLERK], people[RoleKind.SUPERVISOR]
    revision = publishing.start_correction(
        posting=posting, by=clerk, reason="按桃源镇要求，补充代购农资的价格和收费说明。"
    )
    content = publishing.Content(title=revision.title, body=revision.body + addition)
    revision = publishing.update_draft(revision=revision, content=content, by=clerk)
    publishing.submit(revision=revision, by=clerk)
    publishing.sign_off(
        revision=revision,
        content_digest=chain.content_digest(revision),
        by=supervisor,
        opinion="补充内容属实，同意更正。",
    )
    publishing.publish(revision=revision, by=clerk)
