"""URL map: one include per app, i18n and auth at the root."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from nghiquyet.api.api import api
from nghiquyet.news.sitemaps import NewsSitemap

#: The sections of /sitemap.xml, one per kind of public page; each lists published
#: records only. The portal's pages (home, resolutions, indicators) add theirs here.
SITEMAPS = {
    "news": NewsSitemap,
}

urlpatterns = [
    path("", include("nghiquyet.core.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("orgs/", include("nghiquyet.orgs.urls")),
    path("documents/", include("nghiquyet.documents.urls")),
    path("targets/", include("nghiquyet.targets.urls")),
    path("tasks/", include("nghiquyet.tasks.urls")),
    path("meetings/", include("nghiquyet.meetings.urls")),
    path("reports/", include("nghiquyet.reports.urls")),
    path("public/", include("nghiquyet.portal.urls")),
    path("news/", include("nghiquyet.news.urls")),
    path("public/news/", include("nghiquyet.news.public_urls")),
    path("feedback/", include("nghiquyet.feedback.urls")),
    path("captcha/", include("captcha.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]
