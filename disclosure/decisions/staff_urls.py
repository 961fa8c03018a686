"""Staff pages of the decisions app, mounted at /staff/decisions/."""

app_name = "decisions_staff"
urlpatterns = []
