from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from disclosure.regions.services import load_regions


class Command(BaseCommand):
    help = (
        "Load the region tree from a CSV file with the columns code and name (UTF-8 or GB18030). "
        "Levels and parents follow from the 12-digit codes; all rows are loaded or none."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="CSV file: code,name")

    def handle(self, *args, file, **options):
        try:
            result = load_regions(content=file.read_bytes())
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s") % {"file": file, "error": error}
            ) from None
        except ValidationError as error:
            raise CommandError("\n".join([_("Nothing was loaded."), *error.messages])) from None
        self.stdout.write(
            _("Regions loaded: %(created)d new, %(renamed)d renamed, %(unchanged)d unchanged.")
            % vars(result)
        )
