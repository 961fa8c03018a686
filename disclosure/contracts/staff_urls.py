"""Staff pages of the contracts app, mounted at /staff/contracts/."""

from django.urls import path

from .views import payments, staff, stages

app_name = "contracts_staff"
urlpatterns = [
    path("", staff.index, name="index"),
    path("v/<str:code>/", staff.village, name="village"),
    path("v/<str:code>/new/", staff.new_contract, name="new"),
    path("revisions/<int:pk>/terms/", staff.edit_terms, name="terms"),
    path("p/<str:code>/payments/", payments.payments, name="payments"),
    path("payments/<int:pk>/reverse/", payments.reverse, name="reverse"),
    path("v/<str:code>/new-project/", stages.new_project, name="new_project"),
    path("p/<str:code>/stage/", stages.add_stage, name="stage"),
]
