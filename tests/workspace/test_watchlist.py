import pytest
from django.urls import reverse

from resolutions.models import Watch, WatchTerm

pytestmark = pytest.mark.django_db
URL = reverse("workspace:watchlist")


def test_it_adds_a_resolution_a_category_and_a_term(client, reviewer, res75):
    # Seeded from resolutions/text/watch_terms.json by a data migration.
    term = WatchTerm.objects.get(
        category="internet-governance", language="fr", pattern="gestion de l'Internet"
    )
    client.force_login(reviewer)
    for data in ({"resolution": res75.pk}, {"category": "emerging-tech"}, {"term": term.pk}):
        assert client.post(URL, data).status_code == 302
    watches = Watch.objects.filter(user=reviewer)
    assert {(w.resolution_id, w.category, w.term_id) for w in watches} == {
        (res75.pk, "", None),
        (None, "emerging-tech", None),
        (None, "", term.pk),
    }
    body = client.get(URL).content.decode()
    assert "WTSA Resolution 75" in body and "Emerging technologies" in body
    assert "gestion de l&#x27;Internet" in body


def test_it_does_not_duplicate_a_watch(client, reviewer, res75):
    client.force_login(reviewer)
    client.post(URL, {"resolution": res75.pk})
    client.post(URL, {"resolution": res75.pk})
    assert Watch.objects.count() == 1


def test_it_asks_for_exactly_one_thing(client, reviewer, res75):
    client.force_login(reviewer)
    response = client.post(URL, {"resolution": res75.pk, "category": "emerging-tech"})
    assert response.status_code == 400
    assert "exactly one" in response.content.decode()
    assert client.post(URL, {}).status_code == 400
    assert not Watch.objects.exists()


def test_it_removes_only_my_own_watches(client, reviewer, importer, res75):
    mine = Watch.objects.create(user=reviewer, resolution=res75)
    theirs = Watch.objects.create(user=importer, resolution=res75)
    client.force_login(reviewer)
    assert client.post(reverse("workspace:watch_remove", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("workspace:watch_remove", args=[mine.pk])).status_code == 302
    assert list(Watch.objects.all()) == [theirs]
    assert client.get(reverse("workspace:watch_remove", args=[theirs.pk])).status_code == 405


def test_it_lists_only_my_watches(client, reviewer, importer, res75):
    Watch.objects.create(user=importer, category="human-rights")
    client.force_login(reviewer)
    assert "Human rights" not in client.get(URL).content.decode().split("<h2")[0]


@pytest.mark.parametrize("extra", [0, 19])
def test_it_uses_a_fixed_number_of_queries(
    client, reviewer, res75, django_user_model, django_assert_num_queries, extra
):
    for i in range(1 + extra):
        Watch.objects.create(user=reviewer, category="human-rights" if i % 2 else "emerging-tech")
    client.force_login(reviewer)
    # 1 session, 2 user, 3-4 permissions, 5 watches with resolutions and terms,
    # 6 resolutions and 7 terms for the form's choices
    with django_assert_num_queries(7):
        assert client.get(URL).status_code == 200


def test_it_refuses_a_read_only_user(client, read_only_user, res75):
    client.force_login(read_only_user)
    assert client.get(URL).status_code == 200
    assert client.post(URL, {"resolution": res75.pk}).status_code == 403
    assert not Watch.objects.exists()
