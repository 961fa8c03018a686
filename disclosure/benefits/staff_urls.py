"""Staff pages of the benefits app, mounted at /staff/benefits/."""

app_name = "benefits_staff"
urlpatterns = []
