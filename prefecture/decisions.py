"""Major matters of a generated village through the four discussions and two disclosures.

Every discussion is judged by decisions/rules.py itself (quorum, majority, the explanation shown
to villagers); a few representative meetings lack a quorum and are held again. Matters resolved
in time are carried out and most of them get their result disclosed; some never do, as happens.
"""

import datetime

from django.conf import settings

from disclosure.decisions.models import (
    Body,
    DecisionsKind,
    Matter,
    ProgressUpdate,
    ResolutionStage,
    ResultRow,
    Stage,
    StageFigures,
)
from disclosure.decisions.rules import Figures, judge

from . import words
from .ledger import yuan
from .publications import UNLOGGED, Codes, Village, publish
from .timing import moment

FAILED_QUORUM_SHARE = 0.05
UNDISCLOSED_RESULT_SHARE = 0.1
ACCEPTANCE = "工程已按决议实施完毕，经村务监督委员会和村民代表验收，质量合格，同意验收。"


def load(sink, codes: Codes, village: Village, years: range, until: datetime.date) -> None:
    rng = village.rng
    for year in years:
        for _ in range(max(1, round(rng.gammavariate(3.0, village.weight**0.3)))):
            _matter(sink, codes, village, year, until)


def _matter(sink, codes, village: Village, year: int, until: datetime.date) -> None:
    rng = village.rng
    name, category, base = rng.choice(words.MATTERS)
    amount = None if base is None else round(base * 100 * rng.lognormvariate(0.0, 0.5))
    title = f"{year}年{name}"
    description = f"关于{name}的事项，按照“四议两公开”程序提交村民代表会议决定。"
    proposed = datetime.date(year, rng.randint(1, 10), rng.randint(1, 28))
    matter_id = sink.new_id(Matter)
    stages = _discussions(sink, village, matter_id, title, proposed)
    rows = [{key: value for key, value in stage.items() if key != "id"} for stage in stages]
    published = stages[-1]["held_on_date"] + datetime.timedelta(days=rng.randint(1, 3))
    for row in rows:
        del row["held_on_date"]
    resolution = publish(
        sink,
        codes,
        village,
        kind=DecisionsKind.RESOLUTION,
        title=title,
        body=description,
        published_at=moment(rng, published),
        rows=rows,
    )
    for stage, row in zip(stages, rows, strict=True):
        sink.add(
            ResolutionStage,
            (sink.new_id(ResolutionStage), resolution.id, village.id, stage["id"], *_figures(row)),
        )
    ended, result_post = _carry_out(sink, codes, village, title, amount, published, until)
    sink.add(
        Matter,
        (
            matter_id,
            village.id,
            title,
            category,
            None if amount is None else yuan(amount),
            description,
            resolution.post.id,
            result_post,
            settings.DECISIONS_NOTICE_DAYS,
            ended,
            village.clerk.id,
            moment(rng, proposed),
        ),
    )
    if ended:
        sink.add(
            ProgressUpdate,
            (
                sink.new_id(ProgressUpdate),
                matter_id,
                village.id,
                ended,
                "已全部实施完毕。",
                100,
                None if amount is None else yuan(amount),
                village.clerk.id,
                moment(rng, ended),
                UNLOGGED,
            ),
        )


def _discussions(sink, village, matter_id, title, proposed) -> list[dict]:
    rng = village.rng
    stages, held_on = [], proposed
    for number, body, eligible in (
        (1, Body.PARTY_BRANCH, rng.randint(5, 7)),
        (2, Body.TWO_COMMITTEES, rng.randint(7, 11)),
        (3, Body.PARTY_MEMBERS, rng.randint(25, 60)),
        (4, Body.REPRESENTATIVES, rng.randint(25, 45)),
    ):
        attempts = 2 if number == 4 and rng.random() < FAILED_QUORUM_SHARE else 1
        for attempt in range(1, attempts + 1):
            held_on += datetime.timedelta(days=rng.randint(3, 10))
            short = attempt < attempts  # a first attempt that lacked its quorum
            present = eligible // 2 if short else rng.randint(-(-eligible * 4 // 5), eligible)
            stage = _stage(village, number, attempt, body, held_on, eligible, present, title)
            stage["id"] = sink.new_id(Stage)
            sink.add(
                Stage,
                (
                    stage["id"],
                    village.id,
                    *_figures(stage),
                    matter_id,
                    village.clerk.id,
                    moment(rng, held_on),
                ),
            )
            stages.append(stage)
    return stages


