"""API endpoints of the contracts app, inside /api/v1/; their names join the "api" namespace."""

from django.urls import path
from rest_framework import routers

from . import api

router = routers.SimpleRouter()
router.register("contracts", api.ContractViewSet, basename="contract")
router.register("projects", api.ProjectViewSet, basename="project")

urlpatterns = [
    path("contracts/ocds/<str:code>/", api.ocds_package, name="contracts-ocds"),
    *router.urls,
]
