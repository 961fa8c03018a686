"""API endpoints of the decisions app, inside /api/v1/; their names join the "api" namespace."""

urlpatterns = []
