from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from itu_tracker import views

urlpatterns = [
    path("", views.home, name="home"),
    path("health/", views.health, name="health"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
    # Public, read-only pages (no account): resolutions, revisions, feeds; the meetings calendar.
    path("", include("resolutions.urls")),
    path("meetings/", include("meetings.urls")),
    # The CSO review workspace, behind login.
    path("workspace/", include("contributions.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]

# --- public site ---
from django.contrib.sitemaps.views import sitemap  # noqa: E402

from itu_tracker.caching import public_page  # noqa: E402
from resolutions.sitemaps import SITEMAPS  # noqa: E402

urlpatterns += [
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", public_page(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
]
