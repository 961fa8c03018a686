from django.urls import path

from .views import attachments, audit, auth, home, postings, revisions, steps

app_name = "workspace"
urlpatterns = [
    path("", home.home, name="home"),
    path("login/", auth.login, name="login"),
    path("logout/", auth.logout, name="logout"),
    path("v/<str:code>/new/<str:kind>/", postings.new_posting, name="new"),
    path("revisions/<int:pk>/", revisions.revision, name="revision"),
    path("revisions/<int:pk>/preview/", revisions.preview, name="preview"),
    path("revisions/<int:pk>/attachments/", attachments.upload, name="upload"),
    path(
        "revisions/<int:pk>/attachments/<int:attachment_pk>/remove/",
        attachments.remove,
        name="remove_attachment",
    ),
    path("revisions/<int:pk>/submit/", steps.submit, name="submit"),
    path("revisions/<int:pk>/sign-off/", steps.sign_off, name="sign_off"),
    path("revisions/<int:pk>/return/", steps.return_for_changes, name="return"),
    path("revisions/<int:pk>/publish/", steps.publish, name="publish"),
    path("revisions/<int:pk>/discard/", steps.discard, name="discard"),
    path("postings/<str:code>/correct/", postings.correct, name="correct"),
    path("postings/<str:code>/withdraw/", postings.withdraw, name="withdraw"),
    path("audit/", audit.audit_log, name="audit"),
]
