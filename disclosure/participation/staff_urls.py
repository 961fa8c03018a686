from django.urls import path

from .views import staff

app_name = "participation_staff"
urlpatterns = [
    path("", staff.index, name="index"),
    path("questions/<int:pk>/", staff.question, name="question"),
    path("questions/<int:pk>/list/", staff.list_question, name="list"),
    path("questions/<int:pk>/reject/", staff.reject, name="reject"),
    path("questions/<int:pk>/answer/", staff.answer, name="answer"),
    path("ratings/", staff.ratings, name="ratings"),
]
