"""The demo tells one consistent year of village life: what a township official or a journalist
follows from one page to the next agrees with itself."""

from django.db.models import F

from demo.contracts import LESSEES
from demo.places import VILLAGES, XINGHUA
from demo.roads import ROADS
from disclosure.contracts.models import Contract, ContractsKind
from disclosure.decisions.models import Matter
from disclosure.finance.models import LedgerEntry
from disclosure.participation.models import Question
from disclosure.publishing.models import Posting, Revision


def test_nobody_asks_about_anything_before_it_was_published_or_is_answered_before_asking(
    db, demo_county
):
    questions = Question.objects.select_related("posting").order_by("pk")
    assert questions.exists()
    for question in questions:
        if question.posting is not None:
            assert question.asked_at >= question.posting.first_published_at, question.text
        for later in (question.listed_at, question.rejected_at, question.answered_at):
            assert later is None or later >= question.asked_at, question.text


def test_a_question_about_a_meal_for_guests_sits_on_the_line_that_records_one(db, demo_county):
    about_meals = Question.objects.filter(text__contains="招待", subject_type__model="ledgerentry")
    assert about_meals.exists()
    for question in about_meals:
        assert LedgerEntry.objects.get(pk=question.subject_id).is_hospitality


def test_each_village_tells_one_road_the_same_way_in_project_ledger_and_decision(db, demo_county):
    for place in VILLAGES:
        road = ROADS[place.code]
        title = road.title(place.name)
        project = Posting.objects.get(village__code=place.code, kind=ContractsKind.PROJECT)
        assert project.current.title == title
        stages = {stage.stage: stage for stage in project.current.stages.all()}
        assert stages["approval"].amount == road.budget
        assert stages["award"].amount == road.contract_price
        assert stages["final_accounts"].amount == road.final_cost
        payments = LedgerEntry.objects.filter(
            village__code=place.code,
            summary__startswith="村道硬化工程款",
            revision__posting__current_id=F("revision_id"),
        )
        assert {entry.counterparty for entry in payments} == {road.winner}
        assert sum(entry.expenditure for entry in payments) == road.final_cost
        for matter in Matter.objects.filter(village__code=place.code, title__contains="村道"):
            assert matter.title == title or "二组至三组" in matter.title
            if matter.title == title:
                assert matter.amount == road.budget


def test_xinghuas_tender_notice_is_for_the_road_it_built(db, demo_county):
    road = ROADS[XINGHUA.code]
    (notice,) = Revision.objects.published().filter(
        village__code=XINGHUA.code, title="杏花村村道修路工程招标公告", posting__current_id=F("pk")
    )
    assert road.stretch in notice.body
    assert f"{road.budget:,.2f}" in notice.body
    assert notice.published_at.date() < project_stage_date(XINGHUA.code, "bidding")


def test_no_villager_holds_leases_in_two_villages(db, demo_county):
    people = Contract.objects.filter(
        counterparty_kind="person", revision__posting__current_id=F("revision_id")
    )
    villages_of: dict[str, set[str]] = {}
    for contract in people:
        villages_of.setdefault(contract.counterparty, set()).add(contract.village_id)
    assert set(LESSEES[0]) <= set(villages_of)
    assert {name: ids for name, ids in villages_of.items() if len(ids) > 1} == {}


def project_stage_date(code: str, stage: str):
    project = Posting.objects.get(village__code=code, kind=ContractsKind.PROJECT)
    return project.current.stages.get(stage=stage).date
