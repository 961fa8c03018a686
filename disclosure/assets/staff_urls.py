"""Staff pages of the assets app, mounted at /staff/assets/."""

from django.urls import path

from .views import staff_import, staff_items, staff_register

app_name = "assets_staff"
urlpatterns = [
    path("", staff_register.index, name="index"),
    path("v/<str:code>/", staff_register.register, name="register"),
    path("v/<str:code>/snapshot/", staff_register.take_snapshot, name="snapshot"),
    path("v/<str:code>/import/", staff_import.upload, name="import"),
    path("v/<str:code>/import/confirm/", staff_import.confirm, name="import_confirm"),
    path("v/<str:code>/asset/new/", staff_items.new_item, {"register": "asset"}, name="new_asset"),
    path(
        "v/<str:code>/resource/new/",
        staff_items.new_item,
        {"register": "resource"},
        name="new_resource",
    ),
    path("asset/<int:pk>/", staff_items.item, {"register": "asset"}, name="asset"),
    path("resource/<int:pk>/", staff_items.item, {"register": "resource"}, name="resource"),
    path("asset/<int:pk>/dispose/", staff_items.dispose, name="dispose"),
    path(
        "asset/<int:pk>/photos/", staff_items.add_photo, {"register": "asset"}, name="asset_photo"
    ),
    path(
        "resource/<int:pk>/photos/",
        staff_items.add_photo,
        {"register": "resource"},
        name="resource_photo",
    ),
    path("photos/<int:pk>/remove/", staff_items.remove_photo, name="remove_photo"),
    path("revisions/<int:pk>/refresh/", staff_register.refresh_snapshot, name="refresh"),
]
