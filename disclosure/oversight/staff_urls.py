"""Township oversight pages, mounted at /staff/oversight/."""

from django.urls import path

from .views import dashboard, export, orders

app_name = "oversight_staff"
urlpatterns = [
    path("", dashboard.index, name="index"),
    path("r/<str:code>/", dashboard.region, name="region"),
    path("r/<str:code>/export.xlsx", export.region_xlsx, name="export"),
    path("v/<str:code>/", dashboard.village, name="village"),
    path("p/<str:code>/order/", orders.order, name="order"),
    path("orders/", orders.order_list, name="orders"),
]
