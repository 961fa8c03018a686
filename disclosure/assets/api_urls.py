"""API endpoints of the assets app, inside /api/v1/; their names join the "api" namespace."""

urlpatterns = []
