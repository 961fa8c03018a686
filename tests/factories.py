"""Test data, made through the same services the portal uses."""

import re

import factory
from django.urls import reverse

from disclosure.publishing import chain, services
from disclosure.publishing.services import Content
from disclosure.regions.models import Level, Region, Role, User


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    name = factory.Sequence(lambda n: f"地区{n}")
    level = Level.VILLAGE


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    display_name = factory.Sequence(lambda n: f"工作人员{n}")
    password = factory.django.Password("correct horse battery staple")


def make_staff(username: str, kind: str, region: Region, display_name: str = "") -> User:
    user = UserFactory(username=username, display_name=display_name or username)
    Role.objects.create(user=user, region=region, kind=kind)
    return user


def draft_posting(
    village, clerk, title="关于村道修路工程招标的公告", body="正文", kind="notice", power_items=None
):
    content = Content(title=title, body=body, power_items=power_items)
    return services.create_posting(village=village, kind=kind, content=content, by=clerk)


def signed_off(revision, clerk, supervisor):
    services.submit(revision=revision, by=clerk)
    return approved(revision, supervisor)


def approved(revision, supervisor, opinion="内容属实，同意公开。"):
    """The supervisor signs off the revision as it is now, having read it."""
    revision.refresh_from_db()
    return services.sign_off(
        revision=revision,
        content_digest=chain.content_digest(revision),
        by=supervisor,
        opinion=opinion,
    )


def sign_off_through_page(client, revision, opinion="内容属实，同意公开。"):
    """The supervisor opens the review page, reads it, and signs off what it showed."""
    page = client.get(reverse("workspace:revision", args=[revision.pk])).content.decode()
    seen = re.search(r'name="content_digest" value="([0-9a-f]{64})"', page)
    assert seen, "the review page carries no content digest to sign off"
    return client.post(
        reverse("workspace:sign_off", args=[revision.pk]),
        {"opinion": opinion, "content_digest": seen.group(1)},
    )


def publish(revision, clerk, supervisor):
    """Submit a draft revision, sign it off and publish it."""
    return services.publish(revision=signed_off(revision, clerk, supervisor), by=clerk)


def published_posting(village, clerk, supervisor, **kwargs):
    return publish(draft_posting(village, clerk, **kwargs), clerk, supervisor)


def withdrawn(posting, clerk, supervisor, reason="重复发布"):
    """A published posting withdrawn: asked for, signed off and published."""
    revision = services.withdraw(posting=posting, by=clerk, reason=reason)
    return services.publish(revision=approved(revision, supervisor), by=clerk)
