"""Public pages of questions and ratings, mounted at the site root."""

from django.urls import path

# The portal's URLs register the "code" converter these paths use.
from disclosure.portal import urls as _portal_urls  # noqa: F401

from .views import public

app_name = "participation"
urlpatterns = [
    path("q/<slug:kind>/<code:key>/", public.ask, name="ask"),
    path("rate/<code:code>/", public.rate, name="rate"),
]
