"""Public pages of the decisions app, mounted at the site root. Printed on paper: keep them."""

from django.urls import path

from .views import files, pages

app_name = "decisions"
urlpatterns = [
    path("v/<str:code>/decisions/", pages.matters, name="matters"),
    path("v/<str:code>/decisions/<int:pk>/", pages.matter, name="matter"),
    path("v/<str:code>/decisions/<int:pk>/objections/", pages.object_to, name="object"),
    path("decisions/photos/<str:sha256>/<str:filename>", files.photo, name="photo"),
    path("decisions/thumbnails/<str:sha256>.jpg", files.thumbnail, name="thumbnail"),
]
