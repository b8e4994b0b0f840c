"""404 and 500 pages say what happened and nothing more."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_it_renders_the_404_template_without_details(client, revision):
    response = client.get("/resolutions/wtsa/76/?x=<script>")
    assert response.status_code == 404
    content = response.content.decode()
    assert "Page not found" in content
    # Neither the exception's message (the model, the lookup) nor the URL list is shown.
    assert "matches the given query" not in content and "Resolution matching" not in content
    assert "<script>" not in content
    assert "Traceback" not in content and "urlpatterns" not in content


def test_it_renders_the_500_template_without_details(revision, monkeypatch, settings):
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False

    def explode(*_args, **_kwargs):
        raise RuntimeError("SENTINEL-EXCEPTION-DETAIL")

    monkeypatch.setattr("resolutions.views._clauses_of", explode)
    client = Client(raise_request_exception=False)
    response = client.get(reverse("resolutions:detail", args=["wtsa", "75"]))
    assert response.status_code == 500
    content = response.content.decode()
    assert "Server error" in content
    assert "SENTINEL-EXCEPTION-DETAIL" not in content and "Traceback" not in content
