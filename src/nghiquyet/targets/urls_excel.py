"""The spreadsheet pages, included from ``targets/urls.py`` into the ``targets`` namespace."""

from django.urls import path

from nghiquyet.targets import views_excel

urlpatterns = [
    path(
        "documents/<int:document_id>/excel/",
        views_excel.targets_excel_export,
        name="excel_export",
    ),
    path(
        "documents/<int:document_id>/excel/import/",
        views_excel.targets_excel_import,
        name="excel_import",
    ),
    path(
        "documents/<int:document_id>/excel/import/jobs/<int:pk>/",
        views_excel.targets_excel_import_job,
        name="excel_import_job",
    ),
]
