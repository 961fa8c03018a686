from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from disclosure.transparency import keys, notes, witnessing
from disclosure.transparency.errors import LogError

FORK_EXIT_STATUS = 3


class Command(BaseCommand):
    help = (
        "Witness a county log: fetch its checkpoint, check the log's signature and that the log "
        "only grew since the checkpoint seen last, cosign it and (with --submit) push the "
        "cosignature to the portal. A fork is reported with its evidence and exit status 3. "
        "With --new-key, make a witness key instead."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--log", metavar="URL", help="the log, e.g. https://host/log/990101000000"
        )
        parser.add_argument("--log-key", metavar="VERIFIERKEY", help="the log's verifier key")
        parser.add_argument("--key", metavar="FILE", type=Path, help="this witness's private key")
        parser.add_argument(
            "--state", metavar="DIR", type=Path, help="where the last checkpoint is kept"
        )
        parser.add_argument(
            "--submit", action="store_true", help="push the cosignature to the portal"
        )
        parser.add_argument(
            "--new-key", metavar="FILE", type=Path, help="make a witness key in FILE"
        )
        parser.add_argument(
            "--name", help="the new witness key's name, e.g. qingshan.example.cn/witness"
        )

    def handle(self, *args, **options):
        try:
            if options["new_key"]:
                self._new_key(options["new_key"], options["name"])
            else:
                self._witness(options)
        except LogError as error:
            raise CommandError(error.translated()) from None

    def _new_key(self, path: Path, name: str | None):
        if not name:
            raise CommandError(_("--new-key needs --name, the witness's key name."))
        signer = notes.new_signer(name, notes.COSIGNATURE_V1)
        try:
            keys.write_new_key(path, signer.text)
        except FileExistsError:
            raise CommandError(
                _("%(path)s exists already; a key is never overwritten.") % {"path": path}
            ) from None
        self.stdout.write(
            _("Witness key written to %(path)s. Register this verifier key:") % {"path": path}
        )
        self.stdout.write(signer.verifier.text)

    def _witness(self, options):
        missing = [name for name in ("log", "log_key", "key", "state") if not options[name]]
        if missing:
            raise CommandError(
                _("Missing: %(options)s.")
                % {"options": ", ".join("--" + name.replace("_", "-") for name in missing)}
            )
        try:
            key_text = options["key"].read_text()
        except OSError as error:
            raise CommandError(str(error)) from None
        try:
            done = witnessing.witness(
                log_url=options["log"],
                log_key=notes.parse_verifier(options["log_key"], notes.ED25519),
                key=notes.parse_signer(key_text, notes.COSIGNATURE_V1),
                state_dir=options["state"],
                submit=options["submit"],
            )
        except witnessing.Fork as fork:
            self.stderr.write(self._alarm(fork))
            raise CommandError(_("Fork detected."), returncode=FORK_EXIT_STATUS) from None
        self._report(done)

    def _alarm(self, fork) -> str:
        rule = "!" * 72
        return "\n".join(
            [
                rule,
                witnessing.both_languages(witnessing.FORK_HEADLINE),
                witnessing.both_languages(fork.reason, **fork.params),
                witnessing.both_languages(witnessing.EVIDENCE_KEPT, path=str(fork.evidence)),
                rule,
            ]
        )

    def _report(self, done):
        if done.previous_size is None:
            self.stdout.write(
                _("First checkpoint seen of %(origin)s: %(size)d leaves.")
                % {"origin": done.origin, "size": done.size}
            )
        else:
            self.stdout.write(
                _("%(origin)s grew consistently from %(old)d to %(size)d leaves.")
                % {"origin": done.origin, "old": done.previous_size, "size": done.size}
            )
        self.stdout.write(done.cosigned, ending="")
        if done.submitted is not None:
            self.stdout.write(done.submitted)
