from csp.decorators import csp_update
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
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
# The docs page loads its start-up script as a file of its own, so that it runs under the
# portal's policy; Swagger UI's stylesheet draws its icons from data: images.
docs = csp_update({"img-src": "data:"})(
    SpectacularSwaggerSplitView.as_view(
        url_name="api:schema", template_name="api/docs.html", **public
    )
)

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(**public), name="schema"),
    path("docs/", docs, name="docs"),
    path("", include("disclosure.finance.api_urls")),
    path("", include("disclosure.benefits.api_urls")),
    path("", include("disclosure.decisions.api_urls")),
    path("", include("disclosure.assets.api_urls")),
    path("", include("disclosure.contracts.api_urls")),
    path("", include("disclosure.participation.api_urls")),
    path("", include("disclosure.transparency.api_urls")),
    *router.urls,
]
