from django.urls import path

from .views import cadres, cases, flags

app_name = "redflags_staff"
urlpatterns = [
    path("", flags.index, name="index"),
    path("v/<str:code>/", flags.village, name="village"),
    path("case/<int:pk>/", cases.case, name="case"),
    path("case/<int:pk>/<str:step>/", cases.step, name="step"),
    path("cadres/", cadres.index, name="cadres_index"),
    path("cadres/<str:code>/", cadres.register, name="cadres"),
    path("cadre/<int:pk>/", cadres.edit_cadre, name="edit_cadre"),
    path("cadre/<int:pk>/end/", cadres.end_term, name="end_term"),
    path("cadre/<int:pk>/relatives/new/", cadres.add_relative, name="add_relative"),
    path("relative/<int:pk>/", cadres.edit_relative, name="edit_relative"),
]
