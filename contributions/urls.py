from django.urls import path

from contributions import views

app_name = "workspace"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("proposals/<int:pk>/", views.proposal_review, name="proposal"),
    path("proposals/<int:pk>/verdict/", views.verdict_save, name="verdict"),
    path("contributions/<int:pk>/", views.contribution_detail, name="contribution"),
    path("groups/<int:pk>/", views.group_detail, name="group"),
    path("resolutions/<int:pk>/", views.resolution_detail, name="resolution"),
    path("resolutions/<int:pk>/compare/", views.compare, name="compare"),
    path("meetings/<int:pk>/matrix/", views.matrix, name="matrix"),
    path("meetings/<int:pk>/clauses/", views.clauses, name="clauses"),
    path("meetings/<int:pk>/briefing/", views.briefing, name="briefing"),
    path("watchlist/", views.watchlist, name="watchlist"),
    path("watchlist/<int:pk>/remove/", views.watch_remove, name="watch_remove"),
    path("search/", views.search, name="search"),
]
