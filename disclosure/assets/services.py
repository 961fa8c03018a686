"""Keeping the working register and disclosing it as a dated snapshot.

Every function checks permission through the access module, writes the audit log and runs in one
transaction, so a refused step changes nothing. Submission, sign-off and publication of a snapshot
are the publishing lifecycle's own steps.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from disclosure import clock
from disclosure.assets.models import AssetsKind
from disclosure.publishing import attachments as files
from disclosure.publishing import services as publishing
from disclosure.publishing.audit import record
from disclosure.publishing.masking import mask_text
from disclosure.publishing.models import Attachment, Revision
from disclosure.regions.access import Action, require
from disclosure.regions.models import Region

from .models import (
    Asset,
    Photo,
    Resource,
    Snapshot,
    SnapshotAsset,
    SnapshotResource,
)
from .snapshots import ASSET_FIELDS, RESOURCE_FIELDS

ASSET_TEXT = ("name", "location", "condition", "user", "disposal_reason", "decision_reference")
RESOURCE_TEXT = ("name", "location", "user")
DISPOSAL_FIELDS = (
    "disposal",
    "disposed_on",
    "disposal_reason",
    "proceeds",
    "decision",
    "decision_reference",
)


def _clean(values: dict, text_fields) -> dict:
    """Text as villagers will read it: trimmed, with identity and phone numbers masked."""
    cleaned = dict(values)
    for name in text_fields:
        if isinstance(cleaned.get(name), str):
            cleaned[name] = mask_text(cleaned[name].replace("\r\n", "\n").strip())
    if isinstance(cleaned.get("number"), str):
        cleaned["number"] = cleaned["number"].strip().upper()
    return cleaned


def _write(item, values: dict) -> None:
    for name, value in values.items():
        setattr(item, name, value)
    item.full_clean()
    item.save()


def _require_village(by, village: Region) -> None:
    require(by, Action.DRAFT, village)
    if not village.is_village:
        raise ValidationError(_("Registers belong to a village."))


@transaction.atomic
def save_asset(*, village: Region, values: dict, by, asset: Asset | None = None, ip=None) -> Asset:
    """Add a fixed asset to the register, or change one; disposal has its own step."""
    _require_village(by, village)
    values = {k: v for k, v in _clean(values, ASSET_TEXT).items() if k not in DISPOSAL_FIELDS}
    if asset is None:
        asset = Asset(village=village)
    elif asset.village_id != village.pk:
        raise ValidationError(_("This asset belongs to another village."))
    action = "asset.edit" if asset.pk else "asset.add"
    _write(asset, values)
    record(by=by, action=action, village=village, target=str(asset), ip=ip)
    return asset


@transaction.atomic
def dispose_asset(*, asset: Asset, values: dict, by, ip=None) -> Asset:
    """Record that an asset was sold, scrapped or transferred, on whose decision and for what."""
    asset = Asset.objects.select_for_update().get(pk=asset.pk)
    require(by, Action.DRAFT, asset)
    if asset.disposal:
        raise ValidationError(_("This asset has already been disposed of."))
    values = _clean({k: values.get(k) for k in DISPOSAL_FIELDS}, ASSET_TEXT)
    values["decision_reference"] = (values["decision_reference"] or "")[:100]
    errors = {}
    if not values["disposal"]:
        errors["disposal"] = _("Say how the asset was disposed of.")
    if not values["disposed_on"]:
        errors["disposed_on"] = _("Give the date of the disposal.")
    if not values["disposal_reason"]:
        errors["disposal_reason"] = _("Give the reason for the disposal.")
    if values["disposal"] == "sold" and values["proceeds"] is None:
        errors["proceeds"] = _("Give what the sale brought in.")
    matter = values["decision"]
    if matter is not None and matter.village_id != asset.village_id:
        errors["decision"] = _("Choose a major matter of this village.")
    elif matter is not None and not values["decision_reference"]:
        values["decision_reference"] = (
            matter.resolution.code if matter.resolution else matter.title[:100]
        )
    if not values["decision_reference"]:
        errors["decision_reference"] = _(
            "Name the decision that authorised the disposal: choose the major matter, "
            "or give the number of the minutes."
        )
    if errors:
        raise ValidationError(errors)
    values["proceeds"] = values["proceeds"] if values["proceeds"] is not None else Decimal("0")
    _write(asset, values)
    record(
        by=by,
        action="asset.dispose",
        village=asset.village,
        target=str(asset),
        ip=ip,
        disposal=asset.disposal,
    )
    return asset


@transaction.atomic
def save_resource(
    *, village: Region, values: dict, by, resource: Resource | None = None, ip=None
) -> Resource:
    _require_village(by, village)
    values = _clean(values, RESOURCE_TEXT)
    if resource is None:
        resource = Resource(village=village)
    elif resource.village_id != village.pk:
        raise ValidationError(_("This resource belongs to another village."))
    action = "resource.edit" if resource.pk else "resource.add"
    _write(resource, values)
    record(by=by, action=action, village=village, target=str(resource), ip=ip)
    return resource


@transaction.atomic
def add_photo(*, item: Asset | Resource, upload, by, ip=None) -> Photo:
    """A photo of an asset or resource, stripped of its metadata like every attachment."""
    require(by, Action.DRAFT, item)
    content, content_type = files.read_upload(upload)
    if not content_type.startswith("image/"):
        raise ValidationError(_("%(name)s is not a photo (JPEG or PNG).") % {"name": upload.name})
    blob = files.store_blob(content, content_type)
    thumbnail = files.store_blob(files.thumbnail_of(content), "image/jpeg")
    owner = {"asset": item} if isinstance(item, Asset) else {"resource": item}
    photo = Photo.objects.create(
        village=item.village,
        filename=_safe_filename(upload.name),
        blob=blob,
        thumbnail=thumbnail,
        **owner,
    )
    record(by=by, action="asset.photo.add", village=item.village, target=str(item), ip=ip)
    return photo


@transaction.atomic
def remove_photo(*, photo: Photo, by, ip=None) -> None:
    require(by, Action.DRAFT, photo)
    item = photo.asset or photo.resource
    record(by=by, action="asset.photo.remove", village=photo.village, target=str(item), ip=ip)
    photo.delete()


def _safe_filename(name: str) -> str:
    name = name.replace("\\", "/").rsplit("/", 1)[-1].strip() or "photo"
    return "".join(ch for ch in name if ch.isprintable())[:150]


def _snapshot_title(village: Region, taken_on: datetime.date) -> str:
    return _("Register of collective assets and resources of %(village)s as of %(date)s") % {
        "village": village.name,
        "date": date_format(taken_on, "DATE_FORMAT"),
    }


def _copy_register(revision: Revision, taken_on: datetime.date) -> None:
    """Frozen copies of the working register's rows, their photos attached to the revision."""
    village = revision.village
    Snapshot.objects.create(revision=revision, village=village, taken_on=taken_on)
    position = revision.attachments.count()
    for model, copy, fields in (
        (Asset, SnapshotAsset, ASSET_FIELDS),
        (Resource, SnapshotResource, RESOURCE_FIELDS),
    ):
        rows = []
        for item in model.objects.filter(village=village).prefetch_related("photos__blob"):
            photos = []
            for photo in item.photos.all():
                position += 1
                Attachment.objects.create(
                    revision=revision,
                    village=village,
                    position=position,
                    filename=f"{item.number}-{photo.filename}"[:200],
                    blob=photo.blob,
                    thumbnail=photo.thumbnail,
                )
                photos.append(photo.blob.sha256)
            values = {name: getattr(item, name) for name in fields}
            rows.append(copy(revision=revision, village=village, photos=photos, **values))
        copy.objects.bulk_create(rows)


