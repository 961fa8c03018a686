from django.urls import re_path

from . import views

app_name = "transparency"

LOG = r"^log/(?P<code>[0-9]{12})/"

urlpatterns = [
    re_path(LOG + r"checkpoint$", views.checkpoint, name="checkpoint"),
    re_path(LOG + r"key$", views.key, name="key"),
    re_path(LOG + r"tile/(?P<path>.+)$", views.tile, name="tile"),
    re_path(LOG + r"proof/inclusion$", views.inclusion, name="inclusion"),
    re_path(LOG + r"proof/consistency$", views.consistency, name="consistency"),
    re_path(LOG + r"cosign$", views.cosign, name="cosign"),
]
