"""One digest e-mail per reviewer per import batch, sent by a background task."""

import pytest
from django.core import mail
from django_tasks import task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from contributions.alerts import build_digests
from contributions.tasks import send_watch_digests
from resolutions.models import Watch, WatchTerm

pytestmark = pytest.mark.django_db


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_it_mails_one_digest_per_reviewer_listing_the_matching_proposals(
    immediate_tasks, reviewer, importer, res75, flagged_proposal, second_proposal
):
    term = WatchTerm.objects.create(language="fr", pattern="GESTION DE L'INTERNET")
    Watch.objects.create(user=reviewer, resolution=res75)
    Watch.objects.create(user=reviewer, category="emerging-tech")
    Watch.objects.create(user=importer, term=term)
    batch = [flagged_proposal.contribution_id, second_proposal.contribution_id]
    result = send_watch_digests.enqueue(batch)
    assert result.return_value == 2
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {"rita@example.org", "ivan@example.org"}
    rita = by_recipient["rita@example.org"]
    assert rita.subject == "ITU Tracker: 2 new proposals on your watchlist"
    assert "37-Add.22" in rita.body and "40-Add.5" in rita.body
    assert "you watch WTSA Resolution 75" in rita.body
    assert "flagged Emerging technologies" in rita.body  # only APT's considering g)
    assert f"/workspace/proposals/{flagged_proposal.pk}/" in rita.body
    assert "mentions “GESTION DE L'INTERNET”" in by_recipient["ivan@example.org"].body


def test_it_sends_nothing_when_no_watch_matches(immediate_tasks, reviewer, flagged_proposal):
    Watch.objects.create(user=reviewer, category="human-rights")
    assert send_watch_digests.enqueue([flagged_proposal.contribution_id]).return_value == 0
    assert mail.outbox == []


def test_it_lists_only_the_batch(reviewer, res75, flagged_proposal, second_proposal):
    Watch.objects.create(user=reviewer, resolution=res75)
    (digest,) = build_digests([second_proposal.contribution_id])
    assert [item.proposal for item in digest.items] == [second_proposal]


def test_it_is_queued_in_the_database_not_run_in_the_request(reviewer, res75, flagged_proposal):
    Watch.objects.create(user=reviewer, resolution=res75)
    assert isinstance(task_backends["default"], DatabaseBackend)  # the configured backend
    result = send_watch_digests.enqueue([flagged_proposal.contribution_id])
    assert mail.outbox == []  # nothing sent yet: a worker will
    row = DBTaskResult.objects.get(id=result.id)
    assert row.task_path == "contributions.tasks.send_watch_digests"
    assert row.args_kwargs["args"] == [[flagged_proposal.contribution_id]]