@transaction.atomic
def take_snapshot(*, village: Region, by, ip=None, today: datetime.date | None = None) -> Revision:
    """A draft posting carrying today's register, to be signed off and published like any other."""
    _require_village(by, village)
    taken_on = today or clock.today()
    content = publishing.Content(title=_snapshot_title(village, taken_on))
    revision = publishing.create_posting(
        village=village, kind=AssetsKind.ASSET_REGISTER, content=content, by=by, ip=ip
    )
    _copy_register(revision, taken_on)
    record(by=by, action="asset.snapshot", village=village, target=revision.posting.code, ip=ip)
    return revision


@transaction.atomic
def refresh_snapshot(
    *, revision: Revision, by, ip=None, today: datetime.date | None = None
) -> Revision:
    """Take the register again into a draft (after a return, or to start a correction afresh)."""
    revision = Revision.objects.select_for_update().select_related("posting").get(pk=revision.pk)
    require(by, Action.DRAFT, revision)
    if revision.posting.kind != AssetsKind.ASSET_REGISTER:
        raise ValidationError(_("Only a register of assets and resources can be taken again."))
    if revision.state not in publishing.EDITABLE:
        raise ValidationError(_("Only a draft or a returned register can be taken again."))
    photos = set()
    for related in (revision.snapshot_assets, revision.snapshot_resources):
        for row in related.all():
            photos.update(row.photos)
        related.all().delete()
    # Attachments the clerk added by hand stay; the register's photos are taken again.
    revision.attachments.filter(blob__sha256__in=photos).delete()
    Snapshot.objects.filter(revision=revision).delete()
    taken_on = today or clock.today()
    revision.title = _snapshot_title(revision.village, taken_on)
    revision.save(update_fields=["title"])
    _copy_register(revision, taken_on)
    record(by=by, action="asset.snapshot", village=revision.village, target=str(revision), ip=ip)
    return revision
