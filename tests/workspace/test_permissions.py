"""Permission and leak matrix for every workspace page: (page, role) → status, and nothing of
another organisation on any page."""

import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

PAGES = {
    "dashboard": lambda w: reverse("workspace:dashboard"),
    "proposal": lambda w: reverse("workspace:proposal", args=[w["proposal"].pk]),
    "proposal-side": lambda w: (
        reverse("workspace:proposal", args=[w["proposal"].pk])
        + "?view=side&scope=operative&unchanged=show"
    ),
    "contribution": lambda w: reverse("workspace:contribution", args=[w["restricted"].pk]),
    "group": lambda w: reverse("workspace:group", args=[w["apt"].pk]),
    "resolution": lambda w: reverse("workspace:resolution", args=[w["proposal"].resolution_id]),
    "matrix": lambda w: reverse("workspace:matrix", args=[w["meeting"].pk]),
    "matrix-csv": lambda w: reverse("workspace:matrix", args=[w["meeting"].pk]) + "?format=csv",
    "matrix-xlsx": lambda w: reverse("workspace:matrix", args=[w["meeting"].pk]) + "?format=xlsx",
    "clauses": lambda w: reverse("workspace:clauses", args=[w["meeting"].pk]),
    "briefing": lambda w: reverse("workspace:briefing", args=[w["meeting"].pk]),
    "briefing-docx": lambda w: (
        reverse("workspace:briefing", args=[w["meeting"].pk]) + "?format=docx"
    ),
    "watchlist": lambda w: reverse("workspace:watchlist"),
    "search": lambda w: reverse("workspace:search") + "?q=support",
}
ROLES = ["reviewer", "importer", "admin_user"]


@pytest.fixture
def world(flagged_proposal, restricted_contribution, apt, wtsa24, other_verdict):
    return {
        "proposal": flagged_proposal,
        "restricted": restricted_contribution,
        "apt": apt,
        "meeting": wtsa24,
    }


@pytest.fixture
def no_role_user(django_user_model):
    return django_user_model.objects.create_user(username="nobody", password=PASSWORD)


@pytest.mark.parametrize("page", PAGES)
def test_it_sends_anonymous_visitors_to_the_login_page(client, world, page):
    url = PAGES[page](world)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")


@pytest.mark.parametrize("page", PAGES)
def test_it_refuses_logged_in_users_without_a_role(client, world, no_role_user, page):
    client.force_login(no_role_user)
    assert client.get(PAGES[page](world)).status_code == 403


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", PAGES)
def test_it_opens_every_page_for_every_role_without_leaking_other_organisations(
    client, world, request, role, page
):
    client.force_login(request.getfixturevalue(role))
    response = client.get(PAGES[page](world))
    assert response.status_code == 200
    # The matrix CSV is streamed: read every chunk.
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"SECRET-RIVAL-NOTE" not in body
    assert b"RIVAL-RESPONSE" not in body


@pytest.mark.parametrize("name", ["verdict", "compare"], ids=["verdict", "compare"])
def test_it_sends_anonymous_posts_to_the_login_page_and_changes_nothing(client, world, name):
    pk = world["proposal"].pk if name == "verdict" else world["proposal"].resolution_id
    response = client.post(reverse(f"workspace:{name}", args=[pk]), {"value": "concern"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("role", "expected"), [("reviewer", 302), ("importer", 200), ("admin_user", 200)]
)
def test_it_keeps_reviewers_out_of_the_import_back_office(client, world, request, role, expected):
    # Importing and editing data happens in the admin; a Reviewer is not staff there.
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("admin:contributions_contribution_add"))
    assert response.status_code == expected
    if expected == 302:
        assert response["Location"].startswith(reverse("admin:login"))


def test_it_logs_a_reviewer_in_and_lands_on_the_dashboard(client, reviewer):
    response = client.post(
        reverse("login"), {"username": reviewer.username, "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("workspace:dashboard")


def test_it_shows_restricted_contributions_to_staff_roles_only(client, world, reviewer):
    url = PAGES["contribution"](world)
    assert client.get(url).status_code == 302
    client.force_login(reviewer)
    assert world["restricted"].title.encode() in client.get(url).content
    reviewer.groups.remove(AuthGroup.objects.get(name="Reviewer"))
    client.force_login(reviewer)
    assert client.get(url).status_code == 403


def test_it_links_the_workspace_from_the_site_navigation(client, reviewer):
    assert reverse("workspace:dashboard").encode() not in client.get(reverse("home")).content
    client.force_login(reviewer)
    assert reverse("workspace:dashboard").encode() in client.get(reverse("home")).content
