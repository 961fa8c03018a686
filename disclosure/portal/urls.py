from django.urls import path, register_converter

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


class Sha256Converter:
    regex = "[0-9a-f]{64}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class CodeConverter:
    """Region codes and posting codes: letters and digits only, short."""

    regex = "[0-9A-Za-z]{1,12}"

    def to_python(self, value):
        return value.upper()

    def to_url(self, value):
        return value


register_converter(Sha256Converter, "sha256")
register_converter(CodeConverter, "code")

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
