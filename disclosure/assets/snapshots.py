"""Register snapshots as content of a revision: canonical rows, completeness, corrections, and
reading the published ones back (the latest, the one before it, and what changed between them).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import F, Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from disclosure.assets.models import AssetsKind
from disclosure.publishing.models import Attachment, Revision, posting_is_in_force

from .models import Category, ResourceType, Snapshot, SnapshotAsset, SnapshotResource

ASSET_FIELDS = [
    "number",
    "category",
    "name",
    "location",
    "quantity",
    "original_value",
    "acquired_on",
    "condition",
    "user",
    "disposal",
    "disposed_on",
    "disposal_reason",
    "proceeds",
    "decision_reference",
]
RESOURCE_FIELDS = ["number", "type", "name", "location", "area_mu", "status", "user"]


def canonical_value(value):
    """Money, areas and dates as strings (the chain has no floats); other values as they are."""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def canonical_item(item, fields: list[str], register: str) -> dict:
    row = {"register": register, "photos": list(item.photos)}
    row.update({name: canonical_value(getattr(item, name)) for name in fields})
    return row


def canonical_rows(revision: Revision) -> list[dict]:
    """The snapshot's date, then its assets, then its resources, each in register-number order."""
    snapshot = Snapshot.objects.filter(revision=revision).first()
    if snapshot is None:
        return []
    rows = [{"register": "snapshot", "taken_on": snapshot.taken_on.isoformat()}]
    rows += [canonical_item(a, ASSET_FIELDS, "asset") for a in revision.snapshot_assets.all()]
    rows += [
        canonical_item(r, RESOURCE_FIELDS, "resource") for r in revision.snapshot_resources.all()
    ]
    return rows


def row_key(row: dict) -> tuple:
    """Rows are the same asset or resource across snapshots by their register number."""
    return (row["register"], row.get("number"))


def check_ready(revision: Revision) -> None:
    if not (revision.snapshot_assets.exists() or revision.snapshot_resources.exists()):
        raise ValidationError(
            _("The register is empty: add assets or resources to it, then take the snapshot again.")
        )


def copy_rows(source: Revision, target: Revision) -> None:
    """A correction starts from what was published, as of the same date."""
    snapshot = Snapshot.objects.get(revision=source)
    Snapshot.objects.create(revision=target, village=target.village, taken_on=snapshot.taken_on)
    for model in (SnapshotAsset, SnapshotResource):
        rows = list(model.objects.filter(revision=source))
        for row in rows:
            row.pk = None
            row.revision = target
        model.objects.bulk_create(rows)


def published_snapshots(village):
    """The village's published register revisions, newest snapshot first."""
    return (
        Revision.objects.published()
        .filter(
            posting_is_in_force("posting"),
            village=village,
            posting__kind=AssetsKind.ASSET_REGISTER,
            posting__current=F("pk"),
        )
        .select_related("posting", "asset_snapshot")
        .prefetch_related(
            Prefetch("attachments", queryset=Attachment.objects.select_related("thumbnail"))
        )
        .order_by("-asset_snapshot__taken_on", "-published_at")
    )


def latest_two(village) -> tuple[Revision | None, Revision | None]:
    revisions = list(published_snapshots(village)[:2])
    revisions += [None, None]
    return revisions[0], revisions[1]


# What a change is called on the register page, by its kind and, where they differ, register.
CHANGE_LABELS = {
    ("added", None): pgettext_lazy("register change", "Added"),
    ("removed", None): pgettext_lazy("register change", "No longer listed"),
    ("disposed", None): pgettext_lazy("register change", "Disposed of"),
    ("value", "asset"): pgettext_lazy("register change", "Value changed"),
    ("value", "resource"): pgettext_lazy("register change", "Area changed"),
    ("status", "asset"): pgettext_lazy("register change", "Condition changed"),
    ("status", "resource"): pgettext_lazy("register change", "Status changed"),
}


@dataclass
class Change:
    kind: str  # added, disposed, removed, value, status
    register: str  # asset or resource
    item: object
    before: object = None

    @property
    def label(self) -> str:
        return CHANGE_LABELS.get((self.kind, None)) or CHANGE_LABELS[(self.kind, self.register)]


def _changes_of(before: dict, after: dict, register: str, compare) -> list[Change]:
    changes = [Change("added", register, item) for n, item in after.items() if n not in before]
    changes += [Change("removed", register, item) for n, item in before.items() if n not in after]
    for number, item in after.items():
        if number in before:
            changes += [
                Change(kind, register, item, before[number])
                for kind in compare(before[number], item)
            ]
    return changes


def _asset_changes(old, new) -> list[str]:
    kinds = []
    if new.disposal and not old.disposal:
        kinds.append("disposed")
    if new.original_value != old.original_value:
        kinds.append("value")
    if new.condition != old.condition:
        kinds.append("status")
    return kinds


def _resource_changes(old, new) -> list[str]:
    kinds = []
    if new.area_mu != old.area_mu:
        kinds.append("value")
    if new.status != old.status:
        kinds.append("status")
    return kinds


def differences(previous: Revision | None, latest: Revision) -> list[Change]:
    """What changed in the register from one snapshot to the next, matched by register number."""
    if previous is None:
        return []

    def by_number(revision, related):
        return {row.number: row for row in getattr(revision, related).all()}

    changes = _changes_of(
        by_number(previous, "snapshot_assets"),
        by_number(latest, "snapshot_assets"),
        "asset",
        _asset_changes,
    )
    changes += _changes_of(
        by_number(previous, "snapshot_resources"),
        by_number(latest, "snapshot_resources"),
        "resource",
        _resource_changes,
    )
    changes.sort(key=lambda change: (change.register, change.item.number))
    return changes


@dataclass
class Total:
    label: str
    count: int = 0
    amount: Decimal = Decimal("0")


def asset_totals(assets) -> list[Total]:
    """Assets still held, by category: how many and their original value."""
    totals = {value: Total(label) for value, label in Category.choices}
    for asset in assets:
        if not asset.disposal:
            totals[asset.category].count += 1
            totals[asset.category].amount += asset.original_value
    return [total for total in totals.values() if total.count]


def resource_totals(resources) -> list[Total]:
    """Resources by type: how many and their area in mu."""
    totals = {value: Total(label) for value, label in ResourceType.choices}
    for resource in resources:
        totals[resource.type].count += 1
        totals[resource.type].amount += resource.area_mu
    return [total for total in totals.values() if total.count]
