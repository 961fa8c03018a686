"""Email to the staff whom something needs (SMTP when configured, the console otherwise), and
the same news as a short message through the providers a deployment plugs in (messaging.py)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from disclosure.regions.access import ABOVE_VILLAGE_ONLY, ROLE_ACTIONS, Action
from disclosure.regions.models import Region, Role

from . import messaging
from .jobs import send_email


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
    The task queue sends it (publishing/jobs.py).
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

    # Deferred in the caller's transaction: the message goes out only if the work is kept, and
    # a mail server that is down delays it (the job is retried) without failing the request.
    send_email.defer(subject=subject.strip(), body=body.strip(), recipients=recipients)
