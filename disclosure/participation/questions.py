"""A question's way: asked by anyone → listed (or not) by the supervision committee → answered.

Asking needs no account; the asker gets a tracking code (kept only as its hash, as a report's)
to follow the question. The supervision committee lists or rejects every question, with a reason
the asker reads, within QUESTIONS_LISTING_DAYS; the clerk or a supervisor answers within
QUESTIONS_ANSWER_DAYS of its listing. An
answered question is permanent (a database trigger refuses any change). A listed question is a
public record (publishing/records.py): listing it and answering it each append its leaf to the
county's transparency log.
"""

import re
import unicodedata
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure import clock
from disclosure.publishing import records
from disclosure.publishing.audit import record
from disclosure.publishing.masking import mask_text
from disclosure.publishing.notify import notify
from disclosure.regions.access import Action, require
from disclosure.reports import codes
from disclosure.web import limits

from .models import Question, QuestionStatus
from .subjects import LABEL_MAX, Subject

TEXT_MIN_CHARS = 4
# Kept short so a page of questions and answers stays light on a phone.
TEXT_MAX_CHARS = 500
NAME_MAX_CHARS = 30
ANSWER_MAX_CHARS = 2000
REASON_MAX_CHARS = 500
# Mainland mobile numbers; the country code and separators are dropped before the check.
_MOBILE = re.compile(r"1[3-9]\d{9}")
_COUNTRY_CODE = re.compile(r"^(\+|00)?86")


def _clean(text: str) -> str:
    return mask_text((text or "").replace("\r\n", "\n").strip())


def clean_phone(value: str) -> str:
    """An 11-digit mobile number, or "" when none was given; anything else is refused."""
    phone = re.sub(r"[\s\-()]", "", unicodedata.normalize("NFKC", value or ""))
    if not phone:
        return ""
    phone = _COUNTRY_CODE.sub("", phone) if len(phone) > 11 else phone
    if not _MOBILE.fullmatch(phone):
        raise ValidationError(
            {"phone": _("Please give an 11-digit mobile number, or leave the field empty.")}
        )
    return phone


def _check_text(text: str, name: str) -> None:
    errors = {}
    if len(text) < TEXT_MIN_CHARS:
        errors["text"] = _("Please write your question in at least %(limit)s characters.") % {
            "limit": TEXT_MIN_CHARS
        }
    elif len(text) > TEXT_MAX_CHARS:
        errors["text"] = _("A question may be at most %(limit)s characters long.") % {
            "limit": TEXT_MAX_CHARS
        }
    if len(name) > NAME_MAX_CHARS:
        errors["name"] = _("A name may be at most %(limit)s characters long.") % {
            "limit": NAME_MAX_CHARS
        }
    if errors:
        raise ValidationError(errors)


def _check_rate(ip: str | None) -> None:
    limits.check(
        kind="question",
        who=ip,
        limit=settings.QUESTIONS_PER_HOUR,
        message=_(
            "Too many questions were sent from your network in the last hour; please try later."
        ),
    )


def staff_url(question: Question) -> str:
    """The question's page in the workspace, absolute when the site's address is configured."""
    return settings.PUBLIC_BASE_URL + reverse("participation_staff:question", args=[question.pk])


@transaction.atomic
def ask(
    *, subject: Subject, text: str, name: str = "", phone: str = "", ip=None, now=None
) -> Question:
    """A villager's question; it waits for the supervision committee before anyone sees it.

    The question comes back with its tracking code in `tracking_code`, which is kept nowhere:
    the asker is shown it once."""
    now = now or clock.now()
    text, name = _clean(text), _clean(name)
    _check_text(text, name)
    phone = clean_phone(phone)
    _check_rate(ip)
    code = codes.new_code()
    question = Question.objects.create(
        village=subject.village,
        subject_type=subject.content_type,
        subject_id=subject.obj.pk,
        posting=subject.posting,
        subject_label=subject.label[:LABEL_MAX],
        subject_url=subject.url,
        name=name,
        phone=phone,
        text=text,
        asked_at=now,
        list_by=timezone.localdate(now) + timedelta(days=settings.QUESTIONS_LISTING_DAYS),
        code_hash=codes.hash_of(code),
    )
    question.tracking_code = code
    notify(
        Action.MODERATE_QUESTIONS,
        question.village,
        "participation/emails/question_asked.txt",
        {"question": question, "url": staff_url(question)},
    )
    return question


