"""Public pages of the assets app, mounted at the site root."""

from django.urls import path

from .views import public

app_name = "assets"
# Printed on paper like the portal's own addresses: never change them.
urlpatterns = [
    path("v/<str:code>/assets/", public.register, name="register"),
    path(
        "v/<str:code>/assets/assets.csv",
        public.download_csv,
        {"register": "assets"},
        name="assets_csv",
    ),
    path(
        "v/<str:code>/assets/resources.csv",
        public.download_csv,
        {"register": "resources"},
        name="resources_csv",
    ),
    path("v/<str:code>/assets/register.xlsx", public.download_xlsx, name="xlsx"),
    path("v/<str:code>/assets/register.json", public.download_json, name="json"),
]
