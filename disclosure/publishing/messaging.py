"""Short messages to staff beside email: SMS, WeChat or any service a deployment plugs in.

A provider is a class with `send(*, user, text)`; MESSAGE_PROVIDERS names each one by its dotted
path. The provider finds the user's number or account itself (a deployment keeps them where its
service needs them), and a provider that fails is logged and never undoes the work that caused the
message. The console provider writes each message to the log and keeps it in `outbox`, for
development and tests.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

# What the console provider sent, oldest first: (username, text). Tests empty it.
outbox: list[tuple[str, str]] = []


class ConsoleProvider:
    def send(self, *, user, text: str) -> None:
        outbox.append((user.username, text))
        logger.info("Message to %s: %s", user.username, text)


def providers() -> list:
    return [import_string(path)() for path in settings.MESSAGE_PROVIDERS]


def send_message(*, users, text: str) -> None:
    """Send the text to each user through every provider, once the transaction commits."""
    users = list(users)
    if not users:
        return

    def send():
        for provider in providers():
            for user in users:
                try:
                    provider.send(user=user, text=text)
                except Exception:  # a provider's own failure must not break the sender's work
                    logger.warning("Could not send a message to %s", user.username, exc_info=True)

    transaction.on_commit(send)
