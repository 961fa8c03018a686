"""The benefits app's periodic job: personal data leaves the public lists when their publicity
window ends, whether or not anyone remembers to run a command."""

from procrastinate.contrib.django import app

from .services import expire_due


# Every day at 00:10 in Beijing (cron times are UTC), just after windows end at midnight.
@app.periodic(cron="10 16 * * *")
@app.task(queue="daily", queueing_lock="expire_benefit_lists")
def expire_benefit_lists(timestamp: int) -> None:
    expire_due()
