"""The workspace of questions: the supervision committee moderates, the clerk or a supervisor
answers, the township watches late answers; ratings with their comments."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from disclosure import clock
from disclosure.publishing.masking import mask_phone
from disclosure.regions.access import Action, can, get_for_user, may_follow_question, regions_for
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required

from .. import questions, selectors
from ..forms import AnswerForm, RejectForm
from ..models import Question, QuestionStatus
from ..services import period_ratings

RATED_PERIODS = 40


@staff_required
def index(request):
    user = request.user
    today = clock.today()
    context = {"today": today}
    if regions_for(user, Action.MODERATE_QUESTIONS):
        context["to_moderate"] = selectors.to_moderate(user)
    if regions_for(user, Action.ANSWER_QUESTIONS):
        context["to_answer"] = selectors.to_answer(user)
        context["done"] = selectors.recently_done(user)
    if selectors.oversees(user):
        context["overdue"] = selectors.overdue_overseen(user, today)
    context["may_read_ratings"] = selectors.may_read_ratings(user)
    return render(request, "participation/staff/index.html", context)


def _question(request, pk: int) -> Question:
    """A question of a village the user answers for or oversees; others get 404 or 403."""
    question = get_for_user(
        Question.objects.select_related("village"), request.user, Action.VIEW_DRAFTS, pk=pk
    )
    if not may_follow_question(request.user, question):
        raise PermissionDenied
    return question


def _render(request, question, reject_form=None, answer_form=None, status=200):
    user = request.user
    may_moderate = can(user, Action.MODERATE_QUESTIONS, question)
    may_answer = can(user, Action.ANSWER_QUESTIONS, question)
    pending = question.status == QuestionStatus.PENDING
    listed = question.status == QuestionStatus.LISTED
    context = {
        "question": question,
        "today": clock.today(),
        # The phone reaches only the village's answering staff, and masked.
        "phone": mask_phone(question.phone) if may_answer else "",
        "may_moderate": may_moderate and pending,
        "reject_form": reject_form or RejectForm(),
        "may_answer": may_answer and listed,
        "answer_form": answer_form or AnswerForm(),
    }
    return render(request, "participation/staff/question.html", context, status=status)


@staff_required
def question(request, pk: int):
    return _render(request, _question(request, pk))


def _moderated(request, question):
    try:
        questions.list_question(question=question, by=request.user, ip=client_ip(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The question is listed publicly; the village answers it."))
    return redirect("participation_staff:question", question.pk)


@staff_required
@require_POST
def list_question(request, pk: int):
    question = get_for_user(Question.objects.all(), request.user, Action.MODERATE_QUESTIONS, pk=pk)
    return _moderated(request, question)


@staff_required
@require_POST
def reject(request, pk: int):
    question = get_for_user(Question.objects.all(), request.user, Action.MODERATE_QUESTIONS, pk=pk)
    form = RejectForm(request.POST)
    if form.is_valid():
        try:
            questions.reject_question(
                question=question,
                reason=form.cleaned_data["reason"],
                by=request.user,
                ip=client_ip(request),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The question is not listed."))
            return redirect("participation_staff:index")
        return redirect("participation_staff:question", question.pk)
    return _render(request, _question(request, pk), reject_form=form, status=400)


@staff_required
@require_POST
def answer(request, pk: int):
    question = get_for_user(Question.objects.all(), request.user, Action.ANSWER_QUESTIONS, pk=pk)
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            questions.answer_question(
                question=question,
                text=form.cleaned_data["answer"],
                by=request.user,
                ip=client_ip(request),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The answer is published beside the question."))
        return redirect("participation_staff:question", question.pk)
    return _render(request, _question(request, pk), answer_form=form, status=400)


@staff_required
def ratings(request):
    user = request.user
    if not selectors.may_read_ratings(user):
        raise PermissionDenied
    comments = list(selectors.rating_comments(user))
    rated = selectors.rated_periods(user)[:RATED_PERIODS]
    summaries = period_ratings([posting.pk for posting in rated])
    context = {
        "periods": [(posting, summaries[posting.pk]) for posting in rated],
        "comments": comments,
    }
    return render(request, "participation/staff/ratings.html", context)
