"""What changed between two published revisions: /resolutions/wtsa/75/compare/?from=&to=."""

import pytest
from django.urls import reverse
from lxml import html

from resolutions.comparisons import engine_version
from resolutions.models import RevisionComparison

pytestmark = pytest.mark.django_db
URL = reverse("resolutions:compare", args=["wtsa", "75"])
PAIR = {"from": "geneva-2022", "to": "new-delhi-2024"}


def test_it_shows_what_changed_with_the_engine_and_the_detector(client, res75_pair):
    response = client.get(URL, PAIR)
    assert response.status_code == 200
    page = html.fromstring(response.content)
    added = page.xpath('//li[contains(@class, "change-added")]')
    assert added, "decides 4 and 5 are added in New Delhi 2024"
    assert page.xpath("//ins") and page.xpath("//del")
    # "2019" became "2023": word-level ops rendered inline.
    assert any("2019" in d.text_content() for d in page.xpath("//del"))
    # The detector flags the new operative clause on emerging technologies as high.
    high = page.xpath('//li[contains(@class, "flag severity-high")]')
    assert high and "Emerging technologies" in high[0].text_content()


@pytest.mark.parametrize("extra", [0, 10])
def test_it_stores_the_comparison_once_and_never_re_diffs(
    client, res75_pair, make_revision, django_assert_num_queries, extra
):
    for year in range(2000, 2000 + extra):
        make_revision(f"Rev. {year}", None)
    client.get(URL, PAIR)
    stored = RevisionComparison.objects.get()
    assert (stored.old, stored.new) == res75_pair
    assert stored.engine_version == engine_version()
    kinds = {change["kind"] for change in stored.changes}
    assert {"added", "modified", "relabelled"} <= kinds
    assert all({"ops", "flags", "section_key", "operative"} <= c.keys() for c in stored.changes)
    # 1 the resolution, 2 its topics, 3 its published revisions, 4 the stored comparison.
    with django_assert_num_queries(4):
        client.get(URL, PAIR)
    assert RevisionComparison.objects.count() == 1


def test_it_renders_side_by_side(client, res75_pair):
    page = html.fromstring(client.get(URL, {**PAIR, "view": "side"}).content)
    old_side = " ".join(n.text_content() for n in page.xpath('//div[contains(@class,"side-old")]'))
    new_side = " ".join(n.text_content() for n in page.xpath('//div[contains(@class,"side-new")]'))
    assert "2019" in old_side and "2023" in new_side
    assert not page.xpath('//div[contains(@class,"side-old")]//ins')
    assert not page.xpath('//div[contains(@class,"side-new")]//del')


def test_it_hides_unchanged_clauses_unless_asked(client, res75_pair):
    changes_only = client.get(URL, PAIR).context["changes"]
    everything = client.get(URL, {**PAIR, "all": "1"}).context["changes"]
    assert all(c["kind"] != "unchanged" for c in changes_only)
    assert len(everything) > len(changes_only)


def test_it_defaults_to_the_last_two_revisions_with_a_text(client, res75_pair, make_revision):
    make_revision("Johannesburg, 2008", None, text=" ")
    response = client.get(URL)
    assert (response.context["old"], response.context["new"]) == res75_pair


def test_it_explains_when_a_text_cannot_be_read(client, res75_pair):
    old, _new = res75_pair
    old.text = "not a resolution at all"
    old.save()
    response = client.get(URL, PAIR)
    assert response.status_code == 200
    assert "could not be read as a resolution" in response.content.decode()
    assert not RevisionComparison.objects.exists()


@pytest.mark.parametrize(
    "params,status",
    [
        ({"from": "geneva-2022"}, 400),
        ({"to": "new-delhi-2024"}, 400),
        ({"from": "", "to": ""}, 400),
        ({"from": "geneva-2022", "to": "geneva-2022"}, 400),
        ({"from": "nowhere", "to": "new-delhi-2024"}, 404),
        ({"from": "geneva-2022", "to": "x" * 3000}, 404),
        ({"from": "geneva-2022", "to": "draft-2028"}, 404),
    ],
)
def test_it_refuses_bad_parameters_with_4xx(client, res75_pair, make_revision, params, status):
    make_revision("Rev. Draft, 2028", None, text=res75_pair[1].text, published=False)
    response = client.get(URL, params)
    assert response.status_code == status
    if status == 400:
        # The page says what to fix and offers the form again.
        assert "Choose two" in response.content.decode()
        assert 'id="compare-from"' in response.content.decode()
    assert not RevisionComparison.objects.filter(new__is_published=False).exists()
