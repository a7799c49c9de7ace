from django.urls import path

from nghiquyet.orgs import views

app_name = "orgs"
urlpatterns = [
    path("bodies/", views.body_list, name="body_list"),
    path("bodies/<int:pk>/", views.body_detail, name="body_detail"),
]
