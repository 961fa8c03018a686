import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from disclosure.publishing.masking import mask_identity_number, mask_phone, mask_text

digits = st.text("0123456789", min_size=1, max_size=1)
identity_numbers = st.builds(
    lambda body, check: body + check,
    st.from_regex(r"\A[1-9]\d{16}\Z"),
    st.sampled_from("0123456789Xx"),
)
mobiles = st.from_regex(r"\A1[3-9]\d{9}\Z")

# What surrounds a number in a notice: Chinese text, punctuation, spaces, line breaks, letters.
surroundings = st.text(
    st.sampled_from(list("村民张三李四申请低保身份证号码电话联系人：:，,。.（）() \n\t-/#IDTel")),
    max_size=8,
)


def formatted_identity(number: str, separator: str) -> str:
    return separator.join([number[:6], number[6:14], number[14:]])


def formatted_mobile(number: str, prefix: str, separator: str) -> str:
    return prefix + separator.join([number[:3], number[3:7], number[7:]])


def bare(text: str) -> str:
    """The text as the eye reads it: digits of any width alike, no spaces or hyphens."""
    plain = unicodedata.normalize("NFKC", text).replace("×", "X")
    return re.sub(r"[\s\-\u2010-\u2015\u2212]", "", plain)


def plain(number: str) -> str:
    return unicodedata.normalize("NFKC", number)


@given(surroundings, identity_numbers, surroundings, st.sampled_from(["", " ", "-"]))
def test_no_identity_number_survives_in_free_text(before, number, after, separator):
    masked = mask_text(before + formatted_identity(number, separator) + after)

    assert plain(number) not in bare(masked)
    assert plain(number)[:4] + "*" * 10 + plain(number)[-4:] in masked


@given(
    surroundings,
    mobiles,
    surroundings,
    st.sampled_from(["", "+86", "+86 ", "86", "0086"]),
    st.sampled_from(["", " ", "-"]),
)
def test_no_mobile_number_survives_in_free_text(before, number, after, prefix, separator):
    masked = mask_text(before + formatted_mobile(number, prefix, separator) + after)

    assert plain(number) not in bare(masked)
    assert plain(number)[:3] + "****" + plain(number)[-4:] in masked


@given(st.lists(identity_numbers | mobiles, min_size=1, max_size=4), surroundings)
def test_every_number_in_a_list_is_masked(numbers, separator):
    masked = mask_text("、".join(numbers) + separator)

    for number in numbers:
        assert plain(number) not in bare(masked)


@given(st.text(st.characters(exclude_characters="0123456789０１２３４５６７８９")))
def test_text_without_digits_is_left_alone(text):
    assert mask_text(text) == text


def test_amounts_dates_and_short_numbers_are_left_alone():
    text = "2024年3月5日支出修路款12,500.00元，凭证号202403001，办公室电话0571-88886666。"

    assert mask_text(text) == text


def test_full_width_digits_are_masked_too():
    assert "１３８１２３４５６７８" not in mask_text("电话１３８１２３４５６７８")


def test_identity_numbers_keep_four_characters_at_each_end():
    assert mask_identity_number("32010219900101123X") == "3201**********123X"
    assert mask_identity_number("320102900101123") == "3201*******1123"


def test_phone_numbers_keep_three_digits_and_the_last_four():
    assert mask_phone("13812345678") == "138****5678"


# How people type numbers: in groups of any size, split by a space or a hyphen (half- or
# full-width), in full-width digits, with the check character as x, X or ×.
SEPARATORS = [" ", "-", "\u3000", "\uff0d", "\u2014"]
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@st.composite
def typed(draw, number: str) -> str:
    characters = list(number)
    if characters[-1] in "Xx":
        characters[-1] = draw(st.sampled_from("xX×"))
    if draw(st.booleans()):
        characters = [c.translate(FULL_WIDTH) for c in characters]
    groups, at = [], 0
    while at < len(characters):
        size = draw(st.integers(1, 6))
        groups.append("".join(characters[at : at + size]))
        at += size
    return draw(st.sampled_from(SEPARATORS + [""])).join(groups)


@given(st.data(), surroundings, identity_numbers, surroundings)
def test_an_identity_number_typed_any_way_is_masked(data, before, number, after):
    masked = mask_text(before + data.draw(typed(number)) + after)

    digits = plain(number).upper()
    assert digits not in bare(masked).upper()
    assert digits[6:14] not in bare(masked)  # the date of birth


def test_the_variants_found_by_the_outside_test_are_masked():
    for text in [
        "3201 0219 9001 0112 34",
        "3201-0219-9001-0112-34",
        "３２０１０２１９９００１０１１２３４",
        "32010219900101123×",
        "3201　0219　9001　0112　3x",
    ]:
        assert "19900101" not in bare(mask_text(text)), text


@given(
    st.data(),
    surroundings,
    mobiles,
    surroundings,
    st.sampled_from(["", "+86", "+86 ", "86", "0086", "＋８６", "＋８６ "]),
)
def test_a_mobile_number_typed_any_way_is_masked(data, before, number, after, prefix):
    masked = mask_text(before + prefix + data.draw(typed(number)) + after)

    assert plain(number) not in bare(masked)
    assert "****" in masked
