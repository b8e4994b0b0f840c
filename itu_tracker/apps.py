from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class TrackerAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with our site (optional two-factor log-in)."""

    default = False  # named explicitly in INSTALLED_APPS
    default_site = "itu_tracker.admin_site.TrackerAdminSite"


class ItuTrackerConfig(AppConfig):
    default = True
    name = "itu_tracker"
    verbose_name = "ITU Tracker"
