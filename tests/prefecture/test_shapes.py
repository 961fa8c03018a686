"""The shape of the generated data: a few big villages, permalink codes that never repeat."""

import random
import statistics

from disclosure.publishing.models import CODE_ALPHABET, CODE_LENGTH
from prefecture.publications import Codes
from prefecture.regions import village_weights


def test_village_sizes_average_one_with_a_few_ten_times_bigger():
    weights = village_weights(random.Random(1), 5000)
    median = statistics.median(weights)
    big = [weight for weight in weights if weight > 6 * median]
    assert abs(statistics.fmean(weights) - 1) < 1e-9
    assert 10 <= len(big) <= 150
    assert max(weights) > 10 * median


def test_permalink_codes_never_repeat_and_look_like_the_apps():
    codes = Codes(seed=1)
    made = [codes.next() for _ in range(200_000)]
    assert len(set(made)) == len(made)
    assert all(len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET) for code in made)
    assert made[:5] != [Codes(seed=2).next() for _ in range(5)]
