"""Public pages of the benefits app, mounted at the site root."""

from django.urls import path

from .views import downloads, household

app_name = "benefits"
urlpatterns = [
    path(
        "benefits/<str:code>/<int:number>/recipients.<str:fmt>",
        downloads.download,
        name="download",
    ),
    path("benefits/household/", household.lookup, name="household"),
    path("benefits/household/not-received/", household.not_received, name="not_received"),
]
