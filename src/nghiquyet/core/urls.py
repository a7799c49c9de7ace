from django.templatetags.static import static
from django.urls import path
from django.views.generic import RedirectView

from nghiquyet.core import views

urlpatterns = [
    path("", views.home, name="home"),
    # Browsers ask for /favicon.ico on pages that name no icon (the admin's, files).
    path("favicon.ico", RedirectView.as_view(url=static("core/favicon.svg"), permanent=True)),
    path("history/<str:app_label>/<str:model_name>/<int:pk>/", views.history, name="history"),
]
