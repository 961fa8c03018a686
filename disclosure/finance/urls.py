"""Public pages of the finance app, mounted at the site root.

These paths are printed on paper notice boards beside the postings': never change them.
"""

from django.urls import path

# Registers the converters of our codes these paths use (<code:…>, <sha256:…>).
from disclosure.web import converters  # noqa: F401

from .views import downloads, entries, overview, vouchers

app_name = "finance"
urlpatterns = [
    path("v/<code:code>/finance/", overview.overview, name="overview"),
    path("p/<code:code>/<int:number>/entries/", entries.entries, name="entries"),
    path("p/<code:code>/<int:number>/ledger.csv", downloads.ledger_csv, name="ledger_csv"),
    path("p/<code:code>/<int:number>/ledger.xlsx", downloads.ledger_xlsx, name="ledger_xlsx"),
    path("p/<code:code>/<int:number>/ledger.json", downloads.ledger_json, name="ledger_json"),
    path("fv/<sha256:sha256>/<str:filename>", vouchers.voucher, name="voucher"),
    path("ft/<sha256:sha256>.jpg", vouchers.thumbnail, name="voucher_thumbnail"),
]
