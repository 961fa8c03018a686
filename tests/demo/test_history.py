"""The demo's history as the township sees it: disclosures on their own dates, one village that
did badly, two that did everything by the book, and every kind of lead to follow."""

import pytest
from django.utils import timezone, translation

from demo import reports as reports_demo
from demo.places import FENGLIN, GAOPING, LIUWAN, SHIQIAO
from disclosure.finance.models import Period
from disclosure.oversight.scoring import Standing
from disclosure.oversight.services import village_rows
from disclosure.publishing.models import PostingStatus, Revision
from disclosure.redflags.services import RULES, flags_for
from disclosure.regions.access import Action, villages_for
from disclosure.regions.models import Region, User

from .test_load_demo import README


@pytest.fixture
def rows(db, demo_county):
    """The county's villages as its administrator sees them on the dashboard, in English."""
    admin = User.objects.get(username="county_admin")
    today = timezone.localdate()
    with translation.override("en"):
        found = village_rows(villages_for(admin, Action.OVERSEE), admin, today, today.year)
        return {row.village.code: row for row in found}


def test_gaoping_alone_is_black_listed_for_its_undisclosed_period(rows):
    black = [code for code, row in rows.items() if row.judgement.standing == Standing.BLACK]
    assert black == [GAOPING.code]
    gaoping = rows[GAOPING.code]
    missing = [i for i in gaoping.items if i.section == "finance" and i.status == "missing"]
    assert missing
    for item in missing:
        assert f"{item.label} not disclosed (due {item.due_on.isoformat()})." in (
            gaoping.judgement.reasons
        )


def test_the_villages_that_go_by_the_book_are_on_the_red_list(rows):
    red = {code for code, row in rows.items() if row.judgement.standing == Standing.RED}
    assert red == {SHIQIAO.code, FENGLIN.code}
    for code in red:
        assert rows[code].score == 100 and rows[code].strong_flags == 0


def test_every_village_but_gaoping_disclosed_general_affairs_every_quarter(rows):
    for code, row in rows.items():
        general = [item.status for item in row.items if item.section == "general"]
        if code == GAOPING.code:
            assert "missing" in general
        else:
            assert "missing" not in general, row.village.name


def test_finance_periods_were_published_within_their_due_window(db, demo_county):
    published = Period.objects.filter(
        village__code__startswith="99", posting__status=PostingStatus.PUBLISHED
    ).select_related("posting", "village")
    late = {
        (p.village.code, p.year, p.number)
        for p in published
        if timezone.localdate(p.posting.first_published_at) > p.due_date
    }
    assert published.count() > 50
    # Only 柳湾村's newest period, signed off after its supervisor came back, may be late.
    assert {code for code, _year, _number in late} <= {LIUWAN.code}
    assert len(late) <= 1


def test_story_notices_are_spread_over_the_past_not_all_published_today(db, demo_county):
    today = timezone.localdate()
    days = {
        timezone.localdate(moment)
        for moment in Revision.objects.published()
        .filter(posting__kind="notice")
        .values_list("published_at", flat=True)
    }
    assert len({(day.year, (day.month - 1) // 3) for day in days}) >= 3
    assert all(day <= today for day in days)


def test_every_red_flag_rule_has_an_example(db, demo_county):
    villages = Region.objects.within(demo_county).villages().values_list("pk", flat=True)
    found = {flag.rule for flag in flags_for(villages, timezone.localdate())}
    assert found == set(RULES)


def test_questions_were_answered_and_one_is_overdue(rows):
    assert sum(row.questions.answered for row in rows.values()) >= 1
    assert sum(row.questions.overdue for row in rows.values()) >= 1


def test_the_report_codes_in_the_readme_show_their_status(db, demo_county, client):
    readme = README.read_text()
    for code, status in [
        (reports_demo.INVESTIGATING_CODE, "调查中"),
        (reports_demo.CONCLUDED_CODE, "已办结"),
    ]:
        assert f"`{code}`" in readme
        page = client.post("/jubao/track/", {"code": code})
        assert page.status_code == 200 and status in page.content.decode()
