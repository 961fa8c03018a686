"""What a villager may ask about, found from the address of its question page.

Three kinds of subject: a public posting (which covers contracts, projects and finance periods),
a ledger entry of a published period revision, and a public major matter. Anything a villager
cannot read on the portal is not found here either.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from disclosure.decisions.selectors import public_matters
from disclosure.finance.models import LedgerEntry
from disclosure.finance.money import format_money
from disclosure.finance.views.entries import ENTRIES_PER_PAGE
from disclosure.publishing.masking import mask_text
from disclosure.publishing.models import (
    Posting,
    PostingStatus,
    posting_is_public,
    revision_is_published,
)

POSTING, ENTRY, MATTER = "p", "e", "m"
KINDS = (POSTING, ENTRY, MATTER)
LABEL_MAX = 200


@dataclass(frozen=True)
class Subject:
    kind: str
    key: str
    obj: object
    village: object
    posting: Posting | None
    label: str
    url: str

    @property
    def content_type(self) -> ContentType:
        return ContentType.objects.get_for_model(self.obj)

    @property
    def page_url(self) -> str:
        return reverse("participation:ask", args=[self.kind, self.key])


def _posting(code: str) -> Subject:
    posting = (
        Posting.objects.public()
        .select_related("village", "current")
        .filter(code=code.upper(), current__isnull=False)
        .first()
    )
    if posting is None:
        raise Http404
    label = f"{posting.kind_label} · {posting.current.title}"
    return Subject(
        POSTING, posting.code, posting, posting.village, posting, label, posting.get_absolute_url()
    )


def entry_label(entry: LedgerEntry) -> str:
    """凭证 记-015 · 购买水泥 · 支出 ¥12,000.00: enough to find the entry on paper too."""
    if entry.expenditure:
        money = _("out %(amount)s") % {"amount": format_money(entry.expenditure)}
    else:
        money = _("in %(amount)s") % {"amount": format_money(entry.income)}
    voucher = _("Voucher %(number)s") % {"number": entry.voucher_no}
    return f"{voucher} · {mask_text(entry.summary)} · {money}"


def _entry(key: str) -> Subject:
    entry = (
        LedgerEntry.objects.select_related("revision__posting__village")
        .filter(
            revision_is_published("revision"),
            posting_is_public("revision__posting"),
            pk=int(key),
        )
        .first()
    )
    if entry is None:
        raise Http404
    revision = entry.revision
    posting = revision.posting
    page = (entry.line - 1) // ENTRIES_PER_PAGE + 1
    url = reverse("finance:entries", args=[posting.code, revision.number])
    url = f"{url}?page={page}#line-{entry.line}"
    return Subject(ENTRY, str(entry.pk), entry, posting.village, posting, entry_label(entry), url)


def _matter(key: str) -> Subject:
    matter = public_matters().filter(pk=int(key)).first()
    if matter is None:
        raise Http404
    resolution = matter.resolution
    shown_on = resolution if resolution and resolution.status != PostingStatus.UNPUBLISHED else None
    label = f"{_('Major matter')} · {matter.title}"
    url = reverse("decisions:matter", args=[matter.village.code, matter.pk])
    return Subject(MATTER, str(matter.pk), matter, matter.village, shown_on, label, url)


def find(kind: str, key: str) -> Subject:
    """The subject a question page is about, or 404 when villagers cannot see it."""
    if kind == POSTING:
        subject = _posting(key)
    elif kind in (ENTRY, MATTER) and key.isdigit() and len(key) <= 12:
        subject = _entry(key) if kind == ENTRY else _matter(key)
    else:
        raise Http404
    return subject
