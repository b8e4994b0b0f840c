"""Permission matrix: every public page answers every role, no login needed, same content."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URLS = [
    ("home", []),
    ("resolutions:index", []),
    ("resolutions:detail", ["wtsa", "75"]),
    ("resolutions:revision", ["wtsa", "75", "geneva-2022"]),
    ("resolutions:revision_txt", ["wtsa", "75", "geneva-2022"]),
    ("resolutions:revision_json", ["wtsa", "75", "geneva-2022"]),
    ("resolutions:compare", ["wtsa", "75"]),
    ("resolutions:feed", []),
    ("resolutions:resolution_feed", ["wtsa", "75"]),
    ("meetings:calendar", []),
    ("meetings:calendar_ics", []),
    ("sitemap", []),
]
ROLES = ["anonymous", "reviewer", "importer", "admin_user"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name,args", URLS)
def test_it_answers_every_role_without_a_login(
    client, request, res75_pair, public_proposal, name, args, role
):
    if role != "anonymous":
        user = request.getfixturevalue(role)
        client.force_login(user)
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    assert "login" not in response.get("Location", "")
