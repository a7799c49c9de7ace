from django.urls import include, path

from nghiquyet.targets import import_views, views

app_name = "targets"
urlpatterns = [
    path("", views.document_list, name="document_list"),
    path("documents/<int:document_id>/", views.dashboard, name="dashboard"),
    path("", include("nghiquyet.targets.urls_excel")),
    path(
        "documents/<int:document_id>/from-text/",
        import_views.targets_from_text,
        name="document_from_text",
    ),
    path("from-text/", import_views.targets_from_text, name="from_text"),
    path("<int:pk>/", views.target_detail, name="target_detail"),
    path("<int:pk>/report/", views.actual_create, name="actual_create"),
    path("actuals/<int:pk>/edit/", views.actual_edit, name="actual_edit"),
    path("actuals/<int:pk>/submit/", views.actual_submit, name="actual_submit"),
    path("actuals/<int:pk>/approve/", views.actual_approve, name="actual_approve"),
    path("actuals/<int:pk>/return/", views.actual_return, name="actual_return"),
    path("report/", views.report, name="report"),
    path("review/", views.review, name="review"),
    path("timeliness/", views.timeliness, name="timeliness"),
]
