from django.urls import path

from . import views

app_name = "news"

urlpatterns = [
    path("", views.news_list, name="list"),
    path("from-meeting/<int:meeting_pk>/", views.news_create, name="create"),
    path("<int:pk>/", views.news_detail, name="detail"),
    path("<int:pk>/publish/", views.news_publish, name="publish"),
]
