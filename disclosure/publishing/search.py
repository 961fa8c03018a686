"""Search in Chinese without a word segmenter: overlapping character bigrams in a tsvector.

Chinese runs are indexed as overlapping pairs of characters (修路工程 → 修路 路工 工程), as CJK
analysers do, plus the run's last character (程); other text is indexed as lower-case words. A
query is turned into pairs and words the same way, all of which must be present, so 修路 finds
村道修路工程招标公告; a single character matches the terms it starts.

The vector and the query are built from ready-made lexemes (array_to_tsvector, a tsquery literal)
so that PostgreSQL's own parser, whose handling of Chinese depends on the server's locale,
never sees the text.
"""

import functools
import re
import unicodedata
from collections.abc import Iterable

from django.contrib.postgres.search import SearchVectorField
from django.db.models import BooleanField, Func, QuerySet, Value
from django.db.models.expressions import RawSQL

from . import synonyms

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]+|[0-9a-z]+")
_IS_CJK = re.compile(rf"[{_CJK}]")


def terms(text: str) -> list[str]:
    """The terms a query looks for: pairs of Chinese characters, single ones, other words."""
    found = []
    for token in _tokens(text):
        if _IS_CJK.match(token) and len(token) > 1:
            found.extend(token[i : i + 2] for i in range(len(token) - 1))
        else:
            found.append(token)
    return found


def document_terms(text: str) -> list[str]:
    """The terms a document is indexed by: those of `terms`, and the last character of each
    Chinese run, which starts no pair, so that a one-character query finds every character."""
    ends = [token[-1] for token in _tokens(text) if _IS_CJK.match(token) and len(token) > 1]
    return terms(text) + ends


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).lower())


# A tsvector holds at most 1 MB. A big village's finance period lists thousands of entries:
# their amounts, dates and voucher numbers are not what villagers search for, so rows add only
# their words and Chinese pairs, and at most this many terms in all.
MAX_TERMS = 30_000


@functools.lru_cache(maxsize=100_000)
def _row_terms(value: str) -> frozenset[str]:
    return frozenset(term for term in document_terms(value) if not term.isdigit())


def revision_terms(title: str, body: str, row_values: Iterable[str]) -> list[str]:
    """The sorted terms a revision is indexed by: all of its title and text, then its rows'.

    Past MAX_TERMS the rows' terms are taken in sorted order, whatever order the rows come in.
    """
    head = set(document_terms(title)) | set(document_terms(body))
    rows = set().union(*map(_row_terms, set(row_values))) - head
    room = max(MAX_TERMS - len(head), 0)
    return sorted(head | set(sorted(rows)[:room]))


def document_vector(words: list[str]) -> Func:
    return Func(Value(words), function="array_to_tsvector", output_field=SearchVectorField())


def _conjunction(text: str) -> str | None:
    """All the terms of the text must match; a single character matches any bigram it starts."""
    words = list(dict.fromkeys(terms(text)))
    if not words:
        return None
    # Terms hold only letters, digits and CJK characters: nothing to escape.
    return " & ".join(f"'{word}':*" if len(word) == 1 else f"'{word}'" for word in words)


def tsquery(text: str, known: dict[str, list[str]] | None = None) -> str | None:
    """Every part of the query must match; a part that is a known word matches when any of its
    synonyms (synonyms.py) does."""
    clauses = []
    for alternatives in synonyms.parts(text, known or {}):
        options = [f"({found})" for found in map(_conjunction, alternatives) if found]
        if options:
            clauses.append(options[0] if len(options) == 1 else f"({' | '.join(options)})")
    return " & ".join(clauses) or None


def matching(queryset: QuerySet, text: str, known: dict[str, list[str]] | None = None) -> QuerySet:
    """The rows whose revision matches the query; `known` are the synonyms, read when not given."""
    query = tsquery(text, synonyms.synonyms() if known is None else known)
    if query is None:
        return queryset.none()
    hit = RawSQL(
        '"publishing_revision"."search_vector" @@ %s::tsquery', [query], output_field=BooleanField()
    )
    return queryset.alias(search_hit=hit).filter(search_hit=True)


def in_title(title: str, text: str, known: dict[str, list[str]]) -> bool:
    """Whether the title alone matches the query as the index does: the hits a villager most
    likely meant (修路 finds the road's tender notice before registers that list a road)."""
    have = set(document_terms(title))

    def found(alternative: str) -> bool:
        words = terms(alternative)
        return bool(words) and all(
            word in have if len(word) > 1 else any(term.startswith(word) for term in have)
            for word in words
        )

    return all(any(map(found, alternatives)) for alternatives in synonyms.parts(text, known))
