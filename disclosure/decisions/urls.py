"""Public pages of the decisions app, mounted at the site root."""

app_name = "decisions"
urlpatterns = []
