"""Public pages of the benefits app, mounted at the site root."""

app_name = "benefits"
urlpatterns = []
