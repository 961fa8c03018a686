"""Two witnesses for the demo county's log, so that the 核验 pages show cosigned checkpoints.

In real life the township and the county archive each run `manage.py witness` on their own
machine with their own key. The demo plays both beside the portal: each keeps its key and the
checkpoints it has seen under var/demo/witnesses/, fetches the log over HTTP as anyone would,
checks that it only grew, and pushes its cosignature.
"""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from disclosure.transparency import keys, notes, witnessing
from disclosure.transparency.errors import LogError
from disclosure.transparency.models import Log, Witness

FOLDER = Path(settings.BASE_DIR) / "var" / "demo" / "witnesses"


@dataclass(frozen=True)
class DemoWitness:
    name: str
    operator: str

    @property
    def key_file(self) -> Path:
        return FOLDER / f"{self.name.replace('/', '_')}.key"

    @property
    def state_dir(self) -> Path:
        return FOLDER / self.name.replace("/", "_")


WITNESSES = (
    DemoWitness("taoyuan.demo.cn/witness", "桃源镇人民政府"),
    DemoWitness("archive.yunxi.demo.cn/witness", "云溪县档案馆"),
)


def signer_of(witness: DemoWitness) -> notes.Signer:
    """The witness's key, made the first time it is needed and kept under var/."""
    if not witness.key_file.exists():
        FOLDER.mkdir(parents=True, exist_ok=True)
        signer = notes.new_signer(witness.name, notes.COSIGNATURE_V1)
        keys.write_new_key(witness.key_file, signer.text)
    return notes.parse_signer(witness.key_file.read_text(), notes.COSIGNATURE_V1)


def register() -> None:
    """Register the demo witnesses' keys, as an administrator would in the admin."""
    for witness in WITNESSES:
        verifier_key = signer_of(witness).verifier.text
        Witness.objects.update_or_create(
            name=witness.name, defaults={"verifier_key": verifier_key, "operator": witness.operator}
        )


def cosign_all(base_url: str) -> tuple[list[str], bool]:
    """Each witness checks and cosigns each county log's newest checkpoint: what each said, and
    whether any failed."""
    said, failed = [], False
    for log in Log.objects.select_related("county").order_by("origin"):
        log_key = keys.log_verifiers(log.origin)[0]
        for witness in WITNESSES:
            try:
                done = witnessing.witness(
                    log_url=f"{base_url.rstrip('/')}/log/{log.county.code}",
                    log_key=log_key,
                    key=signer_of(witness),
                    state_dir=witness.state_dir,
                    submit=True,
                )
            except LogError as error:
                said.append(f"{witness.operator}: {error.translated()}")
                failed = True
            except witnessing.Fork as fork:
                said.append(f"{witness.operator}: {witnessing.FORK_HEADLINE} {fork.evidence}")
                failed = True
            else:
                said.append(f"{witness.operator}: {done.origin} {done.size}")
    return said, failed
