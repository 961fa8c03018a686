"""Staff pages of the finance app, mounted at /staff/finance/."""

app_name = "finance_staff"
urlpatterns = []
