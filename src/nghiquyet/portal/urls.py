from django.urls import path

from nghiquyet.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("progress/", views.progress, name="progress"),
    path("resolutions/<int:pk>/", views.resolution, name="resolution"),
    path("indicators/<int:pk>/", views.indicator, name="indicator"),
    path("indicators/<int:pk>/data.csv", views.indicator_csv, name="indicator_csv"),
    path("indicators/<int:pk>/data.json", views.indicator_json, name="indicator_json"),
    path("data.zip", views.data_zip, name="data_zip"),
    path("embed/resolutions/<int:pk>/", views.embed_resolution, name="embed_resolution"),
    path("embed/indicators/<int:pk>/", views.embed_indicator, name="embed_indicator"),
]
