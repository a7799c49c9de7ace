from django.urls import path

from nghiquyet.tasks import views

app_name = "tasks"
urlpatterns = [
    path("", views.task_list, name="list"),
    path("new/", views.task_new, name="new"),
    path("export.xlsx", views.task_export, name="export"),
    path("import/", views.plan_import, name="import"),
    path("<int:pk>/", views.task_detail, name="detail"),
    path("<int:pk>/progress/", views.task_progress, name="progress"),
    path("<int:pk>/requests/", views.task_request, name="request"),
    path("<int:pk>/checks/", views.task_check, name="check"),
    path("<int:pk>/deadline/", views.task_deadline, name="deadline"),
    path("requests/", views.request_list, name="requests"),
    path("requests/<int:pk>/answer/", views.request_answer, name="answer"),
    path("four-failures/", views.four_failures, name="four_failures"),
    path("four-failures/<int:agency_pk>/", views.four_failures_agency, name="four_failures_agency"),
]
