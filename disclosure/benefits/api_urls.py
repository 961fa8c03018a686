"""API endpoints of the benefits app, inside /api/v1/; their names join the "api" namespace."""

from rest_framework import routers

from .api import BenefitListViewSet

router = routers.SimpleRouter()
router.register("benefits/lists", BenefitListViewSet, basename="benefit-list")

urlpatterns = router.urls
