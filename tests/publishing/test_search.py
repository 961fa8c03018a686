import pytest
from django.db.models import F

from disclosure.publishing import services
from disclosure.publishing.models import Revision
from disclosure.publishing.search import (
    MAX_TERMS,
    document_terms,
    document_vector,
    matching,
    revision_terms,
    terms,
)

from ..factories import draft_posting, published_posting, signed_off

POSTINGS = {
    "村道修路工程招标公告": "村道硬化工程即日起公开招标，欢迎符合条件的单位报名。",
    "2024年第三季度低保评议结果公示": "经村民代表会议评议，以下家庭纳入最低生活保障。",
    "集体鱼塘承包情况": "鱼塘租金每年八千元，承包方已缴清2024年度租金。",
    "Village Wi-Fi notice": "The village office now offers free Wi-Fi to villagers.",
}


@pytest.fixture
def published(village_a, clerk_a, supervisor_a):
    return {
        title: published_posting(village_a, clerk_a, supervisor_a, title=title, body=body)
        for title, body in POSTINGS.items()
    }


def found(text: str) -> set[str]:
    current = Revision.objects.published().filter(posting__current=F("pk"))
    return set(matching(current, text).values_list("title", flat=True))


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("修路", "村道修路工程招标公告"),
        ("低保", "2024年第三季度低保评议结果公示"),
        ("租金", "集体鱼塘承包情况"),
    ],
)
def test_a_two_character_word_finds_the_posting(published, query, title):
    assert found(query) == {title}


def test_words_in_the_text_are_found_as_well_as_in_the_title(published):
    assert found("硬化") == {"村道修路工程招标公告"}
    assert found("最低生活保障") == {"2024年第三季度低保评议结果公示"}


def test_all_words_of_a_query_must_match(published):
    assert found("鱼塘 租金") == {"集体鱼塘承包情况"}
    assert found("鱼塘 修路") == set()


def test_a_single_character_finds_the_postings_containing_it(published):
    assert found("塘") == {"集体鱼塘承包情况"}
    assert found("告") == {"村道修路工程招标公告"}
    assert found("示") == {"2024年第三季度低保评议结果公示"}


def test_characters_that_are_not_next_to_each_other_do_not_match_as_a_word(published):
    assert found("修告") == set()


def test_english_words_are_found_whatever_their_case(published):
    assert found("wi-fi") == {"Village Wi-Fi notice"}
    assert found("VILLAGERS") == {"Village Wi-Fi notice"}
    assert found("villag") == set()


def test_numbers_are_found(published):
    assert found("2024") == {"2024年第三季度低保评议结果公示", "集体鱼塘承包情况"}


def test_full_width_letters_and_digits_match_their_ascii_form(published):
    assert found("２０２４ 低保") == {"2024年第三季度低保评议结果公示"}


@pytest.mark.parametrize("query", ["", "   ", "！？，。", "'&|:*()"])
def test_a_query_without_words_finds_nothing_and_does_not_fail(published, query):
    assert found(query) == set()


def test_drafts_and_signed_off_revisions_are_never_found(village_a, clerk_a, supervisor_a):
    draft_posting(village_a, clerk_a, title="村道修路草稿")
    signed_off(draft_posting(village_a, clerk_a, title="修路待发布"), clerk_a, supervisor_a)

    assert set(matching(Revision.objects.all(), "修路")) == set()


def test_after_a_correction_only_the_current_wording_is_found(village_a, clerk_a, supervisor_a):
    first = published_posting(
        village_a, clerk_a, supervisor_a, title="鱼塘租金公示", body="租金八千元"
    )
    correction = services.start_correction(posting=first.posting, by=clerk_a, reason="金额有误")
    services.update_draft(
        revision=correction,
        content=services.Content(title="鱼塘租金公示", body="租金九千元"),
        by=clerk_a,
    )
    services.publish(revision=signed_off(correction, clerk_a, supervisor_a), by=clerk_a)

    current = Revision.objects.published().filter(posting__current=F("pk"))
    assert list(matching(current, "九千").values_list("number", flat=True)) == [2]
    assert not matching(current, "八千").exists()


def test_chinese_text_is_indexed_by_overlapping_pairs_and_its_last_character():
    assert terms("修路工程") == ["修路", "路工", "工程"]
    assert document_terms("修路工程") == ["修路", "路工", "工程", "程"]
    assert terms("Wi-Fi 2024年") == ["wi", "fi", "2024", "年"]


def test_rows_add_their_words_but_not_their_numbers():
    terms = revision_terms(
        "二〇二六年1月财务公开", "第1期", ["购买水泥", "12000.00", "2026-01-15", "记-015"]
    )

    assert "水泥" in terms
    assert "1" in terms
    assert "12000" not in terms and "015" not in terms


def test_a_huge_revision_keeps_within_what_a_tsvector_holds():
    # Every pair of these 300 characters is a different term: 89,700 of them, before the bound.
    characters = [chr(0x4E00 + i) for i in range(300)]
    rows = [a + b for a in characters for b in characters if a != b]

    terms = revision_terms("村道修路工程", "", rows)

    assert len(terms) == MAX_TERMS
    assert {"修路", "路工", "工程"} <= set(terms)
    assert terms == revision_terms("村道修路工程", "", list(reversed(rows)))


@pytest.mark.django_db
def test_the_bounded_terms_fit_in_the_database(village_a, clerk_a, supervisor_a):
    revision = published_posting(village_a, clerk_a, supervisor_a)
    characters = [chr(0x4E00 + i) for i in range(300)]
    rows = [a + b + "路" for a in characters for b in characters]

    vector = document_vector(revision_terms(revision.title, revision.body, rows))
    Revision.objects.filter(pk=revision.pk).update(search_vector=vector)

    assert matching(Revision.objects.all(), "修路").get() == revision
