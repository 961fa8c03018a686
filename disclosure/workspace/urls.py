from django.urls import path

# Registers the converters of our codes these paths use (<division_code:…>, <code:…>).
from disclosure.web import converters  # noqa: F401

from .views import account, attachments, audit, auth, home, postings, revisions, steps

app_name = "workspace"
urlpatterns = [
    path("", home.home, name="home"),
    path("login/", auth.login, name="login"),
    path("logout/", auth.logout, name="logout"),
    path("login/code/", account.verify, name="verify"),
    path("account/", account.account, name="account"),
    path("account/second-factor/", account.enrol, name="enrol"),
    path("account/recovery-codes/", account.recovery_codes, name="recovery_codes"),
    path("account/recovery-codes/new/", account.new_recovery_codes, name="new_recovery_codes"),
    path("account/password/", account.password, name="password"),
    path("v/<division_code:code>/new/<slug:kind>/", postings.new_posting, name="new"),
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
    path("postings/<code:code>/correct/", postings.correct, name="correct"),
    path("postings/<code:code>/withdraw/", postings.withdraw, name="withdraw"),
    path("audit/", audit.audit_log, name="audit"),
]
