import base64
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from disclosure.transparency import keys, notes, services
from disclosure.transparency.errors import LogError
from disclosure.transparency.models import Log


class Command(BaseCommand):
    help = (
        "Show each county log's verifier keys and which keys signed its newest checkpoint "
        "(to know when a replaced key may go); with --new-key, make a new signing key."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--new-key", metavar="FILE", type=Path, help="make a signing key in FILE"
        )
        parser.add_argument("--name", help="the new key's name, e.g. cunwu.example.cn-2026")

    def handle(self, *args, new_key=None, name=None, **options):
        if new_key is not None:
            return self._new_key(new_key, name)
        public_keys = [base64.b64encode(signer.public_key).decode() for signer in keys.signers()]
        self.stdout.write(
            _("Signing public keys (current first): %(keys)s") % {"keys": ", ".join(public_keys)}
        )
        for log in Log.objects.select_related("county").order_by("origin"):
            self._show(log)

    def _show(self, log):
        self.stdout.write(f"\n{log.origin} ({log.county.name}, {log.size})")
        for key in services.verifier_keys(log):
            self.stdout.write(f"  {key}")
        newest = services.newest_checkpoint(log)
        if newest is None:
            return
        note = notes.parse_note(newest.note)
        signed = [
            verifier.text
            for verifier in keys.log_verifiers(log.origin, retired=True)
            if notes.known_signatures(note, verifier)
        ]
        self.stdout.write(
            _("  newest checkpoint (%(size)d) signed by: %(keys)s")
            % {"size": newest.size, "keys": ", ".join(signed)}
        )

    def _new_key(self, path: Path, name: str | None):
        if not name:
            raise CommandError(_("--new-key needs --name, a name for the key."))
        try:
            signer = notes.new_signer(name, notes.ED25519)
            keys.write_new_key(path, signer.text)
        except LogError as error:
            raise CommandError(error.translated()) from None
        except FileExistsError:
            raise CommandError(
                _("%(path)s exists already; a key is never overwritten.") % {"path": path}
            ) from None
        self.stdout.write(
            _("Signing key written to %(path)s; its public key: %(key)s")
            % {"path": path, "key": base64.b64encode(signer.public_key).decode()}
        )
