"""The kinds of posting and what each carries beyond its title, text and attachments.

Every kind registers itself, once, when its app is ready (the notice, the audit report and the
list of small powers here; finance periods, benefit lists, contracts or decisions in their own
apps), so that publishing and the portal know no domain app by name. A kind gives:
- its code and `label` (a choices member) and the catalogue `section` it is listed under;
- `write`: stores its structured rows from a posting form's content, where the form has them;
- `rows`: reads a revision's rows in canonical form, for the chain and the API;
- `subject`: the facts about what the posting discloses that pages show beside its rows (the
  month of a finance period, the year of a budget), in canonical form: they enter the digest;
- `template`: renders them inside portal/includes/revision_content.html;
- `check`: raises ValidationError when a revision is not complete enough to submit;
- `copy`: copies the rows into a new revision when a correction starts;
- `prepare`: stores what is derived from the rows (totals), in the publishing transaction, just
  before the revision is frozen;
- `verify`: re-derives what `prepare` stored (and anything else pages show that is kept beside
  the rows) and returns what no longer matches, for `verify_chain`;
- `row_key`: names a row across revisions, so a correction can be shown as changed rows;
- `presentation`: what its rendering depends on besides the revision (a county's grouping of
  spending), as a short key, so that a kept rendering is replaced when that changes;
- `live`: whether its page shows what moves after publication (payments, a window's end), so that
  its rendering cannot be kept;
- `content`: the models holding the kind's rows (each with a `revision` and a `village`), and
  `derived`: the models `prepare` fills. Every model of the project is accounted for by some
  kind or by publishing.coverage, so a new table cannot escape the proof unnoticed.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .catalogue import Kind, Section


@dataclass(frozen=True)
class KindContent:
    label: str
    section: Section
    write: Callable | None = None
    rows: Callable | None = None
    subject: Callable | None = None
    template: str | None = None
    check: Callable | None = None
    copy: Callable | None = None
    prepare: Callable | None = None
    verify: Callable | None = None
    row_key: Callable | None = None
    presentation: Callable | None = None
    content: tuple = ()
    derived: tuple = ()
    live: bool = False


_CONTENT: dict[str, KindContent] = {}


def register(kind, *, section: Section, **hooks) -> None:
    """Register `kind`, a member of its app's choices, whose label villagers read."""
    hooks["content"] = tuple(hooks.get("content", ()))
    hooks["derived"] = tuple(hooks.get("derived", ()))
    _CONTENT[str(kind)] = KindContent(label=kind.label, section=section, **hooks)


def registered() -> dict[str, KindContent]:
    return dict(_CONTENT)


def codes() -> list[str]:
    return list(_CONTENT)


def choices() -> list[tuple[str, str]]:
    return [(kind, hooks.label) for kind, hooks in _CONTENT.items()]


def label_of(kind: str) -> str:
    return _content(kind).label


def section_of(kind: str) -> Section:
    return _content(kind).section


def of_section(section: str) -> list[str]:
    return [kind for kind, hooks in _CONTENT.items() if hooks.section == section]


def tables() -> dict:
    """Every model holding rows of published revisions, with the kinds whose rows it may hold.

    Attachments belong to every kind; the rest are the `content` and `derived` models the kinds
    registered.
    """
    from .models import Attachment

    owners: dict = {Attachment: set(_CONTENT)}
    for kind, hooks in _CONTENT.items():
        for model in (*hooks.content, *hooks.derived):
            owners.setdefault(model, set()).add(kind)
    return owners


def _content(kind: str) -> KindContent:
    # A kind no app registered can only come from a row changed behind the services' back:
    # pages show it as a plain notice under its code, and verify_chain names the change.
    return _CONTENT.get(kind) or KindContent(label=kind, section=Section.NOTICES)


def write_rows(revision, content) -> None:
    write = _content(revision.posting.kind).write
    if write:
        write(revision, content)


def rows_of(revision) -> list[dict]:
    reader = _content(revision.posting.kind).rows
    return reader(revision) if reader else []


def subject_of(revision) -> dict:
    reader = _content(revision.posting.kind).subject
    return reader(revision) if reader else {}


def is_live(kind: str) -> bool:
    return _content(kind).live


def presentation_of(revision) -> str:
    presentation = _content(revision.posting.kind).presentation
    return presentation(revision) if presentation else ""


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


def derived_problem(revision) -> str | None:
    """What `prepare` stored for a published revision that its rows no longer give, if anything.

    A withdrawal carries no rows and nothing was stored for it.
    """
    verify = _content(revision.posting.kind).verify
    return verify(revision) if verify and not revision.is_withdrawal else None


def copy_rows(source, target) -> None:
    copy = _content(source.posting.kind).copy
    if copy:
        copy(source, target)


def row_key(kind: str) -> Callable | None:
    return _content(kind).row_key


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


def _power_name(row: dict) -> str:
    return row["name"]


def register_own_kinds() -> None:
    """The kinds publishing itself holds: free text, the audit report, the small powers."""
    from .models import PowerItem
    from .services import write_power_items

    register(Kind.NOTICE, section=Section.NOTICES)
    register(Kind.AUDIT_REPORT, section=Section.NOTICES)
    register(
        Kind.POWER_LIST,
        section=Section.POWERS,
        write=write_power_items,
        rows=_power_items,
        template="portal/kinds/power_list.html",
        check=_check_power_list,
        copy=_copy_power_items,
        row_key=_power_name,
        content=[PowerItem],
    )
