"""Staff pages of reports, at /staff/reports/: the township's readers and handlers only."""

from django.urls import path

from . import staff

app_name = "reports_staff"
urlpatterns = [
    path("", staff.report_list, name="list"),
    path("<int:pk>/", staff.report_detail, name="detail"),
    path("<int:pk>/identity/", staff.identity, name="identity"),
    path("<int:pk>/files/<int:position>/", staff.report_file, name="file"),
    path("<int:pk>/status/", staff.change_status, name="status"),
    path("<int:pk>/notes/", staff.add_note, name="note"),
]
