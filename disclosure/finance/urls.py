"""Public pages of the finance app, mounted at the site root."""

app_name = "finance"
urlpatterns = []
