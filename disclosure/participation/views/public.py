"""Villagers' pages: the questions about an item with a form to ask, and a period's rating."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_http_methods

from disclosure.web.addresses import client_ip
from disclosure.web.forms import show_refusal

from .. import questions, ratings, selectors, subjects
from ..forms import QuestionForm, RatingForm
from ..models import RatingChoice
from ..services import period_ratings

QUESTIONS_PER_PAGE = 5
DONE = "1"


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
            return redirect(f"{subject.page_url}?asked={DONE}#ask")
        try:
            questions.ask(
                subject=subject,
                text=form.cleaned_data["text"],
                name=form.cleaned_data["name"],
                phone=form.cleaned_data["phone"],
                ip=client_ip(request),
            )
            return redirect(f"{subject.page_url}?asked={DONE}#ask")
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
        "asked": request.GET.get("asked") == DONE,
        "answer_days": settings.QUESTIONS_ANSWER_DAYS,
    }
    status = 400 if form.errors else 200
    return _private(render(request, "participation/ask.html", context, status=status))


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
