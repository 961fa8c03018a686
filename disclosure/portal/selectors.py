"""What the public pages read. Only published content, through the doors of publishing.models
(`Posting.objects.public()`, `Revision.objects.published()` and their Q objects), never a
hand-written status filter.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Count,
    F,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    When,
)
from django.db.models.expressions import Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.utils import timezone

from disclosure.publishing import kinds, search, synonyms
from disclosure.publishing.catalogue import Section
from disclosure.publishing.models import (
    Attachment,
    Posting,
    Revision,
    revision_is_published,
)
from disclosure.publishing.search import matching
from disclosure.regions.models import LEVEL_ORDER, PREFIX_LENGTH, Level, Region

# Enough to reach the province from a village, so breadcrumbs need no further queries.
WITH_ANCESTORS = "parent__parent__parent__parent"
LATEST_PER_SECTION = 8
# What a line of a listing shows (portal/includes/posting_item.html): loading no more is faster.
LISTED_FIELDS = ["code", "kind", "status", "last_published_at", "current__title", "current__action"]


def get_village(code: str) -> Region:
    """The village with its ancestors linked, read in one query.

    A village's code names its ancestors' codes (its first 2, 4, 6 and 9 digits), so one query
    on the code index reads all five rows; they are then linked by their parent ids. This costs
    a third of the five-table join that select_related builds, whose compiling alone took most
    of the time.
    """
    rows = list(Region.objects.filter(code__in=_codes_above(code)))
    village = next((row for row in rows if row.code == code and row.is_village), None)
    if village is None:
        raise Http404
    by_id = {row.pk: row for row in rows}
    for row in rows:
        if row.parent_id in by_id:
            row.parent = by_id[row.parent_id]
    return village


def _codes_above(code: str) -> list[str]:
    """The code itself and those of the regions that contain it, as codes are built."""
    return [code[:length].ljust(len(code), "0") for length in PREFIX_LENGTH.values()]


@dataclass
class SectionListing:
    section: Section
    postings: list = field(default_factory=list)
    total: int = 0

    @property
    def has_more(self) -> bool:
        return self.total > len(self.postings)


def latest_by_section(village: Region) -> list[SectionListing]:
    """Every catalogue section, each with its newest public postings, in one query.

    The newest of a section are among the newest of each of its kinds: ranking by kind keeps
    the query simple to build, and the sections are merged here.
    """
    newest_first = [F("last_published_at").desc(), F("pk").desc()]
    postings = (
        Posting.objects.public()
        .filter(village=village)
        .annotate(
            rank=Window(RowNumber(), partition_by=[F("kind")], order_by=newest_first),
            of_kind=Window(Count("pk"), partition_by=[F("kind")]),
        )
        .filter(rank__lte=LATEST_PER_SECTION)
        .select_related("current")
        .only(*LISTED_FIELDS)
        .order_by(*newest_first)
    )
    listings = {value: SectionListing(Section(value)) for value in Section.values}
    counted = set()
    for posting in postings:
        listing = listings[kinds.section_of(posting.kind)]
        if len(listing.postings) < LATEST_PER_SECTION:
            listing.postings.append(posting)
        if posting.kind not in counted:
            counted.add(posting.kind)
            listing.total += posting.of_kind
    return list(listings.values())


NEW_SINCE_SHOWN = 5


def new_since(village: Region, day) -> tuple[list[Posting], int]:
    """The village's postings published (or corrected, withdrawn) after the day, newest first:
    the few shown and how many there are. Days are whole: what came later on the day of the
    last visit was most likely seen then."""
    next_day = day + datetime.timedelta(days=1)
    since = datetime.datetime.combine(
        next_day, datetime.time(), tzinfo=timezone.get_current_timezone()
    )
    postings = (
        Posting.objects.public()
        .filter(village=village, last_published_at__gte=since)
        .select_related("current")
        .only(*LISTED_FIELDS)
        .order_by("-last_published_at", "-pk")
    )
    shown = list(postings[:NEW_SINCE_SHOWN])
    total = len(shown) if len(shown) < NEW_SINCE_SHOWN else postings.count()
    return shown, total


def section_postings(village: Region, section: str):
    return (
        Posting.objects.public()
        .filter(village=village, kind__in=kinds.of_section(section))
        .select_related("current")
        .order_by("-last_published_at", "-pk")
    )


def children_with_latest(region: Region):
    """The regions one level below, each with the time of the newest disclosure inside it."""
    below = LEVEL_ORDER.index(region.level) + 1
    # From a village up to the child region through the parents: indexed joins, where matching
    # code prefixes would read every posting of the site.
    village_to_child = "village" + "__parent" * (len(LEVEL_ORDER) - 1 - below)
    latest = (
        Posting.objects.public()
        .filter(**{village_to_child: OuterRef("pk")})
        .order_by("-last_published_at")
        .values("last_published_at")[:1]
    )
    return region.children.annotate(latest=Subquery(latest)).order_by("code")


def home_places() -> tuple[list[Region], list[Region]]:
    """What the home page lists: the top of the region tree, one level of it.

    Where the top is a single place (a county's own site), its places below are listed instead,
    and it is named above them. One level only, whatever the size of the deployment: each
    place's page lists the next (a county's townships, a township's villages), and a village is
    found by name through the search.
    """
    above = []
    places = list(Region.objects.filter(parent=None).order_by("code"))
    while len(places) == 1 and not places[0].is_village:
        above.append(places[0])
        places = list(places[0].children.order_by("code"))
    return above, places


# A place's name is found from its start (清河 finds 清河村), through an index on the name.
PLACES_LIMIT = 20


def places_named(text: str) -> list[Region]:
    """Villages and townships whose name starts with `text`, at most PLACES_LIMIT of them."""
    places = Region.objects.filter(
        level__in=[Level.VILLAGE, Level.TOWNSHIP], name__startswith=text.strip()
    )
    return list(places.select_related("parent").order_by("name", "code")[:PLACES_LIMIT])


def public_posting(code: str) -> Posting:
    postings = Posting.objects.public().select_related(f"village__{WITH_ANCESTORS}", "current")
    found = postings.filter(code=code).first()
    if found is None:
        raise Http404
    return found


# Revision numbers are stored as PostgreSQL integers; a larger one in a URL names nothing.
MAX_REVISION_NUMBER = 2**31 - 1


def published_revision(posting: Posting, number: int) -> Revision:
    """A published revision with its rows and attachments, ready to render."""
    if number > MAX_REVISION_NUMBER:
        raise Http404
    attachments = Attachment.objects.select_related("blob", "thumbnail")
    revision = (
        Revision.objects.published()
        .filter(posting=posting, number=number)
        .prefetch_related(Prefetch("attachments", queryset=attachments), "power_items")
        .first()
    )
    if revision is None:
        raise Http404
    revision.posting = posting
    return revision


def history(posting: Posting) -> list[Revision]:
    revisions = list(Revision.objects.published().filter(posting=posting).order_by("number"))
    for revision in revisions:
        # Each links to its page by the posting's code: no query to read it again.
        revision.posting = posting
    return revisions


# Nobody pages through more results than this; a common word is counted up to it, no further.
SEARCH_LIMIT = 1000


@dataclass
class SearchHits:
    """A search's results as the paginator reads them: counted up to SEARCH_LIMIT, and each
    item the current revision of a matching posting."""

    postings: QuerySet
    found: int

    @property
    def capped(self) -> bool:
        return self.found > SEARCH_LIMIT

    def count(self) -> int:
        return min(self.found, SEARCH_LIMIT)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key: slice) -> list[Revision]:
        revisions = []
        for posting in self.postings[key]:
            posting.current.posting = posting
            posting.current.village = posting.village
            revisions.append(posting.current)
        return revisions


def search_current(text: str, *, first_in: Region | None = None) -> SearchHits:
    """The current published revision of every public posting that matches, newest first, those
    of the village `first_in` (the one whose page the search was typed on) before the rest, and
    then those whose title matches before those that match only in their text or rows.

    A rare word is found through the search index and its few hits sorted; a common one, with
    more hits than anyone pages through, by walking the newest postings until a page is full.
    The query starts from the postings, whose one join to their current revision the planner
    estimates well.
    """
    current = Posting.objects.public().filter(revision_is_published("current"))
    known = synonyms.synonyms()
    hits = matching(current, text, known)
    found = list(hits.order_by().values_list("pk", "current__title")[: SEARCH_LIMIT + 1])
    order = ["-last_published_at", "-pk"]
    if len(found) <= SEARCH_LIMIT:
        hits = Posting.objects.filter(pk__in=[pk for pk, _title in found])
        titled = [pk for pk, title in found if search.in_title(title, text, known)]
        if 0 < len(titled) < len(found):
            hits = hits.alias(titled=Case(When(pk__in=titled, then=1), default=0))
            order.insert(0, "-titled")
    if first_in is not None:
        hits = hits.alias(here=Case(When(village=first_in, then=1), default=0))
        order.insert(0, "-here")
    postings = hits.select_related("current", "village").order_by(*order)
    return SearchHits(postings, len(found))
