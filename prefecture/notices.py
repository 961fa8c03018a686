"""General notices of a generated village, a few of them withdrawn again with a reason."""

import datetime

from disclosure.publishing.catalogue import Kind

from . import words
from .publications import Village, publish, withdraw
from .timing import moment

WITHDRAWN_SHARE = 0.01


def load(sink, codes, village: Village, years: range) -> None:
    for year in years:
        for _ in range(village.rng.randint(4, 8)):
            _notice(sink, codes, village, year)


def load_many(sink, codes, village: Village, years: range, count: int) -> None:
    """`count` more notices spread over the years: a village far busier than the others."""
    for number in range(count):
        _notice(sink, codes, village, years[number % len(years)])


def _notice(sink, codes, village: Village, year: int) -> None:
    rng = village.rng
    day = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
    rev = publish(
        sink,
        codes,
        village,
        kind=Kind.NOTICE,
        title=rng.choice(words.NOTICE_TITLES),
        body=rng.choice(words.NOTICE_BODIES),
        published_at=moment(rng, day),
    )
    if rng.random() < WITHDRAWN_SHARE:
        withdraw(
            sink,
            village,
            rev.post,
            reason=rng.choice(words.WITHDRAWAL_REASONS),
            published_at=rev.published_at + datetime.timedelta(days=3),
        )
