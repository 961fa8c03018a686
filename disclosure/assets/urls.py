"""Public pages of the assets app, mounted at the site root."""

app_name = "assets"
urlpatterns = []
