"""Reports of the demo: one anonymous under investigation and one concluded, each with a code
printed in the demo's README so that anyone can follow them at /jubao/track/, and one named.

Every report is filed and handled through the services, each step on its own day.
"""

import datetime
from contextlib import contextmanager

from django.utils import timezone

from disclosure import clock
from disclosure.regions.models import RoleKind
from disclosure.reports import codes, handling
from disclosure.reports.models import Report, ReportStatus
from disclosure.reports.services import Filing, file_report

from .places import LIUWAN, SHIQIAO, TAOYUAN, XINGHUA

# Known codes, for the demo only: real codes are random and never stored.
INVESTIGATING_CODE = "JB25-DEMX-7KQP"
CONCLUDED_CODE = "JB25-DEMX-8HRT"


@contextmanager
def _on(now: datetime.datetime, days_ago: int):
    moment = (now - datetime.timedelta(days=days_ago)).replace(hour=9, minute=30)
    with clock.replaying(moment):
        yield


def _file(village, category, text, *, name="", contact="", code=None) -> Report:
    filing = Filing(village, category, text, anonymous=not name, name=name, contact=contact)
    report, _ = file_report(filing=filing)
    if code:
        # The demo's README prints this code; a real report's code is known to its reporter only.
        Report.objects.filter(pk=report.pk).update(code_hash=codes.hash_of(codes.normalise(code)))
    return report


def load(*, regions, staff, today: datetime.date) -> None:
    handler = staff[TAOYUAN.code][RoleKind.REPORT_HANDLER]
    now = timezone.make_aware(datetime.datetime.combine(today, datetime.time(12)))
    with _on(now, 12):
        investigated = _file(
            regions[XINGHUA.code],
            "finance",
            "村里今年春天把后山的集体林地租给外地老板种茶，听说一年租金有好几万，"
            "可村务公开栏上一直没有这笔收入，也没开过村民代表会议。",
            code=INVESTIGATING_CODE,
        )
    with _on(now, 9):
        handling.change_status(report=investigated, status=ReportStatus.INVESTIGATING, by=handler)
        handling.add_note(
            report=investigated, text="已调取杏花村上半年收支明细，待核对林地租赁合同。", by=handler
        )
    with _on(now, 40):
        concluded = _file(
            regions[LIUWAN.code],
            "late",
            "柳湾村上个季度的财务收支过了公开期限还没有公开，公开栏上还是再前一个季度的表。",
            code=CONCLUDED_CODE,
        )
    with _on(now, 38):
        handling.change_status(report=concluded, status=ReportStatus.INVESTIGATING, by=handler)
    with _on(now, 30):
        handling.change_status(
            report=concluded,
            status=ReportStatus.CONCLUDED,
            by=handler,
            conclusion="经镇农经站核查，柳湾村上季度财务收支确未按时公开。镇里已责令村委会"
            "补充公开，并在全镇通报。补充公开的内容已在本平台发布，欢迎监督。",
        )
    with _on(now, 3):
        _file(
            regions[SHIQIAO.code],
            "projects",
            "石桥村村道硬化工程没有公开招标，施工队是村干部亲戚的，路面才修好两个月就开裂了。",
            name="石大山",
            contact="13800000000",
        )
