"""API endpoints of questions and ratings, inside /api/v1/; their names join the "api" namespace."""

from rest_framework import routers

from .api import PeriodRatingViewSet, QuestionViewSet

router = routers.SimpleRouter()
router.register("participation/questions", QuestionViewSet, basename="question")
router.register("participation/ratings", PeriodRatingViewSet, basename="period-rating")

urlpatterns = router.urls
