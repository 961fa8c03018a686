"""Villagers' words for what the books call otherwise: 修路 for a road project titled 村道硬化, 低保
for 最低生活保障. Each group is a set of words that mean the same to a reader; a query word found in
a group also finds the postings that use any other word of it.

The groups are data: a national default set (region empty, loaded by a data migration) and each
county's own, edited in the admin; a search uses the defaults and every county's groups, since a
deployment serves one county or a few neighbouring ones that speak alike.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from disclosure.regions.models import Region


class SynonymGroup(models.Model):
    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("county"),
        help_text=_("The county that added it; empty for the national default."),
    )
    words = models.CharField(
        _("words that mean the same"),
        max_length=300,
        help_text=_("Separated by spaces, for example: 修路 道路 村道 硬化 路面"),
    )

    class Meta:
        ordering = ["region_id", "pk"]
        verbose_name = _("group of synonyms")
        verbose_name_plural = _("groups of synonyms")

    def __str__(self):
        return self.words

    @property
    def word_list(self) -> list[str]:
        return [word for word in self.words.replace("，", " ").replace(",", " ").split() if word]


def synonyms() -> dict[str, list[str]]:
    """Each word of every group, with all the words it stands for (itself first)."""
    found: dict[str, list[str]] = {}
    for group in SynonymGroup.objects.all():
        words = group.word_list
        for word in words:
            alternatives = found.setdefault(word, [word])
            alternatives += [other for other in words if other not in alternatives]
    return found


def parts(text: str, known: dict[str, list[str]]) -> list[list[str]]:
    """The query cut into parts, each a list of alternatives: a known word (the longest that
    starts at each place) with its synonyms, and the text between known words as it is."""
    cut, plain, at = [], "", 0
    longest_first = sorted(known, key=len, reverse=True)
    while at < len(text):
        word = next((w for w in longest_first if text.startswith(w, at)), None)
        if word is None:
            plain += text[at]
            at += 1
            continue
        if plain.strip():
            cut.append([plain])
        plain = ""
        cut.append(known[word])
        at += len(word)
    if plain.strip():
        cut.append([plain])
    return cut
