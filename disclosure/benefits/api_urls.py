"""API endpoints of the benefits app, inside /api/v1/; their names join the "api" namespace."""

urlpatterns = []
