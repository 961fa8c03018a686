from hypothesis import given
from hypothesis import strategies as st

from disclosure.benefits.models import NameDisplay
from disclosure.benefits.personal import (
    check_character,
    commitment,
    is_identity_number,
    new_salt,
    public_identity_number,
    public_name,
)

seventeen_digits = st.text(alphabet="0123456789", min_size=17, max_size=17)


@given(seventeen_digits)
def test_every_number_with_its_check_character_is_valid(first_17):
    assert is_identity_number(first_17 + check_character(first_17))


@given(seventeen_digits, st.integers(min_value=0, max_value=16), st.integers(1, 9))
def test_changing_any_one_digit_is_noticed(first_17, position, shift):
    number = first_17 + check_character(first_17)
    digit = str((int(number[position]) + shift) % 10)
    changed = number[:position] + digit + number[position + 1 :]

    assert not is_identity_number(changed)


def test_a_known_identity_number_passes_and_its_neighbours_do_not():
    # The worked example of GB 11643: 11010519491231002 has the check character X.
    assert check_character("11010519491231002") == "X"
    assert is_identity_number("11010519491231002X")
    assert not is_identity_number("110105194912310021")
    assert not is_identity_number("11010519491231002x")


@given(seventeen_digits)
def test_a_public_identity_number_keeps_only_four_characters_at_each_end(first_17):
    number = first_17 + check_character(first_17)
    shown = public_identity_number(number)

    assert shown == number[:4] + "*" * 10 + number[-4:]


@given(st.text(min_size=1, max_size=10).map(str.strip).filter(bool))
def test_a_name_is_shown_as_its_first_character_and_one_asterisk_unless_the_county_says_full(
    name,
):
    assert public_name(name, NameDisplay.SURNAME) == name[0] + "*"
    assert public_name(name, NameDisplay.FULL) == name


@given(st.text(max_size=20))
def test_a_commitment_is_64_hex_characters_and_differs_with_the_salt(value):
    first, second = commitment(new_salt(), value), commitment(new_salt(), value)

    assert len(first) == 64 and int(first, 16) >= 0
    assert first != second
