"""The register of collective assets and resources of a generated village, disclosed once a
year as a snapshot (rows as assets/snapshots.py reads them back).
"""

import datetime

from disclosure.assets.models import (
    Asset,
    AssetsKind,
    Resource,
    Snapshot,
    SnapshotAsset,
    SnapshotResource,
)
from disclosure.assets.snapshots import ASSET_FIELDS, RESOURCE_FIELDS

from . import words
from .ledger import yuan
from .publications import Codes, Village, publish
from .timing import moment


def load(sink, codes: Codes, village: Village, years: range, until: datetime.date) -> None:
    assets = _assets(village, years)
    resources = _resources(village)
    for year in years:
        taken_on = datetime.date(year, 6, 30)
        held = [asset for asset in assets if asset["acquired_on"] <= taken_on.isoformat()]
        _snapshot(sink, codes, village, taken_on, held, resources)
    for asset in assets:
        sink.add(
            Asset,
            (
                sink.new_id(Asset),
                village.id,
                *(asset[name] for name in ASSET_FIELDS),
                moment(village.rng, until),
            ),
        )
    for resource in resources:
        sink.add(
            Resource,
            (
                sink.new_id(Resource),
                village.id,
                *(resource[name] for name in RESOURCE_FIELDS),
                moment(village.rng, until),
            ),
        )


def _assets(village: Village, years: range) -> list[dict]:
    rng = village.rng
    chosen = rng.sample(words.ASSETS, rng.randint(5, len(words.ASSETS)))
    assets = []
    for number, (category, name, value) in enumerate(chosen, start=1):
        bought = rng.randint(1995, years[-1])
        assets.append(
            {
                "number": f"ZC-{number:03d}",
                "category": category,
                "name": name,
                "location": f"{village.name}{rng.choice('一二三四五六')}组",
                "quantity": 1,
                "original_value": yuan(round(value * 100 * rng.lognormvariate(0.0, 0.4))),
                "acquired_on": datetime.date(
                    bought, rng.randint(1, 12), rng.randint(1, 28)
                ).isoformat(),
                "condition": rng.choice(("良好", "良好", "一般", "需维修")),
                "user": "村集体",
                "disposal": "",
                "disposed_on": None,
                "disposal_reason": "",
                "proceeds": None,
                "decision_reference": "",
            }
        )
    return assets


def _resources(village: Village) -> list[dict]:
    rng = village.rng
    chosen = rng.sample(words.RESOURCES, rng.randint(2, len(words.RESOURCES)))
    resources = []
    for number, (kind, name, area) in enumerate(chosen, start=1):
        contracted = rng.random() < 0.6
        resources.append(
            {
                "number": f"ZY-{number:03d}",
                "type": kind,
                "name": name,
                "location": f"{village.name}{rng.choice('东南西北')}片",
                "area_mu": yuan(round(area * 100 * rng.lognormvariate(0.0, 0.5))),
                "status": "contracted_out" if contracted else rng.choice(("self_operated", "idle")),
                "user": words.person(rng) if contracted else "",
            }
        )
    return resources


def _snapshot(sink, codes, village, taken_on, assets, resources) -> None:
    rows = [{"register": "snapshot", "taken_on": taken_on.isoformat()}]
    rows += [{"register": "asset", "photos": [], **asset} for asset in assets]
    rows += [{"register": "resource", "photos": [], **resource} for resource in resources]
    date = f"{taken_on.year}年{taken_on.month}月{taken_on.day}日"
    published = taken_on + datetime.timedelta(days=village.rng.randint(5, 30))
    rev = publish(
        sink,
        codes,
        village,
        kind=AssetsKind.ASSET_REGISTER,
        title=f"{village.name}集体资产资源登记表（截至{date}）",
        published_at=moment(village.rng, published),
        rows=rows,
    )
    sink.add(Snapshot, (sink.new_id(Snapshot), rev.id, village.id, taken_on))
    for asset in assets:
        sink.add(
            SnapshotAsset,
            (
                sink.new_id(SnapshotAsset),
                rev.id,
                village.id,
                "[]",
                *(asset[name] for name in ASSET_FIELDS),
            ),
        )
    for resource in resources:
        sink.add(
            SnapshotResource,
            (
                sink.new_id(SnapshotResource),
                rev.id,
                village.id,
                "[]",
                *(resource[name] for name in RESOURCE_FIELDS),
            ),
        )


TABLES = (
    (Asset, ("id", "village_id", *ASSET_FIELDS, "updated_at")),
    (Resource, ("id", "village_id", *RESOURCE_FIELDS, "updated_at")),
    (Snapshot, ("id", "revision_id", "village_id", "taken_on")),
    (SnapshotAsset, ("id", "revision_id", "village_id", "photos", *ASSET_FIELDS)),
    (SnapshotResource, ("id", "revision_id", "village_id", "photos", *RESOURCE_FIELDS)),
)
