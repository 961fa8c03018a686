"""Read-only admin views of postings, revisions and the audit log, for administrators.

Publishing happens in the workspace through the services, which check permissions, sign-off and
the chain; here nothing can be added, changed or deleted.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from disclosure.regions.admin import CountsPublicChanges
from disclosure.web.admin import ReadOnlyAdminMixin

from .models import (
    Attachment,
    AuditEntry,
    Posting,
    PowerItem,
    ReviewEvent,
    Revision,
    SynonymGroup,
)


class RevisionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Revision
    fields = ["number", "action", "state", "title", "published_at", "seq", "digest"]
    show_change_link = True
    extra = 0


@admin.register(Posting)
class PostingAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["code", "__str__", "village", "kind", "status", "last_published_at"]
    list_filter = ["status", "kind"]
    list_select_related = ["village", "current"]
    search_fields = ["code", "revisions__title", "village__name", "village__code"]
    inlines = [RevisionInline]


class PowerItemInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = PowerItem
    fields = ["position", "name", "steps", "documents", "time_limit", "fee", "responsible"]
    extra = 0


class AttachmentInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Attachment
    fields = ["position", "filename", "blob"]
    extra = 0


class ReviewEventInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = ReviewEvent
    fields = readonly_fields = ["at", "step", "by", "note"]
    extra = 0


@admin.register(Revision)
class RevisionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["title", "posting_code", "number", "village", "action", "state", "seq"]
    list_filter = ["state", "action"]
    list_select_related = ["posting", "village"]
    search_fields = ["title", "posting__code", "digest", "village__name", "village__code"]
    exclude = ["search_vector"]
    inlines = [PowerItemInline, AttachmentInline, ReviewEventInline]

    @admin.display(description=_("posting"), ordering="posting__code")
    def posting_code(self, revision):
        return revision.posting.code


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["at", "username", "action", "village", "target", "address"]
    list_filter = ["action"]
    list_select_related = ["village"]
    search_fields = ["username", "action", "target", "village__name", "address"]
    date_hierarchy = "at"


@admin.register(SynonymGroup)
class SynonymGroupAdmin(CountsPublicChanges, admin.ModelAdmin):
    """Villagers' words for what the books call otherwise, which search treats as one: a county
    adds its own groups here; each change shows in searches at once."""

    list_display = ["words", "region"]
    search_fields = ["words", "region__name"]
    autocomplete_fields = ["region"]
