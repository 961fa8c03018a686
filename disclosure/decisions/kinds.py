"""How the two disclosures of a major matter carry their rows through the publishing lifecycle."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from disclosure.publishing import kinds
from disclosure.publishing.catalogue import Section


def _stages(revision) -> list[dict]:
    return [stage.canonical() for stage in revision.decision_stages.all()]


def _check_resolution(revision) -> None:
    if not revision.decision_stages.filter(number=4, passed=True).exists():
        raise ValidationError(_("A resolution disclosure needs the fourth discussion, passed."))


def _results(revision) -> list[dict]:
    return [row.canonical() for row in revision.decision_results.all()]


def _check_result(revision) -> None:
    if revision.decision_results.count() != 1:
        raise ValidationError(_("A result disclosure needs its cost and acceptance."))


def _matter_of(revision):
    from .models import Matter

    return (
        Matter.objects.filter(resolution_id=revision.posting_id).first()
        or Matter.objects.filter(result_id=revision.posting_id).first()
    )


def _matter_problem(revision) -> str | None:
    matter = _matter_of(revision)
    if matter is None or matter.village_id != revision.village_id:
        return _("its major matter is not filed under its village")
    return None


def _matter_subject(revision) -> dict:
    """What the major matter is: fixed once its resolution disclosure is prepared."""
    matter = _matter_of(revision)
    if matter is None:
        return {}
    return {
        "title": matter.title,
        "category": matter.category,
        "amount": None if matter.amount is None else f"{matter.amount:.2f}",
        "notice_days": matter.notice_days,
    }


def _stage_key(row: dict) -> tuple:
    return (row["stage"], row["attempt"])


def _result_key(row: dict) -> str:
    return "result"


def _copy(related_name: str):
    def copy(source, target) -> None:
        for row in getattr(source, related_name).all():
            row.pk = None
            row.revision = target
            row.save()

    return copy


def register() -> None:
    from .models import DecisionsKind, ResolutionStage, ResultRow

    kinds.register(
        DecisionsKind.RESOLUTION,
        section=Section.DECISIONS,
        rows=_stages,
        subject=_matter_subject,
        verify=_matter_problem,
        template="decisions/public/resolution.html",
        check=_check_resolution,
        copy=_copy("decision_stages"),
        row_key=_stage_key,
        content=[ResolutionStage],
    )
    kinds.register(
        DecisionsKind.DECISION_RESULT,
        section=Section.DECISIONS,
        rows=_results,
        subject=_matter_subject,
        verify=_matter_problem,
        template="decisions/public/result.html",
        check=_check_result,
        copy=_copy("decision_results"),
        row_key=_result_key,
        content=[ResultRow],
    )
