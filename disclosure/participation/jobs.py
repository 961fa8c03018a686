"""The participation app's periodic job: questions left past a deadline go up to the township."""

from procrastinate.contrib.django import app

from disclosure import clock

from .escalation import escalate_late_questions


# Every day at 00:25 in Beijing (cron times are UTC), once the day's deadlines have passed.
@app.periodic(cron="25 16 * * *")
@app.task(queue="daily", queueing_lock="escalate_questions")
def escalate_questions(timestamp: int) -> None:
    escalate_late_questions(today=clock.today())
