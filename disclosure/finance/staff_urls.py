"""Staff pages of the finance app, mounted at /staff/finance/."""

from django.urls import path

from .staff import budgets, village, vouchers, wizard

app_name = "finance_staff"
urlpatterns = [
    path("v/<str:code>/", village.village, name="village"),
    path("v/<str:code>/settings/", village.settings, name="settings"),
    path("v/<str:code>/import/", village.new_import, name="new_import"),
    path("v/<str:code>/template.<str:format>", village.template, name="template"),
    path("v/<str:code>/budget/<int:year>/", budgets.budget, name="budget"),
    path("imports/<uuid:pk>/", wizard.wizard, name="import"),
    path("imports/<uuid:pk>/sheet/", wizard.choose_sheet, name="choose_sheet"),
    path("imports/<uuid:pk>/check/", wizard.check, name="check"),
    path("imports/<uuid:pk>/commit/", wizard.commit, name="commit"),
    path("revisions/<int:pk>/entries/", vouchers.entries, name="entries"),
    path(
        "revisions/<int:pk>/entries/<int:entry_pk>/vouchers/",
        vouchers.upload,
        name="upload_voucher",
    ),
    path("revisions/<int:pk>/vouchers/", vouchers.upload_many, name="upload_vouchers"),
]
