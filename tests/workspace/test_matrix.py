import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from contributions.models import Contribution, Proposal, Submission, Verdict
from contributions.views.matrix import ROWS_PER_PAGE
from resolutions.models import Resolution

pytestmark = pytest.mark.django_db

# 1 session, 2 user, 3-4 permissions, 5 meeting, 6 organisation, 7 row count (paginator),
# 8 the page's row keys, 9 the page's proposals, 10 their resolutions, 11 submitters,
# 12 their groups, 13 my organisation's verdicts, 14 topics for the filter form
PAGE_QUERIES = 14


def _url(meeting, query: str = "") -> str:
    return reverse("workspace:matrix", args=[meeting.pk]) + query


def _csv_rows(response) -> list[list[str]]:
    """The CSV is streamed: read it the way a browser does, chunk after chunk."""
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body.removeprefix("\ufeff"))))


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
    rows = _csv_rows(response)
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
    assert sheet.freeze_panes == "C2"  # the resolution and its title stay in view
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
    rows = _csv_rows(client.get(_url(wtsa24, "?format=csv")))
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
    with django_assert_num_queries(PAGE_QUERIES + 1):  # + 1: the flags (category filter)
        response = client.get(_url(wtsa24, "?category=internet-governance"))
    assert len(response.context["matrix"].groups) == 1 + extra


@pytest.fixture
def many_resolutions(wtsa24, apt, cept):
    """n resolutions, each with one APT proposal (status `reviewed` for every other one)."""

    def make(n: int) -> list[Proposal]:
        made = []
        for i in range(n):
            resolution = Resolution.objects.create(
                assembly="wtsa", number=str(100 + i), title=f"Resolution {100 + i}"
            )
            contribution = Contribution.objects.create(
                meeting=wtsa24, number=f"{100 + i}", title=f"Proposals {i}", visibility="public"
            )
            Submission.objects.create(contribution=contribution, group=apt if i % 2 else cept)
            status = Proposal.Status.REVIEWED if i % 2 else Proposal.Status.AWAITING
            made.append(
                Proposal.objects.create(
                    contribution=contribution, action="MOD", resolution=resolution, status=status
                )
            )
        return made

    return make


def _labels(response) -> list[str]:
    return [row.label for row in response.context["matrix"].rows]


def test_it_shows_one_page_of_resolutions_and_reads_only_their_proposals(
    client, reviewer, wtsa24, many_resolutions
):
    proposals = many_resolutions(ROWS_PER_PAGE + 3)
    client.force_login(reviewer)
    first = client.get(_url(wtsa24))
    second = client.get(_url(wtsa24, "?page=2"))
    assert _labels(first) == [f"WTSA Resolution {100 + i}" for i in range(ROWS_PER_PAGE)]
    assert _labels(second) == [f"WTSA Resolution {100 + i}" for i in range(ROWS_PER_PAGE, 53)]
    shown = {e.proposal_id for r in second.context["matrix"].rows for c in r.cells for e in c}
    assert shown == {p.pk for p in proposals[ROWS_PER_PAGE:]}
    # The columns are those of the page's rows, complete: page 2 has both groups' proposals.
    assert [g.code for g in second.context["matrix"].groups] == ["APT", "CEPT"]
    assert f"{ROWS_PER_PAGE + 3} resolutions" in first.content.decode()


@pytest.mark.parametrize("page", ["0", "-1", "abc", "999", "2.5", ""])
def test_it_answers_a_bad_page_number_with_a_page(client, reviewer, wtsa24, many_resolutions, page):
    many_resolutions(ROWS_PER_PAGE + 1)
    client.force_login(reviewer)
    response = client.get(_url(wtsa24, f"?page={page}"))
    assert response.status_code == 200
    assert response.context["page"].number in (1, 2)
    assert len(_labels(response)) in (ROWS_PER_PAGE, 1)


def test_it_keeps_the_filters_in_the_page_links(client, reviewer, wtsa24, many_resolutions):
    many_resolutions(2 * ROWS_PER_PAGE + 4)  # every other one reviewed: 52 rows
    client.force_login(reviewer)
    response = client.get(_url(wtsa24, "?status=reviewed&page=1"))
    body = response.content.decode()
    assert 'href="?status=reviewed&amp;page=2"' in body
    assert "page=1&amp;" not in body  # the page number itself is not carried into other links
    assert "?status=reviewed&amp;format=csv" in body
    last = client.get(_url(wtsa24, "?status=reviewed&page=2"))
    assert _labels(last) == [f"WTSA Resolution {100 + i}" for i in range(101, 104, 2)]
    assert 'href="?status=reviewed&amp;page=1"' in last.content.decode()


def test_it_exports_every_row_not_one_page(client, reviewer, wtsa24, many_resolutions):
    many_resolutions(ROWS_PER_PAGE + 3)
    client.force_login(reviewer)
    rows = _csv_rows(client.get(_url(wtsa24, "?format=csv&page=1")))
    assert [row[0] for row in rows[1:]] == [f"WTSA Resolution {100 + i}" for i in range(53)]
    sheet = load_workbook(io.BytesIO(client.get(_url(wtsa24, "?format=xlsx")).content)).active
    assert sheet.max_row == 1 + ROWS_PER_PAGE + 3


@pytest.mark.parametrize("resolutions", [1, 2 * ROWS_PER_PAGE + 10])
def test_it_pages_with_the_same_queries_whatever_the_number_of_resolutions(
    client, reviewer, wtsa24, many_resolutions, django_assert_num_queries, resolutions
):
    many_resolutions(resolutions)
    client.force_login(reviewer)
    with django_assert_num_queries(PAGE_QUERIES):
        response = client.get(_url(wtsa24, "?page=2"))
    assert len(_labels(response)) == (1 if resolutions == 1 else ROWS_PER_PAGE)
