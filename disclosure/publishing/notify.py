"""Email to the staff whom something needs (SMTP when configured, the console otherwise), and
the same news as a short message through the providers a deployment plugs in (messaging.py)."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from disclosure.regions.access import ABOVE_VILLAGE_ONLY, ROLE_ACTIONS, Action
from disclosure.regions.models import Region, Role

from . import messaging

logger = logging.getLogger(__name__)


def people_who_may(action: Action, village: Region) -> list:
    """Active staff holding a role that grants the action on the village."""
    kinds = [kind for kind, actions in ROLE_ACTIONS.items() if action in actions]
    nodes = [*village.ancestors()]
    if action not in ABOVE_VILLAGE_ONLY:
        nodes.append(village)
    roles = Role.objects.filter(region__in=nodes, kind__in=kinds, user__is_active=True)
    return list({role.user.pk: role.user for role in roles.select_related("user")}.values())


def notify(action: Action, village: Region, template: str, context: dict) -> None:
    """Tell everyone who may take the action on the village, once the transaction commits."""
    notify_people(people_who_may(action, village), template, context)


def notify_people(people, template: str, context: dict) -> None:
    """Email the people and send them the subject as a short message (messaging.py).

    The template's first line is the subject, the rest the body, rendered in the site's language.
    A mail server that fails is logged and never undoes the work that caused the message.
    """
    people = list(people)
    if not people:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject, _, body = render_to_string(template, context).strip().partition("\n")
    messaging.send_message(users=people, text=subject.strip())
    recipients = [user.email for user in people if user.email]
    if not recipients:
        return

    def send():
        try:
            send_mail(subject.strip(), body.strip(), None, recipients)
        except (OSError, smtplib.SMTPException):
            logger.warning("Could not send %r to %s", subject, recipients, exc_info=True)

    transaction.on_commit(send)
