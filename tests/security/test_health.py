import datetime as dt

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db


def test_it_reports_the_database_and_an_idle_worker(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "worker": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_it_reports_a_stalled_worker_when_tasks_wait_too_long(client):
    from itu_tracker.tasks import ping

    result = ping.enqueue()
    stale = timezone.now() - dt.timedelta(hours=1)
    DBTaskResult.objects.filter(id=result.id).update(enqueued_at=stale)
    assert client.get("/health/").json()["worker"] == "stalled"