def _stage(village, number, attempt, body, held_on, eligible, present, title) -> dict:
    rng = village.rng
    against = rng.randint(0, present // 10)
    abstaining = rng.randint(0, present // 10)
    figures = Figures(
        number,
        body,
        held_on,
        eligible,
        present,
        present - against - abstaining,
        against,
        abstaining,
    )
    outcome = judge(figures)
    return {
        "stage": number,
        "attempt": attempt,
        "body": str(body),
        "held_on": held_on.isoformat(),
        "held_on_date": held_on,
        "eligible": eligible,
        "present": present,
        "votes_for": figures.votes_for,
        "votes_against": against,
        "abstentions": abstaining,
        "minutes": f"会议讨论了{title}事项，与会人员充分发表了意见。",
        "passed": outcome.passed,
        "outcome": outcome.explanation,
    }


def _figures(stage: dict) -> tuple:
    return tuple(
        stage[name]
        for name in (
            "stage",
            "attempt",
            "body",
            "held_on",
            "eligible",
            "present",
            "votes_for",
            "votes_against",
            "abstentions",
            "minutes",
            "passed",
            "outcome",
        )
    )


def _carry_out(sink, codes, village, title, amount, published, until):
    """When the work ended and the result posting, if the matter got that far."""
    rng = village.rng
    ended = published + datetime.timedelta(days=rng.randint(30, 150))
    if ended > until:
        return None, None
    accepted = ended + datetime.timedelta(days=rng.randint(1, 10))
    disclosed = accepted + datetime.timedelta(days=rng.randint(3, 25))
    if disclosed > until or rng.random() < UNDISCLOSED_RESULT_SHARE:
        return ended, None
    cost = round((amount or 2_000_000) * rng.uniform(0.85, 1.08))
    row = {
        "resolved_amount": None if amount is None else yuan(amount),
        "final_cost": yuan(cost),
        "completed_on": ended.isoformat(),
        "accepted_on": accepted.isoformat(),
        "accepted_by": "村务监督委员会、村民代表",
        "acceptance": ACCEPTANCE,
    }
    result = publish(
        sink,
        codes,
        village,
        kind=DecisionsKind.DECISION_RESULT,
        title=title,
        body=f"{title}已实施完毕，现将实施结果公开如下。",
        published_at=moment(rng, disclosed),
        rows=[row],
    )
    sink.add(
        ResultRow,
        (
            sink.new_id(ResultRow),
            result.id,
            village.id,
            row["resolved_amount"],
            row["final_cost"],
            ended,
            accepted,
            row["accepted_by"],
            ACCEPTANCE,
        ),
    )
    return ended, result.post.id


TABLES = (
    (
        Matter,
        (
            "id",
            "village_id",
            "title",
            "category",
            "amount",
            "description",
            "resolution_id",
            "result_id",
            "notice_days",
            "implementation_ended_on",
            "created_by_id",
            "created_at",
        ),
    ),
    (
        Stage,
        ("id", "village_id", *StageFigures.FIGURES, "matter_id", "recorded_by_id", "recorded_at"),
    ),
    (ResolutionStage, ("id", "revision_id", "village_id", "stage_id", *StageFigures.FIGURES)),
    (
        ProgressUpdate,
        (
            "id",
            "matter_id",
            "village_id",
            "on",
            "description",
            "percent",
            "spent",
            "recorded_by_id",
            "recorded_at",
            "record_digest",
        ),
    ),
    (
        ResultRow,
        (
            "id",
            "revision_id",
            "village_id",
            "resolved_amount",
            "final_cost",
            "completed_on",
            "accepted_on",
            "accepted_by",
            "acceptance",
        ),
    ),
)
