from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("<int:content_type_id>/<int:object_id>/comment/", views.comment_post, name="comment"),
    path("<int:content_type_id>/<int:object_id>/rating/", views.rating_post, name="rating"),
    path("<int:content_type_id>/<int:object_id>/panel/", views.panel, name="panel"),
    path("<int:content_type_id>/<int:object_id>/view/", views.view_post, name="view"),
    path("moderation/", views.moderation, name="moderation"),
    path("moderation/<int:pk>/", views.comment_moderate, name="moderate"),
]
