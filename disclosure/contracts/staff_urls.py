"""Staff pages of the contracts app, mounted at /staff/contracts/."""

app_name = "contracts_staff"
urlpatterns = []
