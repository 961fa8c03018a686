"""The county log of 示范县 (990101000000), signed with a fixed key so that its checkpoints are
the same in every run, and witnesses run by the township and the county."""

import hashlib

import pytest
from django.db import connection

from disclosure.transparency import leaves, notes, services
from disclosure.transparency.models import Witness

ORIGIN_HOST = "cunwu.example.cn"
ORIGIN = f"{ORIGIN_HOST}/log/990101000000"
# The keys of docs/transparency.md's worked example.
LOG_KEY = notes.Signer(
    "cunwu.example.cn-test", notes.ED25519, hashlib.sha256(b"example log key").digest()
)
TOWNSHIP_KEY = notes.Signer(
    "qingshan.example.cn/witness",
    notes.COSIGNATURE_V1,
    hashlib.sha256(b"example witness key").digest(),
)
COUNTY_KEY = notes.Signer(
    "shifan.example.cn/witness", notes.COSIGNATURE_V1, hashlib.sha256(b"county").digest()
)


@pytest.fixture(autouse=True)
def _log_settings(settings):
    settings.TRANSPARENCY_SIGNING_KEY = LOG_KEY.text
    settings.TRANSPARENCY_PREVIOUS_SIGNING_KEY = ""
    settings.TRANSPARENCY_RETIRED_PUBLIC_KEYS = []
    settings.TRANSPARENCY_ORIGIN_HOST = ORIGIN_HOST


def digest_of(seq: int) -> str:
    return hashlib.sha256(f"revision {seq}".encode()).hexdigest()


def leaf(village, seq: int) -> bytes:
    return leaves.revision_leaf(village_code=village.code, seq=seq, digest=digest_of(seq))


def grow(village, count: int, start: int = 1) -> None:
    """Append `count` leaves of the village, one by one as publications would."""
    for seq in range(start, start + count):
        services.append(village=village, data=leaf(village, seq))


@pytest.fixture
def log(village_a, village_b):
    """Five leaves: three of 清河村, two of 柳树村, in turns."""
    for seq, village in enumerate([village_a, village_b, village_a, village_b, village_a], 1):
        services.append(village=village, data=leaf(village, seq))
    return services.log_of(services.county_of(village_a))


@pytest.fixture
def township_witness(db):
    verifier = TOWNSHIP_KEY.verifier
    return Witness.objects.create(
        name=verifier.name, verifier_key=verifier.text, operator="青山镇人民政府"
    )


@pytest.fixture
def county_witness(db):
    verifier = COUNTY_KEY.verifier
    return Witness.objects.create(
        name=verifier.name, verifier_key=verifier.text, operator="示范县纪委监委"
    )


def rewrite(log, village, count: int) -> None:
    """What an operator with the database and the key could do: throw the tree away and build
    another one from other leaves, every checkpoint signed again with the log's own key."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table in ("cosignature", "checkpoint", "node", "logentry"):
            cursor.execute(f"ALTER TABLE transparency_{table} DISABLE TRIGGER append_only")
            cursor.execute(f"DELETE FROM transparency_{table}")
            cursor.execute(f"ALTER TABLE transparency_{table} ENABLE TRIGGER append_only")
        cursor.execute("ALTER TABLE transparency_log DISABLE TRIGGER only_grows")
        cursor.execute("UPDATE transparency_log SET size = 0")
        cursor.execute("ALTER TABLE transparency_log ENABLE TRIGGER only_grows")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    for seq in range(1, count + 1):
        digest = hashlib.sha256(f"another revision {seq}".encode()).hexdigest()
        data = leaves.revision_leaf(village_code=village.code, seq=seq, digest=digest)
        services.append(village=village, data=data)
