"""API endpoints of the assets app, inside /api/v1/; their names join the "api" namespace."""

from rest_framework import routers

from . import api

router = routers.SimpleRouter()
router.register("assets/snapshots", api.SnapshotViewSet, basename="asset-snapshot")
router.register("assets/assets", api.AssetViewSet, basename="asset")
router.register("assets/resources", api.ResourceViewSet, basename="resource")

urlpatterns = router.urls
