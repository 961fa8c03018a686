from django.core.management.base import BaseCommand

from disclosure.publishing.services import rebuild_search_index


class Command(BaseCommand):
    help = "Index every published revision again for search (after the indexing rules change)."

    def handle(self, *args, **options):
        count = rebuild_search_index()
        self.stdout.write(f"{count} published revisions indexed")
