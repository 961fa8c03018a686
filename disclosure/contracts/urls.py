"""Public pages of the contracts app, mounted at the site root."""

from django.urls import path

from .views import public

app_name = "contracts"
VILLAGE = "v/<str:code>/contracts/"
urlpatterns = [
    path(VILLAGE, public.overview, name="overview"),
    path(VILLAGE + "contracts.<str:fmt>", public.download, name="download"),
    path(VILLAGE + "ocds.json", public.ocds_package, name="ocds"),
]
