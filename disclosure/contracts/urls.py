"""Public pages of the contracts app, mounted at the site root."""

app_name = "contracts"
urlpatterns = []
