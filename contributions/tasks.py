"""Background tasks (django-tasks): work that must never run inside a web request."""

from django_tasks import task

from contributions import alerts


@task()
def send_watch_digests(contribution_ids: list[int]) -> int:
    """One digest e-mail per reviewer for an import batch. The importer enqueues this:
    `send_watch_digests.enqueue([c.pk for c in batch])`."""
    return alerts.send_watch_digests(contribution_ids)
