from django.urls import path

from itu_tracker.caching import public_page
from resolutions import feeds, views

app_name = "resolutions"

_RESOLUTION = "resolutions/<slug:assembly>/<str:number>/"

urlpatterns = [
    path("resolutions/", views.index, name="index"),
    path("resolutions/feed.atom", public_page(feeds.SiteFeed()), name="feed"),
    path(_RESOLUTION, views.detail, name="detail"),
    path(_RESOLUTION + "feed.atom", public_page(feeds.ResolutionFeed()), name="resolution_feed"),
    path(_RESOLUTION + "compare/", views.compare, name="compare"),
    path(_RESOLUTION + "rev-<slug:slug>/", views.revision, name="revision"),
    path(_RESOLUTION + "rev-<slug:slug>.txt", views.revision_txt, name="revision_txt"),
    path(_RESOLUTION + "rev-<slug:slug>.json", views.revision_json, name="revision_json"),
]
