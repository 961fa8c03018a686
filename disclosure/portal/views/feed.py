from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from disclosure.publishing.models import Revision, RevisionAction

from .. import selectors

FEED_LENGTH = 50


class TextAtomFeed(Atom1Feed):
    """Django writes each summary as <summary type="html">, which feed readers render; ours is
    the clerk's plain text, so it goes as type="text" and reaches readers as the words typed."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class VillageFeed(Feed):
    """The newest published revisions of a village, corrections and withdrawals included."""

    feed_type = TextAtomFeed

    def get_object(self, request, code):
        return selectors.get_village(code)

    def title(self, village):
        return _("Village affairs disclosure of %(village)s") % {"village": village.name}

    def subtitle(self, village):
        return _("New postings, corrections and withdrawals.")

    def link(self, village):
        return reverse("portal:village", args=[village.code])

    def items(self, village):
        return (
            Revision.objects.published()
            .filter(village=village)
            .select_related("posting")
            .order_by("-seq")[:FEED_LENGTH]
        )

    def item_title(self, revision):
        if revision.action == RevisionAction.ORIGINAL:
            return revision.title
        return f"{revision.get_action_display()}: {revision.title}"

    def item_description(self, revision):
        parts = [revision.reason, Truncator(revision.body).chars(300)]
        return "\n\n".join(part for part in parts if part)

    def item_link(self, revision):
        return revision.get_absolute_url()

    def item_pubdate(self, revision):
        return revision.published_at

    def item_updateddate(self, revision):
        return revision.published_at

    def item_author_name(self, revision):
        return revision.author_name
