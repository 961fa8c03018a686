"""What each kind of posting carries beyond its title, text and attachments.

A kind with structured rows (the list of small powers here; ledger entries, benefit lists or
decisions in their own apps) registers, once, when its app is ready:
- `rows`: reads a revision's rows in canonical form, for the chain and the API;
- `template`: renders them inside portal/includes/revision_content.html;
- `check`: raises ValidationError when a revision is not complete enough to submit;
- `copy`: copies the rows into a new revision when a correction starts;
- `prepare`: stores what is derived from the rows (totals), in the publishing transaction, just
  before the revision is frozen.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class KindContent:
    rows: Callable | None = None
    template: str | None = None
    check: Callable | None = None
    copy: Callable | None = None
    prepare: Callable | None = None


_CONTENT: dict[str, KindContent] = {}


def register(kind: str, **hooks) -> None:
    _CONTENT[kind] = KindContent(**hooks)


def _content(kind: str) -> KindContent:
    return _CONTENT.get(kind, KindContent())


def rows_of(revision) -> list[dict]:
    reader = _content(revision.posting.kind).rows
    return reader(revision) if reader else []


def content_template(kind: str) -> str | None:
    return _content(kind).template


def check_ready(revision) -> None:
    check = _content(revision.posting.kind).check
    if check:
        check(revision)


def prepare_publication(revision) -> None:
    prepare = _content(revision.posting.kind).prepare
    if prepare:
        prepare(revision)


def copy_rows(source, target) -> None:
    copy = _content(source.posting.kind).copy
    if copy:
        copy(source, target)


def _power_items(revision) -> list[dict]:
    return [item.canonical() for item in revision.power_items.all()]


def _check_power_list(revision) -> None:
    if not revision.power_items.exists():
        raise ValidationError(_("A list of small powers needs at least one power."))


def _copy_power_items(source, target) -> None:
    for item in source.power_items.all():
        item.pk = None
        item.revision = target
        item.save()


register(
    "power_list",
    rows=_power_items,
    template="portal/kinds/power_list.html",
    check=_check_power_list,
    copy=_copy_power_items,
)
