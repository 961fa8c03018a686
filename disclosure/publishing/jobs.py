"""The publishing app's work in the task queue: staff email, and the weekly check that the
database still holds what was published."""

from smtplib import SMTPException

from django.core.mail import send_mail
from django.core.management import call_command
from procrastinate import RetryStrategy
from procrastinate.contrib.django import app


@app.task(
    queue="email",
    retry=RetryStrategy(max_attempts=12, wait=300, retry_exceptions={OSError, SMTPException}),
)
def send_email(*, subject: str, body: str, recipients: list[str]) -> None:
    """One message; while the mail server is down it is tried again every five minutes for an
    hour, then the job fails with the server's answer."""
    send_mail(subject, body, None, recipients)


# Every Sunday at 03:00 in Beijing (cron times are UTC). A problem fails the job, whose reason
# (every revision, record or log that does not match) is in the worker's log and the queue's admin.
@app.periodic(cron="0 19 * * 6")
@app.task(queue="daily", queueing_lock="verify_chain")
def verify_chain(timestamp: int) -> None:
    call_command("verify_chain")
