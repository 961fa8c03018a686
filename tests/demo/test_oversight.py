"""The demo's orders and its black-listed village, after every other app's demo."""

from django.utils import timezone, translation

from demo.places import GAOPING, XINGHUA
from disclosure.oversight.models import CorrectionOrder
from disclosure.oversight.scoring import Standing
from disclosure.oversight.services import village_rows
from disclosure.regions.access import Action, villages_for
from disclosure.regions.models import User


def test_one_order_is_carried_out_and_one_is_open(demo_regions, db):
    orders = {o.village.code: o for o in CorrectionOrder.objects.with_closure()}
    assert not orders[XINGHUA.code].is_open
    assert orders[GAOPING.code].is_open


def test_gaoping_is_on_the_black_list_for_its_undisclosed_period(demo_regions, db):
    official = User.objects.get(username="baisha_official")
    today = timezone.localdate()
    villages = villages_for(official, Action.OVERSEE)
    with translation.override("en"):
        rows = village_rows(villages, official, today, today.year)
    (gaoping,) = [row for row in rows if row.village.code == GAOPING.code]
    missing = [i for i in gaoping.items if i.section == "finance" and i.status == "missing"]
    assert missing, "the finance demo leaves 高坪村's newest due period undisclosed"
    assert gaoping.judgement.standing == Standing.BLACK
    for item in missing:
        expected = f"{item.label} not disclosed (due {item.due_on.isoformat()})."
        assert expected in gaoping.judgement.reasons


def test_villagers_see_the_open_order_on_gaopings_notice(demo_regions, client):
    order = CorrectionOrder.objects.get(village__code=GAOPING.code)
    page = client.get(order.posting.get_absolute_url()).content.decode()
    assert order.reason in page


def _ranking(username):
    official = User.objects.get(username=username)
    today = timezone.localdate()
    with translation.override("en"):
        return village_rows(villages_for(official, Action.OVERSEE), official, today, today.year)


def test_xinghua_tops_taoyuans_ranking_by_risk_though_its_score_is_perfect(demo_regions, db):
    with translation.override("en"):
        first, *others = _ranking("taoyuan_official")
        reason = first.risk.reason
    assert first.village.code == XINGHUA.code
    assert first.score == 100 and any(row.score == 100 for row in others)
    assert reason.startswith("9 strong flags open for 40 days")
    assert "1 question overdue" in reason and "1 report open" in reason


def test_gaoping_tops_baishas_ranking_for_its_overdue_rectification(demo_regions, db):
    with translation.override("en"):
        first, *_others = _ranking("baisha_official")
        reason = first.risk.reason
    assert first.village.code == GAOPING.code
    assert "1 rectification overdue by" in reason
