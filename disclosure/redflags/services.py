"""Red flags over a set of villages, for the flags pages and the township dashboard."""

from collections import Counter
from collections.abc import Iterable
from datetime import date

from .flags import Flag
from .rules import RULES

__all__ = ["RULES", "Flag", "flag_counts", "flags_for"]


def flags_for(
    village_ids: Iterable[int], today: date, rules: Iterable[str] | None = None
) -> list[Flag]:
    """Every flag of the villages as of `today`, rule by rule in the registry's order."""
    village_ids = list(village_ids)
    if not village_ids:
        return []
    chosen = RULES if rules is None else [code for code in RULES if code in set(rules)]
    return [flag for code in chosen for flag in RULES[code][1](village_ids, today)]


def flag_counts(village_ids: Iterable[int], today: date) -> dict[int, int]:
    """How many flags each village has; zero for a village without any."""
    village_ids = list(village_ids)
    counts = Counter(flag.village_id for flag in flags_for(village_ids, today))
    return {village_id: counts[village_id] for village_id in village_ids}
