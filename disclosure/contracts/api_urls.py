"""API endpoints of the contracts app, inside /api/v1/; their names join the "api" namespace."""

urlpatterns = []
