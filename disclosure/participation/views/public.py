"""Villagers' pages: the questions about an item with a form to ask, and a period's rating."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from disclosure import clock
from disclosure.portal.http import absolute_url
from disclosure.reports import codes
from disclosure.web.addresses import client_ip
from disclosure.web.forms import show_refusal

from .. import questions, ratings, selectors, subjects
from ..forms import QuestionForm, RatingForm, TrackForm
from ..models import Question, RatingChoice
from ..services import period_ratings

QUESTIONS_PER_PAGE = 5
DONE = "1"
# The session holds the tracking code only until the receipt shows it, once.
RECEIPT_KEY = "question_receipt"


def _private(response):
    # The page carries this visitor's CSRF token and answers: no shared cache may keep it.
    patch_vary_headers(response, ["Cookie"])
    patch_cache_control(response, private=True, no_cache=True)
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def ask(request, kind, key):
    subject = subjects.find(kind, key)
    form = QuestionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if form.is_robot():
            return redirect("participation:receipt")
        try:
            asked = questions.ask(
                subject=subject,
                text=form.cleaned_data["text"],
                name=form.cleaned_data["name"],
                phone=form.cleaned_data["phone"],
                ip=client_ip(request),
            )
            request.session[RECEIPT_KEY] = [asked.tracking_code, asked.pk]
            return redirect("participation:receipt")
        except ValidationError as error:
            show_refusal(form, error)
    village = subject.village
    context = {
        "subject": subject,
        "village": village,
        "places": [*village.ancestors(), village],
        "page": Paginator(selectors.questions_about(subject), QUESTIONS_PER_PAGE).get_page(
            request.GET.get("page")
        ),
        "form": form,
        # A posting's page gathers questions about its entries too: each names what it is about.
        "gathered": subject.kind == subjects.POSTING,
        "listing_days": settings.QUESTIONS_LISTING_DAYS,
        "answer_days": settings.QUESTIONS_ANSWER_DAYS,
    }
    status = 400 if form.errors else 200
    return _private(render(request, "participation/ask.html", context, status=status))


def receipt(request):
    """The tracking code, shown once: it is kept nowhere else, so it cannot be shown again."""
    code, pk = request.session.pop(RECEIPT_KEY, None) or (None, None)
    context = {
        "code": codes.shown(code) if code else None,
        "question": Question.objects.filter(pk=pk).select_related("village").first(),
        "track_url": absolute_url(request, reverse("participation:track")),
        "answer_days": settings.QUESTIONS_ANSWER_DAYS,
    }
    return _private(render(request, "participation/receipt.html", context))


@require_http_methods(["GET", "POST"])
def track(request):
    """A question followed by its tracking code: where it stands, and the committee's reason
    when it was not listed."""
    if request.method == "GET":
        return _private(render(request, "participation/track.html", {"form": TrackForm()}))
    form = TrackForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            found = questions.track(form.cleaned_data["code"], ip=client_ip(request))
        except ValidationError as error:
            form.add_error(None, error)
            status = 429
        else:
            if found is not None:
                today = clock.today()
                context = {
                    "question": found,
                    "late_listing": found.is_listing_overdue(today),
                    "late_answer": found.is_overdue(today),
                }
                return _private(render(request, "participation/status.html", context))
            form.add_error("code", _("No question has this tracking code; please check it."))
    return _private(render(request, "participation/track.html", {"form": form}, status=status))


@require_http_methods(["GET", "HEAD", "POST"])
def rate(request, code):
    posting = ratings.rateable_period(code)
    rated = ratings.rated_codes(request)
    initial = {"choice": request.GET.get("choice")} if request.method == "GET" else None
    form = RatingForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if form.is_robot():
            return redirect(f"{request.path}?rated={DONE}")
        try:
            ratings.rate(
                posting=posting,
                choice=form.cleaned_data["choice"],
                comment=form.cleaned_data["comment"],
                already_rated=posting.code in rated,
                ip=client_ip(request),
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            response = redirect(f"{request.path}?rated={DONE}")
            ratings.remember(response, rated, posting.code)
            return response
    village = posting.village
    context = {
        "posting": posting,
        "village": village,
        "places": [*village.ancestors(), village],
        "summary": period_ratings([posting.pk])[posting.pk],
        "form": form,
        "choices": RatingChoice.choices,
        "already_rated": posting.code in rated,
        "thanks": request.GET.get("rated") == DONE,
    }
    status = 400 if form.errors else 200
    return _private(render(request, "participation/rate.html", context, status=status))
