"""API endpoints of the finance app, inside /api/v1/; their names join the "api" namespace."""

from rest_framework import routers

from . import api

router = routers.SimpleRouter()
router.register("finance/periods", api.PeriodViewSet, basename="finance-period")
router.register("finance/budgets", api.BudgetViewSet, basename="finance-budget")

urlpatterns = router.urls
