from django_tasks import task


@task()
def ping() -> str:
    """A no-op task: lets the health check and the tests see a worker at work."""
    return "pong"
