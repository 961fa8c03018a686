"""Reports for the tests, filed through the same service villagers use."""

from disclosure.reports import handling
from disclosure.reports.models import ReportStatus
from disclosure.reports.services import Filing, file_report

TEXT = "村里去年卖掉的集体林地收入没有公开，账上也查不到这笔钱。"
NAME = "张举报"
PHONE = "13912345678"


def make_report(village, *, anonymous=False, category="finance", text=TEXT, uploads=()):
    filing = Filing(
        village=village,
        category=category,
        text=text,
        anonymous=anonymous,
        name="" if anonymous else NAME,
        contact="" if anonymous else PHONE,
    )
    return file_report(filing=filing, uploads=uploads)


def moved(report, handler, *statuses, conclusion="经调查，该笔收入已入账并补充公开。"):
    for status in statuses:
        report = handling.change_status(
            report=report,
            status=status,
            by=handler,
            conclusion=conclusion if status == ReportStatus.CONCLUDED else "",
        )
    return report
