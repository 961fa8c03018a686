"""Villagers' questions about a generated village's postings, and their ratings of its periods.

Most questions were listed by the supervision committee and answered, some late; some still wait
for an answer (a few past their due date, which the township sees), a few wait for moderation or
were not listed. Each published period gets a handful of ratings, more in bigger villages.
"""

import datetime

from django.conf import settings
from django.utils import timezone

from disclosure.contracts.models import ContractsKind
from disclosure.finance.models import FinanceKind
from disclosure.participation.models import Question, QuestionStatus, Rating, RatingChoice
from disclosure.publishing import kinds

from .publications import UNLOGGED, Village
from .timing import moment

QUESTIONS_PER_POSTING = 0.25
STATUSES = (
    (QuestionStatus.ANSWERED, 75),
    (QuestionStatus.LISTED, 15),
    (QuestionStatus.PENDING, 5),
    (QuestionStatus.REJECTED, 5),
)
RATINGS = (
    (RatingChoice.SATISFIED, 70),
    (RatingChoice.BASICALLY_SATISFIED, 22),
    (RatingChoice.NOT_SATISFIED, 8),
)
QUESTIONS = {
    FinanceKind.FINANCE_PERIOD: (
        "这个月的招待费是接待哪些人的？",
        "村道维修这笔支出是哪家施工的，有没有验收？",
        "保洁员工资为什么比上个月多？",
        "上级转移支付补助都用在哪些地方了？",
    ),
    ContractsKind.CONTRACT: (
        "这份合同是怎么选定承包人的？",
        "承包费是否已经按时收齐？",
        "合同到期后是否还继续发包？",
    ),
}
OTHER_QUESTIONS = ("这件事什么时候开始实施？", "具体方案可以到哪里查看？")
ANSWERS = (
    "该笔支出已经村务监督委员会审核，原始凭证可到村委会查阅。",
    "已按村民代表会议决议执行，详细情况见村务公开栏。",
    "感谢关心，相关款项已全部入账，欢迎到村委会核对。",
)
REJECT_REASON = "与本条公开内容无关，已转村委会另行答复。"


def load(sink, village: Village, posting_type: int, until: datetime.date) -> None:
    """Questions and ratings of the village's postings; call before its chain is written."""
    rng = village.rng
    for post in village.postings:
        published = post.revisions[0].published_at
        if rng.random() < QUESTIONS_PER_POSTING:
            asked = published + datetime.timedelta(days=rng.randint(1, 40), hours=rng.randint(1, 9))
            if asked.date() <= until:
                _question(sink, village, post, posting_type, asked)
        if post.kind == FinanceKind.FINANCE_PERIOD:
            _ratings(sink, village, post, published, until)


def _question(sink, village: Village, post, posting_type: int, asked) -> None:
    rng = village.rng
    status = rng.choices([s for s, _w in STATUSES], weights=[w for _s, w in STATUSES])[0]
    listed = asked + datetime.timedelta(hours=rng.randint(2, 48))
    due = timezone.localdate(listed) + datetime.timedelta(days=settings.QUESTIONS_ANSWER_DAYS)
    answered = listed + datetime.timedelta(days=rng.randint(1, 14), hours=1)
    is_listed = status in (QuestionStatus.LISTED, QuestionStatus.ANSWERED)
    is_answered = status == QuestionStatus.ANSWERED
    moderated = status != QuestionStatus.PENDING
    title = post.revisions[-1].title
    sink.add(
        Question,
        (
            sink.new_id(Question),
            village.id,
            posting_type,
            post.id,
            post.id,
            f"{kinds.label_of(post.kind)} · {title}"[:200],
            f"/p/{post.code}/",
            rng.choice(("", "", "村民")),
            "",
            rng.choice(QUESTIONS.get(post.kind, OTHER_QUESTIONS)),
            asked,
            status,
            village.supervisor.id if moderated else None,
            listed if is_listed else None,
            listed if status == QuestionStatus.REJECTED else None,
            REJECT_REASON if status == QuestionStatus.REJECTED else "",
            due if is_listed else None,
            rng.choice(ANSWERS) if is_answered else "",
            village.clerk.id if is_answered else None,
            village.clerk.name if is_answered else "",
            answered if is_answered else None,
            UNLOGGED,
        ),
    )


def _ratings(sink, village: Village, post, published, until: datetime.date) -> None:
    rng = village.rng
    choices = [choice for choice, _weight in RATINGS]
    weights = [weight for _choice, weight in RATINGS]
    for _ in range(rng.randint(0, round(8 * village.weight**0.5))):
        rated = published + datetime.timedelta(days=rng.randint(0, 30))
        if rated.date() > until:
            continue
        choice = rng.choices(choices, weights=weights)[0]
        sink.add(
            Rating,
            (sink.new_id(Rating), village.id, post.id, choice, "", moment(rng, rated.date())),
        )


TABLES = (
    (
        Question,
        (
            "id",
            "village_id",
            "subject_type_id",
            "subject_id",
            "posting_id",
            "subject_label",
            "subject_url",
            "name",
            "phone",
            "text",
            "asked_at",
            "status",
            "moderated_by_id",
            "listed_at",
            "rejected_at",
            "reject_reason",
            "due_on",
            "answer",
            "answered_by_id",
            "answered_by_name",
            "answered_at",
            "record_digest",
        ),
    ),
    (Rating, ("id", "village_id", "posting_id", "choice", "comment", "rated_at")),
)
