"""General notices of a generated village, a few of them withdrawn again with a reason."""

import datetime

from disclosure.publishing.catalogue import Kind

from . import words
from .publications import Village, publish, withdraw
from .timing import moment

WITHDRAWN_SHARE = 0.01


def load(sink, codes, village: Village, years: range) -> None:
    rng = village.rng
    for year in years:
        for _ in range(rng.randint(4, 8)):
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
