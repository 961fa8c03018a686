"""Public pages of questions and ratings, mounted at the site root."""

from django.urls import path

# Registers the converters of our codes these paths use (<code:…>).
from disclosure.web import converters  # noqa: F401

from .views import public

app_name = "participation"
urlpatterns = [
    path("q/receipt/", public.receipt, name="receipt"),
    path("q/track/", public.track, name="track"),
    path("q/<slug:kind>/<code:key>/", public.ask, name="ask"),
    path("rate/<code:code>/", public.rate, name="rate"),
]
