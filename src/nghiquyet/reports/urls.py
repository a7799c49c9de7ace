from django.urls import path, re_path

from nghiquyet.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.report_index, name="list"),
    path("sheet.css", views.sheet_stylesheet, name="sheet_css"),
    path("<int:pk>/", views.report_detail, name="detail"),
    re_path(
        r"^(?P<pk>\d+)/file\.(?P<output>docx|pdf|html)$", views.report_download, name="download"
    ),
    path("<int:pk>/generate/", views.report_generate_draft, name="generate"),
    path("<int:pk>/template/", views.report_template_add, name="template"),
    path("<int:pk>/agenda/", views.report_to_agenda, name="agenda"),
    path("jobs/<int:pk>/", views.report_job_status, name="job"),
]
