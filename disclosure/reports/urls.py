"""Public pages of reports (举报), at the site root. Printed on notices: keep the paths."""

from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("jubao/", views.report, name="report"),
    path("jubao/receipt/", views.receipt, name="receipt"),
    path("jubao/track/", views.track, name="track"),
]
