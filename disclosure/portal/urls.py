from django.urls import path

# Registers the converters of our codes these paths use (<code:…>, <sha256:…>).
from disclosure.web import converters  # noqa: F401

from .views import (
    attachments,
    feed,
    health,
    home,
    postings,
    preferences,
    search,
    verification,
    village,
)

app_name = "portal"
# These paths are printed on paper notice boards: never change them.
urlpatterns = [
    path("", home.home, name="home"),
    path("r/<code:code>/", home.region, name="region"),
    path("v/<code:code>/", village.village, name="village"),
    path("v/<code:code>/s/<slug:section>/", village.section, name="section"),
    path("v/<code:code>/chain.json", village.chain_json, name="chain"),
    path("v/<code:code>/feed.atom", feed.VillageFeed(), name="feed"),
    path("p/<code:code>/", postings.posting, name="posting"),
    path("p/<code:code>/<int:number>/", postings.revision, name="revision"),
    path("p/<code:code>/print/", postings.print_view, name="print"),
    path("p/<code:code>/verify/", verification.verify, name="verify"),
    path("p/<code:code>/<int:number>/verify/", verification.verify, name="verify_revision"),
    path("p/<code:code>/proof.json", verification.proof_json, name="current_proof"),
    path("p/<code:code>/<int:number>/proof.json", verification.proof_json, name="proof"),
    path("a/<sha256:sha256>/<str:filename>", attachments.attachment, name="attachment"),
    path("t/<sha256:sha256>.jpg", attachments.thumbnail, name="thumbnail"),
    path("search/", search.search, name="search"),
    path("language/<str:language>/", preferences.language, name="language"),
    path("text-size/<str:size>/", preferences.text_size, name="text_size"),
    path("healthz", health.health, name="health"),
]
