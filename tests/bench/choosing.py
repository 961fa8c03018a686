"""Which pages of the generated prefecture the benchmark reads: its busiest and its typical
places, and search words chosen by how many postings they find in this very data."""

import re
from dataclasses import dataclass
from statistics import median_low

# Hit counts the searches aim at: a few, hundreds, thousands.
SEARCH_TARGETS = (("few", 10), ("hundreds", 300), ("thousands", 3000))
# Counting stops here: a word found more often is as common as any search needs.
COUNT_CAP = 10_000
# Enough candidate words to find each target, few enough to count them in seconds.
CANDIDATES = 300
# More notices than any generated village has, in the village the growth check reads.
LARGE_VILLAGE = 2000
# Words the generator never writes: a search that finds nothing.
ABSENT = ("潜艇", "熊猫", "火箭", "冰川")


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    staff: bool = False


@dataclass(frozen=True)
class Growth:
    """Two pages alike but for the size of what they show: the larger's cost over the smaller's."""

    what: str
    larger: str
    smaller: str


def ensure_prefecture(scale: float) -> None:
    """Generate the prefecture when there is none (a fresh clone), its size scaled by `scale`,
    with one village of 2,000 more notices for the growth check."""
    from disclosure.regions.models import Region
    from prefecture.services import PREFIX, Options, generate

    if Region.objects.filter(code__startswith=PREFIX).exists():
        return
    full = Options()
    townships = max(1, round(full.townships * scale))
    options = Options(
        villages=max(townships, round(full.villages * scale)),
        townships=townships,
        entries=max(1, round(full.entries * scale)),
        large_village=LARGE_VILLAGE,
    )
    print(f"generating a prefecture of {options.villages:,} villages …", flush=True)
    generate(options)


def pick_pages() -> tuple[list[Page], list[Growth]]:
    """The pages to measure, and the pairs of them whose ratio tells whether a page grows."""
    from disclosure.decisions.models import Matter
    from disclosure.publishing.models import Posting
    from prefecture.services import PREFIX

    county, largest, smallest = _counties_and_townships(PREFIX)
    busiest, typical = _villages(PREFIX)
    published = Posting.objects.public()
    period = published.filter(village__code=busiest, kind="finance_period").latest(
        "last_published_at"
    )
    notice = published.filter(village__code=busiest, kind="notice").latest("last_published_at")
    matter = Matter.objects.filter(village__code=busiest, result__isnull=False).first() or (
        Matter.objects.filter(village__code__startswith=PREFIX, result__isnull=False).first()
    )
    pages = [
        Page("home", "/"),
        Page("county", f"/r/{county}/"),
        Page("township (largest)", f"/r/{largest}/"),
        *([Page("township (smallest)", f"/r/{smallest}/")] if smallest else []),
        Page("village (busiest)", f"/v/{busiest}/"),
        Page("village (typical)", f"/v/{typical}/"),
        Page("notice", f"/p/{notice.code}/"),
        Page("finance period", f"/p/{period.code}/"),
        Page("matter", f"/v/{matter.village.code}/decisions/{matter.pk}/"),
        Page("contract list", f"/v/{busiest}/contracts/"),
        *_searches(),
        Page("township dashboard", f"/staff/oversight/r/{largest}/", staff=True),
    ]
    searches = [page.name for page in pages if page.name.startswith("search")]
    growth = [
        *(
            [Growth("villages of a township", "township (largest)", "township (smallest)")]
            if smallest
            else []
        ),
        Growth("postings of a village", "village (busiest)", "village (typical)"),
        Growth("hits of a search", searches[-2], searches[0]),
        Growth("a search that finds nothing", searches[-1], searches[0]),
    ]
    return pages, growth


def _counties_and_townships(prefix: str) -> tuple[str, str, str | None]:
    """The first county, the township with most villages, and the one with fewest when the
    two differ in size."""
    from django.db.models import Count

    from disclosure.regions.models import Level, Region

    regions = Region.objects.filter(code__startswith=prefix)
    townships = list(
        regions.filter(level=Level.TOWNSHIP)
        .annotate(villages=Count("children"))
        .order_by("-villages", "code")
        .values_list("code", "villages")
    )
    if not townships:
        raise SystemExit("No generated prefecture here: run `make prefecture` first.")
    county = regions.filter(level=Level.COUNTY).order_by("code").first()
    (largest, most), (smallest, fewest) = townships[0], townships[-1]
    return county.code, largest, smallest if fewest < most else None


def _villages(prefix: str) -> tuple[str, str]:
    """The village with most postings, and one with the median number."""
    from django.db.models import Count

    from disclosure.publishing.models import Posting

    counted = list(
        Posting.objects.public()
        .filter(village__code__startswith=prefix)
        .values("village__code")
        .annotate(n=Count("id"))
        .order_by("-n", "village__code")
        .values_list("village__code", "n")
    )
    middle = median_low(n for _code, n in counted)
    typical = next(code for code, n in counted if n == middle)
    return counted[0][0], typical


def _searches() -> list[Page]:
    """A word for each target number of hits (the nearest this data offers), and one absent."""
    from urllib.parse import quote

    counted = {word: _hits(word) for word in candidate_words()}
    chosen = []
    for label, target in SEARCH_TARGETS:
        word = min(counted, key=lambda w: (abs(counted[w] - target) / target, w))
        chosen.append((label, word, counted.pop(word)))
    absent = next(word for word in ABSENT if _hits(word) == 0)
    chosen.append(("nothing", absent, 0))
    return [
        Page(
            f"search {word} ({label}: {hits:,}{'+' if hits >= COUNT_CAP else ''} hits)",
            f"/search/?q={quote(word)}",
        )
        for label, word, hits in chosen
    ]


def candidate_words() -> list[str]:
    """Two-character words of the generator's vocabulary, a spread sample of them."""
    from prefecture import words

    text = "".join(_strings(vars(words).values()))
    pairs = sorted(
        {
            run[i : i + 2]
            for run in re.findall(r"[\u4e00-\u9fff]+", text)
            for i in range(len(run) - 1)
        }
    )
    step = max(1, len(pairs) // CANDIDATES)
    return pairs[::step]


def _strings(values) -> list[str]:
    found = []
    for value in values:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, tuple):
            found += _strings(value)
        elif hasattr(value, "__dataclass_fields__"):
            found += _strings(vars(value).values())
    return found


def _hits(word: str) -> int:
    """How many postings the search page would list for `word`, counted up to COUNT_CAP."""
    from disclosure.publishing.models import Posting, RevisionState
    from disclosure.publishing.search import matching

    current = Posting.objects.public().filter(current__state=RevisionState.PUBLISHED)
    return len(matching(current, word).order_by().values_list("pk", flat=True)[:COUNT_CAP])
