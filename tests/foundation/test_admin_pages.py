"""Every admin page opens for every registered model: changelist, add, change and history."""

import pytest
from django.contrib import admin
from django.urls import reverse

from contributions.models import ClauseChange, ImportJob, Organisation, Verdict
from resolutions.models import Clause, Topic, Watch, WatchTerm

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_of_each(public_proposal, revision, admin_user):
    org = Organisation.objects.get()
    change = ClauseChange.objects.create(
        proposal=public_proposal, order=0, kind="added", section="decides", operative=True
    )
    Verdict.objects.create(organisation=org, proposal=public_proposal, value="concern")
    Clause.objects.create(
        revision=revision,
        section_heading="decides",
        section_key="decides",
        section_order=0,
        kind="operative",
        label="1",
        text="t",
        order=0,
        anchor="decides-1",
    )
    term = WatchTerm.objects.create(
        category="internet-governance", language="en", pattern="domain names"
    )
    Topic.objects.create(slug="wsis", name="WSIS")
    ImportJob.objects.create(filename="c37.docx", meeting=public_proposal.contribution.meeting)
    Watch.objects.create(user=admin_user, term=term)
    return change


OUR_APPS = {"meetings", "resolutions", "contributions"}


def _models():
    ours = [m for m in admin.site._registry if m._meta.app_label in OUR_APPS]
    return sorted(ours, key=lambda m: m._meta.label)


@pytest.mark.parametrize("model", _models(), ids=lambda m: m._meta.label)
def test_it_opens_every_admin_page(client, admin_user, one_of_each, model):
    client.force_login(admin_user)
    info = model._meta.app_label, model._meta.model_name
    obj = model._default_manager.first()
    assert obj is not None, f"no {model._meta.label} in the fixture world"
    urls = [
        reverse("admin:{}_{}_changelist".format(*info)),
        reverse("admin:{}_{}_change".format(*info), args=[obj.pk]),
    ]
    if admin.site._registry[model].has_add_permission(_request(admin_user)):
        urls.append(reverse("admin:{}_{}_add".format(*info)))
    if hasattr(model, "history"):
        urls.append(reverse("admin:{}_{}_history".format(*info), args=[obj.pk]))
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url


def _request(user):
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = user
    return request
