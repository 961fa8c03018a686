"""The oversight app's periodic job: the township dashboard's summaries of the day."""

from procrastinate.contrib.django import app

from disclosure import clock

from .summaries import summarise_every_village


# Every day at 00:30 in Beijing (cron times are UTC), once the new day has begun there.
@app.periodic(cron="30 16 * * *")
@app.task(queue="daily", queueing_lock="summarise_villages")
def summarise_villages(timestamp: int) -> None:
    today = clock.today()
    summarise_every_village(today, today.year)
