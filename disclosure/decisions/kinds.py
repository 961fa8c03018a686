"""How the two disclosures of a major matter carry their rows through the publishing lifecycle."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from disclosure.publishing import kinds


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


def _copy(related_name: str):
    def copy(source, target) -> None:
        for row in getattr(source, related_name).all():
            row.pk = None
            row.revision = target
            row.save()

    return copy


def register() -> None:
    kinds.register(
        "resolution",
        rows=_stages,
        template="decisions/public/resolution.html",
        check=_check_resolution,
        copy=_copy("decision_stages"),
    )
    kinds.register(
        "decision_result",
        rows=_results,
        template="decisions/public/result.html",
        check=_check_result,
        copy=_copy("decision_results"),
    )
