from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework import routers

from disclosure.web.api import PublicReadOnly

from . import views

app_name = "api"

router = routers.DefaultRouter()
router.APIRootView = views.PublicRootView
router.register("regions", views.RegionViewSet, basename="region")
router.register("villages", views.VillageViewSet, basename="village")
router.register("postings", views.PostingViewSet, basename="posting")
router.register("revisions", views.RevisionViewSet, basename="revision")

public = {"authentication_classes": [], "permission_classes": [PublicReadOnly]}

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(**public), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema", **public), name="docs"),
    path("", include("disclosure.finance.api_urls")),
    path("", include("disclosure.benefits.api_urls")),
    path("", include("disclosure.decisions.api_urls")),
    path("", include("disclosure.assets.api_urls")),
    path("", include("disclosure.contracts.api_urls")),
    path("", include("disclosure.participation.api_urls")),
    path("", include("disclosure.transparency.api_urls")),
    *router.urls,
]
