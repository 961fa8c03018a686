"""API endpoints of the county logs, inside /api/v1/; their names join the "api" namespace."""

from django.urls import re_path

from . import api

LOG = r"^log/(?P<code>[0-9]{12})/"

urlpatterns = [
    re_path(LOG + r"$", api.LogView.as_view(), name="log"),
    re_path(LOG + r"proof/inclusion/$", api.InclusionView.as_view(), name="log-inclusion"),
    re_path(LOG + r"proof/consistency/$", api.ConsistencyView.as_view(), name="log-consistency"),
]
