"""Read-only lists for the county's administrators: questions and ratings change only through
the villagers' forms and the workspace, where every step is checked and audited."""

from django.contrib import admin

from disclosure.web.admin import ReadOnlyAdminMixin

from .models import Question, Rating


@admin.register(Question)
class QuestionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["subject_label", "village", "status", "asked_at", "due_on", "answered_at"]
    list_filter = ["status"]
    search_fields = ["subject_label", "text", "village__name"]
    # The phone stays out of the admin's view.
    exclude = ["phone"]


@admin.register(Rating)
class RatingAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["posting", "village", "choice", "rated_at"]
    list_filter = ["choice"]
