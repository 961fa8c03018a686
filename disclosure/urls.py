from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    # One way in for every staff member, with its throttle and second factor: the admin's own
    # login page would take passwords without either.
    path("admin/login/", RedirectView.as_view(pattern_name="workspace:login", query_string=True)),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("disclosure.api.urls")),
    path("staff/finance/", include("disclosure.finance.staff_urls")),
    path("staff/benefits/", include("disclosure.benefits.staff_urls")),
    path("staff/decisions/", include("disclosure.decisions.staff_urls")),
    path("staff/assets/", include("disclosure.assets.staff_urls")),
    path("staff/contracts/", include("disclosure.contracts.staff_urls")),
    path("staff/participation/", include("disclosure.participation.staff_urls")),
    path("staff/reports/", include("disclosure.reports.staff_urls")),
    path("staff/flags/", include("disclosure.redflags.staff_urls")),
    path("staff/oversight/", include("disclosure.oversight.staff_urls")),
    path("staff/", include("disclosure.workspace.urls")),
    path("", include("disclosure.finance.urls")),
    path("", include("disclosure.benefits.urls")),
    path("", include("disclosure.decisions.urls")),
    path("", include("disclosure.assets.urls")),
    path("", include("disclosure.contracts.urls")),
    path("", include("disclosure.participation.urls")),
    path("", include("disclosure.reports.urls")),
    path("", include("disclosure.transparency.urls")),
    path("", include("disclosure.portal.urls")),
]

handler400 = "disclosure.portal.views.errors.bad_request"
handler403 = "disclosure.portal.views.errors.permission_denied"
handler404 = "disclosure.portal.views.errors.page_not_found"
handler500 = "disclosure.portal.views.errors.server_error"
