import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_it_lists_a_groups_contributions(
    client, reviewer, flagged_proposal, restricted_contribution, apt
):
    client.force_login(reviewer)
    body = client.get(reverse("workspace:group", args=[apt.pk])).content.decode()
    assert "37-Add.22" in body and "38-Add.1" in body


@pytest.mark.parametrize("extra", [0, 19])
def test_it_uses_a_fixed_number_of_queries(
    client, reviewer, apt, wtsa24, django_assert_num_queries, extra
):
    from contributions.models import Contribution

    for i in range(1 + extra):
        Contribution.objects.create(meeting=wtsa24, number=f"N{i}", title="t").submitters.add(apt)
    client.force_login(reviewer)
    # 1 session, 2 user, 3-4 permissions, 5 group, 6 submissions with contributions and meetings
    with django_assert_num_queries(6):
        assert client.get(reverse("workspace:group", args=[apt.pk])).status_code == 200
