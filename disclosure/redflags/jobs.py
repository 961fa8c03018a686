"""The redflags app's periodic job: new flags get their cases and their people are told, and
rectifications past their deadline are announced, whether or not anyone opens the flags pages."""

from procrastinate.contrib.django import app

from disclosure import clock

from .cases import raise_every_flag


# Every day at 00:20 in Beijing (cron times are UTC): after the day's benefit lists expire, before
# the dashboard's summaries are computed, so that the township reads the day's cases.
@app.periodic(cron="20 16 * * *")
@app.task(queue="daily", queueing_lock="raise_flags")
def raise_flags(timestamp: int) -> None:
    raise_every_flag(clock.today())
