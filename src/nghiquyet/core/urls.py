from django.urls import path

from nghiquyet.core import views

urlpatterns = [
    path("", views.home, name="home"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("history/<str:app_label>/<str:model_name>/<int:pk>/", views.history, name="history"),
]
