"""Staff pages of the decisions app, mounted at /staff/decisions/."""

from django.urls import path

from .staff import disclosures, matters, objections, progress, stages

app_name = "decisions_staff"
urlpatterns = [
    path("", matters.matter_list, name="list"),
    path("v/<str:code>/new/", matters.new_matter, name="new"),
    path("<int:pk>/", matters.matter_page, name="matter"),
    path("<int:pk>/edit/", matters.edit_matter, name="edit"),
    path("<int:pk>/files/", matters.add_file, name="add_file"),
    path("<int:pk>/stages/new/", stages.record_stage, name="record_stage"),
    path("<int:pk>/resolution/", disclosures.prepare_resolution, name="prepare_resolution"),
    path("<int:pk>/result/", disclosures.prepare_result, name="prepare_result"),
    path("<int:pk>/progress/", progress.record_progress, name="record_progress"),
    path("<int:pk>/progress/<int:progress_pk>/photos/", progress.add_photo, name="add_photo"),
    path("<int:pk>/progress/<int:progress_pk>/links/", progress.add_link, name="add_link"),
    path("objections/<int:pk>/moderate/", objections.moderate, name="moderate"),
    path("objections/<int:pk>/answer/", objections.answer, name="answer"),
]
