"""Staff pages of the assets app, mounted at /staff/assets/."""

app_name = "assets_staff"
urlpatterns = []
