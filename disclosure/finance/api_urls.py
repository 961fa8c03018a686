"""API endpoints of the finance app, inside /api/v1/; their names join the "api" namespace."""

urlpatterns = []
