"""Every legal rule of the four discussions, in one place, with its reasons in plain words.

Sources: Organic Law of Villagers' Committees arts. 22 and 26 (villagers' meeting: more than half of
the adult villagers, or representatives of at least two thirds of the households; representative
meeting: at least two thirds of its members; a decision: more than half of those present) and the
common local rule that a party members' meeting needs two thirds of the party members. In Chinese
legal usage 以上 ("at least") includes the number itself and 过半数 ("more than half") is strictly
more. Arithmetic stays in whole numbers (3 * present >= 2 * eligible), never floats.

Where local rules are stricter, settings.DECISIONS_* raise the thresholds; a setting looser than
the law is refused by a system check at start (decisions.E001).
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext as _

from .models import Body


@dataclass(frozen=True)
class Threshold:
    """A share of a whole: `at_least` 以上 (the number itself counts) or more than (过半数)."""

    numerator: int
    denominator: int
    at_least: bool

    def met(self, part: int, whole: int) -> bool:
        if self.at_least:
            return self.denominator * part >= self.numerator * whole
        return self.denominator * part > self.numerator * whole

    def needed(self, whole: int) -> int:
        """The smallest part that meets the threshold."""
        if self.at_least:
            return -(-self.numerator * whole // self.denominator)
        return self.numerator * whole // self.denominator + 1

    def not_looser_than(self, law: "Threshold") -> bool:
        left, right = self.numerator * law.denominator, law.numerator * self.denominator
        if left != right:
            return left > right
        return law.at_least or not self.at_least

    def describe(self) -> str:
        if (self.numerator, self.denominator) == (1, 2) and not self.at_least:
            return _("more than half")
        if (self.numerator, self.denominator) == (2, 3) and self.at_least:
            return _("at least two thirds")
        share = f"{self.numerator}/{self.denominator}"
        if self.at_least:
            return _("at least %(share)s") % {"share": share}
        return _("more than %(share)s") % {"share": share}


MORE_THAN_HALF = Threshold(1, 2, at_least=False)
TWO_THIRDS = Threshold(2, 3, at_least=True)

# Which meeting holds each of the four discussions, in order.
BODIES_OF_STAGE = {
    1: (Body.PARTY_BRANCH,),
    2: (Body.TWO_COMMITTEES,),
    3: (Body.PARTY_MEMBERS,),
    4: (Body.REPRESENTATIVES, Body.VILLAGERS, Body.HOUSEHOLDS),
}
LAST_STAGE = 4

OBJECTION_MAX_CHARS = 2000
OBJECTION_NAME_MAX_CHARS = 50


def _configured(name: str, law: Threshold) -> Threshold:
    value = getattr(settings, name)
    try:
        numerator, denominator = (int(part) for part in str(value).split("/"))
        threshold = Threshold(numerator, denominator, at_least=True)
        valid = 0 < numerator <= denominator
    except ValueError:
        valid = False
    if not valid or not threshold.not_looser_than(law):
        raise ImproperlyConfigured(
            f"{name} must be a share like 2/3, no lower than the law's {law.numerator}/"
            f"{law.denominator}, not {value!r}"
        )
    return threshold


def quorum(body: str) -> Threshold:
    """The share of those entitled who must be present for the meeting to decide."""
    if body == Body.PARTY_MEMBERS:
        return _configured("DECISIONS_PARTY_MEMBERS_QUORUM", MORE_THAN_HALF)
    if body == Body.REPRESENTATIVES:
        return _configured("DECISIONS_REPRESENTATIVES_QUORUM", TWO_THIRDS)
    if body == Body.HOUSEHOLDS:
        return TWO_THIRDS
    return MORE_THAN_HALF


def majority() -> Threshold:
    """The share of those present who must vote for a decision."""
    return MORE_THAN_HALF


@dataclass(frozen=True)
class Figures:
    """What a clerk enters for one discussion."""

    number: int
    body: str
    held_on: date
    eligible: int
    present: int
    votes_for: int
    votes_against: int
    abstentions: int


def next_stage(stages) -> int | None:
    """The only discussion that may be recorded next, after the stages recorded so far.

    After a passed stage comes the next one; after a failed one, another attempt of the same.
    """
    if not stages:
        return 1
    last = max(stages, key=lambda stage: (stage.number, stage.attempt))
    if not last.passed:
        return last.number
    return last.number + 1 if last.number < LAST_STAGE else None


def check_figures(figures: Figures, stages, today: date) -> None:
    """Refuse figures that cannot be recorded, saying why; quorum and votes are judged apart."""
    errors = {}
    expected = next_stage(stages)
    if expected is None:
        errors["number"] = _("All four discussions have been held and the resolution passed.")
    elif figures.number != expected:
        errors["number"] = _(
            "The discussions go in order: the next one to record is discussion %(number)s."
        ) % {"number": expected}
    elif figures.body not in BODIES_OF_STAGE[expected]:
        errors["body"] = _("This meeting does not hold discussion %(number)s.") % {
            "number": expected
        }
    errors.update(_date_errors(figures.held_on, stages, today))
    errors.update(_count_errors(figures))
    if errors:
        raise ValidationError(errors)


def _date_errors(held_on: date, stages, today: date) -> dict:
    if held_on > today:
        return {"held_on": _("A meeting cannot be recorded before it is held.")}
    latest = max((stage.held_on for stage in stages), default=None)
    if latest and held_on < latest:
        return {
            "held_on": _("Dates cannot go backwards: the previous discussion was held on %(date)s.")
            % {"date": latest.isoformat()}
        }
    return {}


def _count_errors(figures: Figures) -> dict:
    errors = {}
    if figures.eligible < 1:
        errors["eligible"] = _("At least one person must be entitled to attend.")
    if figures.present > figures.eligible:
        errors["present"] = _("More people are present than are entitled to attend.")
    votes = figures.votes_for + figures.votes_against + figures.abstentions
    if votes > figures.present:
        errors["votes_for"] = _(
            "%(votes)s votes were counted but only %(present)s people are present."
        ) % {"votes": votes, "present": figures.present}
    return errors


@dataclass(frozen=True)
class Outcome:
    passed: bool
    explanation: str


def _texts(body: str) -> tuple:
    """The explanations of a quorum missed, a decision passed and one not passed; a meeting of
    household representatives counts households (户), every other meeting people (人)."""
    if body == Body.HOUSEHOLDS:
        return (
            _(
                "Not passed: the meeting lacked a quorum. %(present)s of %(eligible)s households "
                "were represented; %(rule)s (%(needed)s) must be."
            ),
            _(
                "Passed: %(votes)s of the %(present)s households present voted for; %(rule)s "
                "(%(needed)s) must."
            ),
            _(
                "Not passed: %(votes)s of the %(present)s households present voted for; "
                "%(rule)s (%(needed)s) must."
            ),
        )
    return (
        _(
            "Not passed: the meeting lacked a quorum. %(present)s of %(eligible)s were "
            "present; %(rule)s (%(needed)s) must be."
        ),
        _("Passed: %(votes)s of the %(present)s present voted for; %(rule)s (%(needed)s) must."),
        _(
            "Not passed: %(votes)s of the %(present)s present voted for; %(rule)s "
            "(%(needed)s) must."
        ),
    )


def judge(figures: Figures) -> Outcome:
    """Whether the discussion reached quorum and a majority, explained in plain words."""
    no_quorum, passed_text, failed_text = _texts(figures.body)
    needed_present = quorum(figures.body)
    if not needed_present.met(figures.present, figures.eligible):
        return Outcome(
            False,
            no_quorum
            % {
                "present": figures.present,
                "eligible": figures.eligible,
                "rule": needed_present.describe(),
                "needed": needed_present.needed(figures.eligible),
            },
        )
    needed_votes = majority()
    passed = needed_votes.met(figures.votes_for, figures.present)
    return Outcome(
        passed,
        (passed_text if passed else failed_text)
        % {
            "votes": figures.votes_for,
            "present": figures.present,
            "rule": needed_votes.describe(),
            "needed": needed_votes.needed(figures.present),
        },
    )


def notice_days() -> int:
    days = settings.DECISIONS_NOTICE_DAYS
    if days < 1:
        raise ImproperlyConfigured("DECISIONS_NOTICE_DAYS must be at least 1")
    return days


def notice_ends(published_at: datetime, days: int) -> datetime:
    """The public-notice period (公示期) runs for whole days from the moment of publication."""
    return published_at + timedelta(days=days)


def result_due(implementation_ended_on: date) -> date:
    """The last day on which the result disclosure is on time."""
    return implementation_ended_on + timedelta(days=settings.DECISIONS_RESULT_DUE_DAYS)


def objections_per_hour() -> int:
    return settings.DECISIONS_OBJECTIONS_PER_HOUR


def check_settings(app_configs=None, **kwargs) -> list:
    """A system check, so a threshold looser than the law stops the start, not a meeting record."""
    errors = []
    readers = (
        lambda: quorum(Body.PARTY_MEMBERS),
        lambda: quorum(Body.REPRESENTATIVES),
        notice_days,
    )
    for read in readers:
        try:
            read()
        except ImproperlyConfigured as error:
            errors.append(checks.Error(str(error), id="decisions.E001"))
    return errors
