from django.urls import path

from nghiquyet.documents import views

app_name = "documents"
urlpatterns = [
    path("", views.document_list, name="list"),
    path("export.xlsx", views.document_export, name="export"),
    path("new/", views.document_create, name="create"),
    path("deleted/", views.document_deleted_list, name="deleted"),
    path("<int:pk>/", views.document_detail, name="detail"),
    path("<int:pk>/edit/", views.document_edit, name="edit"),
    path("<int:pk>/adopt/", views.document_adopt, name="adopt"),
    path("<int:pk>/publish/", views.document_publish, name="publish"),
    path("<int:pk>/delete/", views.document_delete, name="delete"),
    path("<int:pk>/restore/", views.document_restore, name="restore"),
    path("<int:pk>/links/", views.document_link, name="link"),
    path("<int:pk>/links/<int:link_pk>/delete/", views.document_unlink, name="unlink"),
    path("<int:pk>/versions/", views.document_version_add, name="version_add"),
    path("<int:pk>/attachments/", views.document_attach, name="attach"),
    path("files/attachment/<int:pk>/", views.attachment_download, name="attachment"),
    path("files/version/<int:pk>/", views.version_download, name="version_file"),
]
