"""Search in Chinese without a word segmenter: overlapping character bigrams in a tsvector.

Chinese runs are indexed as overlapping pairs of characters (修路工程 → 修路 路工 工程), as CJK
analysers do; other text is indexed as lower-case words. A query is turned into the same terms,
all of which must be present, so 修路 finds 村道修路工程招标公告.

The vector and the query are built from ready-made lexemes (array_to_tsvector, a tsquery literal)
so that PostgreSQL's own parser, whose handling of Chinese depends on the server's locale,
never sees the text.
"""

import re
import unicodedata

from django.contrib.postgres.search import SearchVectorField
from django.db.models import BooleanField, Func, QuerySet, Value
from django.db.models.expressions import RawSQL

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]+|[0-9a-z]+")
_IS_CJK = re.compile(rf"[{_CJK}]")


def terms(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).lower()
    found = []
    for token in _TOKEN.findall(text):
        if _IS_CJK.match(token) and len(token) > 1:
            found.extend(token[i : i + 2] for i in range(len(token) - 1))
        else:
            found.append(token)
    return found


def document_vector(*texts: str) -> Func:
    words = sorted({word for text in texts for word in terms(text)})
    return Func(Value(words), function="array_to_tsvector", output_field=SearchVectorField())


def tsquery(text: str) -> str | None:
    """All the terms must match; a single character matches any bigram it starts."""
    words = list(dict.fromkeys(terms(text)))
    if not words:
        return None
    parts = []
    for word in words:
        # Terms hold only letters, digits and CJK characters: nothing to escape.
        parts.append(f"'{word}':*" if len(word) == 1 else f"'{word}'")
    return " & ".join(parts)


def matching(queryset: QuerySet, text: str) -> QuerySet:
    query = tsquery(text)
    if query is None:
        return queryset.none()
    hit = RawSQL(
        '"publishing_revision"."search_vector" @@ %s::tsquery', [query], output_field=BooleanField()
    )
    return queryset.alias(search_hit=hit).filter(search_hit=True)
