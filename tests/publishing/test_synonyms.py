"""Villagers' words find what the books call otherwise: 修路 finds 村道硬化, 低保 finds
最低生活保障, through groups of synonyms counties edit."""

import pytest
from django.db.models import F

from disclosure.publishing.models import Revision, SynonymGroup
from disclosure.publishing.search import matching, tsquery
from disclosure.publishing.synonyms import parts, synonyms

from ..factories import published_posting

KNOWN = {"修路": ["修路", "村道", "硬化"], "村道": ["村道", "修路", "硬化"]}


def test_a_known_word_stands_for_its_synonyms_and_the_rest_stays_as_typed():
    assert parts("修路工程", KNOWN) == [["修路", "村道", "硬化"], ["工程"]]
    assert parts("鱼塘", KNOWN) == [["鱼塘"]]


def test_the_query_needs_every_part_and_any_synonym_of_a_known_word():
    assert tsquery("修路 工程", KNOWN) == "(('修路') | ('村道') | ('硬化')) & ('工程')"
    assert tsquery("鱼塘", KNOWN) == "('鱼塘')"
    assert tsquery("？！", KNOWN) is None


def test_the_default_groups_are_loaded(db):
    assert {"修路", "道路", "村道", "硬化"} <= set(synonyms()["修路"])
    assert "最低生活保障" in synonyms()["低保"]


def found(text: str) -> set[str]:
    current = Revision.objects.published().filter(posting__current=F("pk"))
    return set(matching(current, text).values_list("title", flat=True))


def test_road_repair_finds_a_road_project_that_never_says_it(village_a, clerk_a, supervisor_a):
    published_posting(village_a, clerk_a, supervisor_a, title="杏花村村道硬化工程")
    published_posting(village_a, clerk_a, supervisor_a, title="集体鱼塘承包情况")

    assert found("修路") == {"杏花村村道硬化工程"}
    assert found("道路") == {"杏花村村道硬化工程"}


def test_a_countys_own_group_is_used_in_searches(county, village_a, clerk_a, supervisor_a):
    published_posting(village_a, clerk_a, supervisor_a, title="清河村塘堰清淤工程")
    assert found("挖塘") == set()

    SynonymGroup.objects.create(region=county, words="挖塘 塘堰 清淤")

    assert found("挖塘") == {"清河村塘堰清淤工程"}


@pytest.mark.parametrize("query", ["低保", "最低生活保障"])
def test_either_word_for_the_minimum_living_allowance_finds_both(
    village_a, clerk_a, supervisor_a, query
):
    published_posting(village_a, clerk_a, supervisor_a, title="低保评议结果公示")
    published_posting(village_a, clerk_a, supervisor_a, title="最低生活保障金发放名单")

    assert found(query) == {"低保评议结果公示", "最低生活保障金发放名单"}
