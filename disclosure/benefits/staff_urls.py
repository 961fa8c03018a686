"""Staff pages of the benefits app, mounted at /staff/benefits/."""

from django.urls import path

from .views import disbursements, staff

app_name = "benefits_staff"
urlpatterns = [
    path("", staff.home, name="home"),
    path("v/<str:code>/import/", staff.new_list, name="new"),
    path("revisions/<int:pk>/", staff.revision, name="revision"),
    path("revisions/<int:pk>/import/", staff.reimport, name="reimport"),
    path("revisions/<int:pk>/slips/", staff.slips, name="slips"),
    path("disbursements/", disbursements.index, name="disbursements"),
    path("disbursements/t/<str:code>/import/", disbursements.new, name="disbursement_new"),
    path("disbursements/<int:pk>/", disbursements.detail, name="disbursement"),
    path("deaths/t/<str:code>/import/", disbursements.deaths, name="deaths_new"),
]
