"""Read-only admin views of major matters, for administrators.

Discussions are judged by the rules and objections moderated through the services, which check
permissions and write the audit log; here nothing can be added, changed or deleted.
"""

from django.contrib import admin

from disclosure.web.admin import ReadOnlyAdminMixin

from .models import Matter, Objection, ProgressUpdate, Stage


class StageInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Stage
    fields = [
        "number",
        "attempt",
        "body",
        "held_on",
        "eligible",
        "present",
        "votes_for",
        "votes_against",
        "abstentions",
        "passed",
    ]
    extra = 0


class ProgressInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = ProgressUpdate
    fields = ["on", "percent", "spent", "description"]
    extra = 0


@admin.register(Matter)
class MatterAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["title", "village", "category", "amount", "created_at"]
    list_filter = ["category"]
    list_select_related = ["village"]
    search_fields = ["title", "village__name", "village__code"]
    inlines = [StageInline, ProgressInline]


@admin.register(Objection)
class ObjectionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["matter", "village", "status", "lodged_at", "answered_at"]
    list_filter = ["status"]
    list_select_related = ["matter", "village"]
    search_fields = ["matter__title", "village__name"]
