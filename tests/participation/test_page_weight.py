"""Questions never push a page past 30 KB compressed, even at their longest."""

import gzip

from django.conf import settings

from disclosure.finance.models import LedgerEntry
from disclosure.participation import questions, subjects

from ..finance.ledgers import Line, published_period
from .conftest import answered, ask, listed

BUDGET = 30 * 1024
# Varied text compresses as badly as a real answer would, unlike one character repeated.
WORDS = "村集体收入支出工程款合同招标验收决算补贴公示监督委员会账目凭证审核答复土地承包费"


def _long(length: int, seed: int) -> str:
    return "".join(WORDS[(i * 7 + seed * 13 + i // 5) % len(WORDS)] for i in range(length))


def weight(client, url) -> int:
    stylesheet = (settings.BASE_DIR / "static" / "css" / "site.css").read_bytes()
    response = client.get(url)
    assert response.status_code == 200
    return len(gzip.compress(response.content + stylesheet, mtime=0))


def test_a_long_period_with_many_long_questions_stays_within_the_budget(
    client, village_a, clerk_a, supervisor_a
):
    lines = [
        Line(f"保洁员工资（第{n}组）", "531", "管理费用", "management_expenses", "0", f"{n}.50")
        for n in range(1, 401)
    ]
    revision = published_period(village_a, clerk_a, supervisor_a, lines=lines)
    for n, entry in enumerate(LedgerEntry.objects.filter(revision=revision)[:12]):
        subject = subjects.find(subjects.ENTRY, str(entry.pk))
        question = ask(subject, text=_long(questions.TEXT_MAX_CHARS, n), ip=f"10.6.0.{n}")
        answered(listed(question, supervisor_a), clerk_a, _long(questions.ANSWER_MAX_CHARS, n))
    code = revision.posting.code
    for url in [f"/p/{code}/", f"/q/p/{code}/", f"/q/p/{code}/?page=2", f"/rate/{code}/"]:
        assert weight(client, url) <= BUDGET, url
