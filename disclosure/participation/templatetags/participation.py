from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from disclosure import clock
from disclosure.finance.models import FinanceKind
from disclosure.publishing.masking import mask_name
from disclosure.publishing.models import PostingStatus

from .. import selectors
from ..models import Question, RatingChoice
from ..services import period_ratings

register = template.Library()

# A posting's page shows its latest questions, shortened; the rest are a link away, so that
# questions never push the page past its weight on a phone.
ON_POSTING_PAGE = 3


@register.filter
def asker(question) -> str:
    """The asker's name as the system masks it (张*), or "a villager"."""
    return mask_name(question.name) or _("A villager")


@register.filter
def overdue(question) -> bool:
    return question.is_overdue(clock.today())


@register.inclusion_tag("participation/includes/posting.html")
def posting_participation(posting):
    """Questions shown beside a posting and, for a period's finances, its ratings."""
    questions, total = selectors.latest(selectors.posting_questions(posting), ON_POSTING_PAGE)
    rateable = (
        posting.kind == FinanceKind.FINANCE_PERIOD and posting.status == PostingStatus.PUBLISHED
    )
    return {
        "posting": posting,
        "questions": questions,
        "total": total,
        "summary": period_ratings([posting.pk])[posting.pk] if rateable else None,
        "choices": RatingChoice.choices,
    }


@register.inclusion_tag("participation/includes/matter.html")
def matter_questions(matter):
    questions, total = selectors.latest(selectors.matter_questions(matter), ON_POSTING_PAGE)
    return {"matter": matter, "questions": questions, "total": total}


@register.simple_tag
def ask_about_entry(entry, revision) -> str:
    """The "Ask" link of a line of a published ledger; built here, since a page lists dozens."""
    if not revision.is_published:
        return ""
    return format_html(
        ' <a href="{}" class="ask" aria-label="{}">{}</a>',
        reverse("participation:ask", args=["e", entry.pk]),
        _("Ask a question about voucher %(voucher)s") % {"voucher": entry.voucher_no},
        pgettext("about a ledger entry", "Ask"),
    )


@register.simple_tag
def overdue_question_count(village) -> int:
    """How many listed questions about the village's affairs wait past their deadline."""
    return Question.objects.public().overdue(clock.today()).filter(village=village).count()
