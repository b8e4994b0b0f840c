from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ContributionsConfig(AppConfig):
    name = "contributions"
    verbose_name = _("Contributions")

    def ready(self) -> None:
        from itu_tracker.roles import ensure_roles

        # Permissions only exist after migrate, so the roles are (re)built then.
        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="itu_tracker.roles")
