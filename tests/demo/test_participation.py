"""The demo's questions and ratings, asked about what the other apps' demos published."""

from django.utils import timezone

from demo.places import LONGQUAN, SHIQIAO, VILLAGES, XINGHUA
from disclosure.finance.models import FinanceKind
from disclosure.participation.models import Question, QuestionStatus, Rating
from disclosure.participation.services import question_counts
from disclosure.publishing.models import Posting, PostingStatus


def test_xinghua_has_answered_pending_overdue_and_unlisted_questions(db, demo_regions):
    village = demo_regions[XINGHUA.code]
    counts = question_counts([village.pk], timezone.localdate())[village.pk]
    assert (counts.pending, counts.overdue, counts.answered) == (1, 1, 2)
    assert Question.objects.filter(village=village, status=QuestionStatus.REJECTED).count() == 1
    about_entries = Question.objects.filter(
        village=village, subject_type__model="ledgerentry", status=QuestionStatus.ANSWERED
    )
    assert [entry.subject_label[:3] for entry in about_entries] == ["凭证 ", "凭证 "]


def test_each_township_sees_an_overdue_question(db, demo_regions):
    today = timezone.localdate()
    for code in (XINGHUA.code, LONGQUAN.code):
        village = demo_regions[code]
        assert question_counts([village.pk], today)[village.pk].overdue == 1
    shiqiao = demo_regions[SHIQIAO.code]
    assert question_counts([shiqiao.pk], today)[shiqiao.pk].answered == 1


def test_every_published_period_has_a_mix_of_ratings(db, demo_regions):
    periods = Posting.objects.filter(
        kind=FinanceKind.FINANCE_PERIOD,
        status=PostingStatus.PUBLISHED,
        village__code__in=[place.code for place in VILLAGES],
    )
    assert periods.exists()
    for posting in periods:
        choices = set(Rating.objects.filter(posting=posting).values_list("choice", flat=True))
        assert {"satisfied", "basically_satisfied"} <= choices, posting.code


def test_the_pages_show_the_answers_and_never_the_phone(db, demo_regions, client):
    village = demo_regions[XINGHUA.code]
    for question in Question.objects.filter(village=village).exclude(posting=None):
        page = client.get(f"/q/p/{question.posting.code}/").content.decode()
        assert "13900001234" not in page
        if question.status == QuestionStatus.ANSWERED:
            assert question.answer in page
        if question.status in (QuestionStatus.PENDING, QuestionStatus.REJECTED):
            assert question.text not in page
    period = Question.objects.filter(village=village).exclude(posting=None).first().posting
    page = client.get(period.get_absolute_url()).content.decode()
    assert "村民满意度测评" in page and "13900001234" not in page
