import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from contributions.models import Proposal, Verdict

pytestmark = pytest.mark.django_db


def _url(meeting, query: str = "") -> str:
    return reverse("workspace:matrix", args=[meeting.pk]) + query


@pytest.fixture
def two_groups(flagged_proposal, second_proposal, organisation, reviewer):
    Verdict.objects.create(
        organisation=organisation, proposal=second_proposal, value="concern", updated_by=reviewer
    )
    return flagged_proposal, second_proposal


def test_it_tabulates_resolutions_by_submitting_group(client, reviewer, wtsa24, two_groups):
    client.force_login(reviewer)
    matrix = client.get(_url(wtsa24)).context["matrix"]
    assert [g.code for g in matrix.groups] == ["APT", "CEPT"]
    (row,) = matrix.rows
    assert row.label == "WTSA Resolution 75"
    apt, cept = row.cells
    assert [(e.action, e.severity, e.verdict or e.status) for e in apt] == [
        ("MOD", "high", "Awaiting review")
    ]
    assert [(e.action, e.severity, e.verdict) for e in cept] == [("MOD", "high", "Concern")]


def test_it_filters_by_topic_category_and_status(client, reviewer, wtsa24, two_groups, topic):
    first, second = two_groups
    second.status = Proposal.Status.REVIEWED
    second.save()
    client.force_login(reviewer)

    def cells(query):
        matrix = client.get(_url(wtsa24, query)).context["matrix"]
        return {e.proposal_id for row in matrix.rows for cell in row.cells for e in cell}

    assert cells("?topic=wsis") == {first.pk, second.pk}
    assert cells("?topic=nonexistent") == {first.pk, second.pk}  # unknown choice: ignored
    assert cells("?category=emerging-tech") == {first.pk}  # only APT added considering g)
    assert cells("?category=internet-governance") == {first.pk, second.pk}
    assert cells("?status=reviewed") == {second.pk}
    assert cells("?status=awaiting&category=internet-governance") == {first.pk}


def test_it_exports_csv_with_the_same_columns(client, reviewer, wtsa24, two_groups):
    client.force_login(reviewer)
    page = client.get(_url(wtsa24)).context["matrix"]
    response = client.get(_url(wtsa24, "?format=csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="wtsa-24-matrix.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == page.table()
    assert rows[0] == ["Resolution", "Title", "APT", "CEPT"]
    assert rows[1] == [
        "WTSA Resolution 75",
        "Contribution of ITU-T to WSIS outcomes",
        "MOD · high · Awaiting review",
        "MOD · high · Concern",
    ]


def test_it_exports_xlsx_read_back_cell_by_cell(client, reviewer, wtsa24, two_groups):
    client.force_login(reviewer)
    expected = client.get(_url(wtsa24)).context["matrix"].table()
    response = client.get(_url(wtsa24, "?format=xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "WTSA-24"
    assert sheet.max_row == len(expected) and sheet.max_column == len(expected[0])
    for r, line in enumerate(expected, start=1):
        for c, value in enumerate(line, start=1):
            cell = sheet.cell(row=r, column=c)
            assert cell.value == value, (r, c)
            assert cell.data_type == "s", (r, c)


def test_it_writes_formula_like_text_as_text(client, reviewer, wtsa24, hostile_proposal):
    client.force_login(reviewer)
    title = hostile_proposal.resolution.title  # "@SUM(1+1) <script>…"
    sheet = load_workbook(io.BytesIO(client.get(_url(wtsa24, "?format=xlsx")).content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value]
    assert any(cell.value == title for cell in cells)
    assert all(cell.data_type == "s" for cell in cells)  # never "f" (formula)
    rows = list(csv.reader(io.StringIO(client.get(_url(wtsa24, "?format=csv")).content.decode())))
    titles = [row[1] for row in rows[1:]]
    assert "'" + title in titles  # the leading apostrophe neutralises "@"


def test_it_shows_every_filter_and_export_link(client, reviewer, wtsa24, two_groups):
    client.force_login(reviewer)
    body = client.get(_url(wtsa24, "?status=awaiting")).content.decode()
    assert 'name="topic"' in body and 'name="category"' in body and 'name="status"' in body
    assert "?status=awaiting&amp;format=xlsx" in body


@pytest.mark.parametrize("extra", [0, 19])
def test_it_uses_a_fixed_number_of_queries(
    client, reviewer, wtsa24, flagged_proposal, make_proposals, django_assert_num_queries, extra
):
    make_proposals(extra)
    client.force_login(reviewer)
    # 1 session, 2 user, 3-4 permissions, 5 meeting, 6 flags (category filter), 7 organisation,
    # 8 row count (paginator), 9 the page's row keys, 10 the page's proposals with resolutions,
    # 11 submitters with groups, 12 my organisation's verdicts, 13 topics for the filter form
    with django_assert_num_queries(13):
        response = client.get(_url(wtsa24, "?category=internet-governance"))
    assert len(response.context["matrix"].groups) == 1 + extra
