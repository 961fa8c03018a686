"""API endpoints of the decisions app, inside /api/v1/; their names join the "api" namespace."""

from rest_framework import routers

from .api import MatterViewSet, StageViewSet

router = routers.SimpleRouter()
router.register("decisions/matters", MatterViewSet, basename="decision-matter")
router.register("decisions/stages", StageViewSet, basename="decision-stage")

urlpatterns = router.urls
