import re

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
    return re.sub(r"[\s-]", "", text)


@given(surroundings, identity_numbers, surroundings, st.sampled_from(["", " ", "-"]))
def test_no_identity_number_survives_in_free_text(before, number, after, separator):
    masked = mask_text(before + formatted_identity(number, separator) + after)

    assert number not in bare(masked)
    assert number[:4] + "*" * 10 + number[-4:] in masked


@given(
    surroundings,
    mobiles,
    surroundings,
    st.sampled_from(["", "+86", "+86 ", "86", "0086"]),
    st.sampled_from(["", " ", "-"]),
)
def test_no_mobile_number_survives_in_free_text(before, number, after, prefix, separator):
    masked = mask_text(before + formatted_mobile(number, prefix, separator) + after)

    assert number not in bare(masked)
    assert number[:3] + "****" + number[-4:] in masked


@given(st.lists(identity_numbers | mobiles, min_size=1, max_size=4), surroundings)
def test_every_number_in_a_list_is_masked(numbers, separator):
    masked = mask_text("、".join(numbers) + separator)

    for number in numbers:
        assert number not in bare(masked)


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