def _lock(question: Question) -> Question:
    return Question.objects.select_for_update().select_related("village").get(pk=question.pk)


def _pending(question: Question) -> None:
    if question.status != QuestionStatus.PENDING:
        raise ValidationError(_("This question has already been moderated."))


def due_on(listed_at: datetime):
    return timezone.localdate(listed_at) + timedelta(days=settings.QUESTIONS_ANSWER_DAYS)


@transaction.atomic
def list_question(*, question: Question, by, ip=None, now=None) -> Question:
    """The supervision committee shows the question publicly; the answer is due from now."""
    question = _lock(question)
    require(by, Action.MODERATE_QUESTIONS, question)
    _pending(question)
    now = now or clock.now()
    question.status = QuestionStatus.LISTED
    question.moderated_by = by
    question.listed_at = now
    question.due_on = due_on(now)
    question.escalated_on = None
    records.publish("question", question)
    record(
        by=by,
        action="question.list",
        village=question.village,
        target=question.subject_label,
        ip=ip,
        question=question.pk,
    )
    notify(
        Action.ANSWER_QUESTIONS,
        question.village,
        "participation/emails/question_listed.txt",
        {"question": question, "url": staff_url(question)},
    )
    return question


@transaction.atomic
def reject_question(*, question: Question, reason: str, by, ip=None, now=None) -> Question:
    """Not listed (abuse, off topic, personal data); the reason stays in the workspace."""
    question = _lock(question)
    require(by, Action.MODERATE_QUESTIONS, question)
    _pending(question)
    reason = _clean(reason)
    if not reason:
        raise ValidationError({"reason": _("Please give the reason for not listing it.")})
    if len(reason) > REASON_MAX_CHARS:
        raise ValidationError(
            {
                "reason": _("A reason may be at most %(limit)s characters long.")
                % {"limit": REASON_MAX_CHARS}
            }
        )
    question.status = QuestionStatus.REJECTED
    question.moderated_by = by
    question.rejected_at = now or clock.now()
    question.reject_reason = reason
    question.save()
    record(
        by=by,
        action="question.reject",
        village=question.village,
        target=question.subject_label,
        ip=ip,
        question=question.pk,
        reason=reason,
    )
    return question


@transaction.atomic
def answer_question(*, question: Question, text: str, by, ip=None, now=None) -> Question:
    """The village's answer, published beside the question; given once, then permanent."""
    question = _lock(question)
    require(by, Action.ANSWER_QUESTIONS, question)
    if question.status == QuestionStatus.ANSWERED:
        raise ValidationError(_("This question has already been answered."))
    if question.status != QuestionStatus.LISTED:
        raise ValidationError(
            _("Only a question listed by the supervision committee can be answered.")
        )
    text = _clean(text)
    if not text:
        raise ValidationError({"answer": _("Please write the answer.")})
    if len(text) > ANSWER_MAX_CHARS:
        raise ValidationError(
            {
                "answer": _("An answer may be at most %(limit)s characters long.")
                % {"limit": ANSWER_MAX_CHARS}
            }
        )
    question.status = QuestionStatus.ANSWERED
    question.answer = text
    question.answered_by = by
    question.answered_by_name = by.public_name
    question.answered_at = now or clock.now()
    records.publish("question", question)
    record(
        by=by,
        action="question.answer",
        village=question.village,
        target=question.subject_label,
        ip=ip,
        question=question.pk,
    )
    return question


# Wrong tracking codes one address may try per hour, as for reports: enough for typing mistakes,
# far too few to find a code by guessing.
TRACK_FAILURES_PER_HOUR = 10


def track(typed: str, *, ip=None) -> Question | None:
    """The question a tracking code belongs to, or None; too many wrong codes are refused."""
    if limits.free_at(kind="wrong question code", who=ip, limit=TRACK_FAILURES_PER_HOUR):
        raise ValidationError(
            _(
                "Too many wrong tracking codes were entered from your network in the last hour; "
                "please check your code and try again later."
            )
        )
    code = codes.normalise(typed)
    found = None
    if code is not None:
        found = Question.objects.select_related("village").filter(code_hash=codes.hash_of(code))
        found = found.first()
    if found is None:
        limits.note(kind="wrong question code", who=ip)
    return found
