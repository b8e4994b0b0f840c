"""import_contribution end to end: real .docx files in, the rows of the stored comparison out."""

import datetime as dt

import pytest

from contributions.importing import (
    CREATED,
    UNCHANGED,
    UPDATED,
    ImportFailure,
    ImportMetadata,
    import_contribution,
)
from contributions.models import ClauseChange, Contribution, Proposal, Verdict
from resolutions.text import compare, parse
from tests.importing.conftest import snapshot
from tests.support.docx_builder import build_docx, paragraphs_from_diff

pytestmark = pytest.mark.django_db

META = ImportMetadata(
    number="37-Add.22",
    title="Common proposals for the work of the assembly",
    submitters=("APT",),
    date=dt.date(2024, 9, 1),
    language="fr",
    visibility="public",
)


def _fields(change) -> tuple:
    return (
        change.kind,
        change.section,
        change.section_key,
        change.operative,
        change.old_label or "",
        change.new_label or "",
        change.old_text or "",
        change.new_text or "",
        [list(op) for op in change.ops],
        change.relation or "",
    )


def _content(contribution: Contribution) -> bytes:
    with contribution.source_file.open("rb") as handle:
        return handle.read()


def _stored(proposal: Proposal) -> list[tuple]:
    return [_fields(change) for change in proposal.changes.order_by("order")]


def test_it_imports_the_seed_001_proposal_with_the_engines_comparison(
    seed_docx, geneva, wtsa24, apt, importer, geneva_text, new_delhi_text
):
    outcome = import_contribution(
        seed_docx, "res75-mod.docx", meeting=wtsa24, metadata=META, user=importer
    )

    expected = compare(parse(geneva_text), parse(new_delhi_text))
    proposal = outcome.contribution.proposals.get()
    assert outcome.status == CREATED
    assert proposal.action == "MOD"
    assert proposal.resolution == geneva.resolution
    assert proposal.base_revision == geneva
    assert _stored(proposal) == [_fields(change) for change in expected.changes]
    assert outcome.changes == len(expected.edits) > 10
    assert outcome.warnings == ()  # the document's old text is the base revision's


def test_it_flags_the_operative_changes_of_the_seed_proposal(seed_docx, geneva, wtsa24, importer):
    outcome = import_contribution(seed_docx, "res75-mod.docx", meeting=wtsa24, metadata=META)

    proposal = outcome.contribution.proposals.get()
    high = proposal.changes.filter(highest_severity="high")
    assert proposal.highest_severity == "high" and proposal.score > 0
    assert high.filter(operative=True, kind="added").exists()
    assert not proposal.changes.filter(kind="relabelled").exclude(flags=[]).exists()
    flag = high.first().flags[0]
    assert set(flag) == {"category", "severity", "reason", "evidence"}
    assert outcome.flags == sum(len(c.flags) for c in proposal.changes.all()) > 0


def test_it_stores_the_contribution_with_its_metadata_file_and_history(
    seed_docx, geneva, wtsa24, apt, importer, media_root
):
    outcome = import_contribution(
        seed_docx, "res75-mod.docx", meeting=wtsa24, metadata=META, user=importer
    )

    contribution = Contribution.objects.get(pk=outcome.contribution.pk)
    assert (contribution.number, contribution.title) == (META.number, META.title)
    assert contribution.visibility == "public" and contribution.language == "fr"
    assert list(contribution.submitters.all()) == [apt]
    assert contribution.imported_by == importer
    assert _content(contribution) == seed_docx
    assert (media_root / contribution.source_file.name).is_file()
    assert contribution.history.get().history_user == importer
    assert contribution.proposals.get().history.get().history_user == importer


def test_it_splits_a_marked_document_and_keeps_identifier_and_reasons(marked_docx, geneva, wtsa24):
    outcome = import_contribution(marked_docx, "37A22.docx", meeting=wtsa24, metadata=META)

    proposal = outcome.contribution.proposals.get()
    assert proposal.identifier == "ACP/37A22/1"
    assert proposal.reasons.startswith("To focus on action lines C2, C5 and C6")
    assert proposal.proposed_text.startswith("RÉSOLUTION 75 (Rév. New Delhi, 2024)")
    assert outcome.proposals[0].base_revision == "Rev. Geneva, 2022"


def test_it_compares_a_clean_text_with_the_base_revision(geneva, wtsa24, new_delhi_text):
    data = f"MOD\tF/12/1\n{new_delhi_text}\nMotifs: Mise à jour.\n".encode()

    outcome = import_contribution(data, "F-12.txt", meeting=wtsa24)

    proposal = outcome.contribution.proposals.get()
    assert proposal.base_revision == geneva  # "Rév. New Delhi, 2024" is the proposal's own label
    assert proposal.changes.filter(kind="added", section_key="resolves").count() == 2
    assert outcome.contribution.number == "F-12"
    assert outcome.contribution.visibility == "restricted"


def test_it_warns_when_the_documents_old_text_is_not_the_base_revision(
    geneva, wtsa24, geneva_text, new_delhi_text
):
    drifted = geneva_text.replace("Johannesburg, 2008", "Johannesburg, 2009")
    data = build_docx(paragraphs_from_diff(drifted, new_delhi_text))

    outcome = import_contribution(data, "drift.docx", meeting=wtsa24)

    assert len(outcome.warnings) == 1
    assert "differs from Rev. Geneva, 2022 in 1 place(s)" in outcome.warnings[0]


def test_it_imports_several_proposals_of_one_document(geneva, wtsa24, new_delhi_text):
    draft = (
        "PROJET DE NOUVELLE RÉSOLUTION [ACP-1]\n"
        "Intelligence artificielle\n"
        "L'Assemblée mondiale de normalisation des télécommunications (New Delhi, 2024),\n"
        "considérant\n"
        "a) les progrès rapides de l'intelligence artificielle,\n"
        "décide\n"
        "1 d'élaborer des normes sur la gouvernance de l'Internet et l'intelligence artificielle.\n"
    )
    text = (
        f"MOD ACP/37A22/1\n{new_delhi_text}\nMotifs: Mise à jour.\n"
        f"ADD ACP/37A22/2\n{draft}\nMotifs: Nouveau sujet.\n"
        "NOC ACP/37A22/3\nRÉSOLUTION 75 (Rév. Genève, 2022)\nMotifs: Aucun changement.\n"
    )

    outcome = import_contribution(text.encode(), "37A22.txt", meeting=wtsa24)

    mod, add, noc = outcome.contribution.proposals.order_by("order")
    assert [p.action for p in (mod, add, noc)] == ["MOD", "ADD", "NOC"]
    assert add.resolution is None and add.draft_label == "ACP-1"
    assert set(add.changes.exclude(section_key="header").values_list("kind", flat=True)) == {
        "added"
    }
    assert add.highest_severity == "high"
    assert noc.base_revision == geneva and not noc.changes.exists()


def test_it_gives_the_same_fingerprint_to_the_same_change_by_two_submitters(
    marked_docx, seed_docx, geneva, wtsa24, apt, cept
):
    first = import_contribution(marked_docx, "apt.docx", meeting=wtsa24, metadata=META)
    second = import_contribution(
        seed_docx,
        "cept.docx",
        meeting=wtsa24,
        metadata=ImportMetadata(number="39-Add.1", submitters=("ECP",)),
    )

    ours = set(
        ClauseChange.objects.filter(proposal__contribution=first.contribution)
        .exclude(kind="unchanged")
        .values_list("fingerprint", flat=True)
    )
    theirs = set(
        ClauseChange.objects.filter(proposal__contribution=second.contribution)
        .exclude(kind="unchanged")
        .values_list("fingerprint", flat=True)
    )
    assert ours == theirs and len(ours) == first.changes
    assert list(second.contribution.submitters.all()) == [cept]  # found by its origin code


def test_it_leaves_everything_unchanged_when_the_same_file_comes_again(
    seed_docx, geneva, wtsa24, importer
):
    import_contribution(seed_docx, "res75.docx", meeting=wtsa24, metadata=META, user=importer)
    before = snapshot()

    again = import_contribution(
        seed_docx, "res75.docx", meeting=wtsa24, metadata=META, user=importer
    )

    assert again.status == UNCHANGED
    assert again.changes > 0 and again.proposals[0].resolution
    assert snapshot() == before


def test_it_updates_a_new_version_keeping_history_and_verdicts(
    seed_docx, geneva, wtsa24, importer, admin_user, organisation, geneva_text, new_delhi_text
):
    first = import_contribution(
        seed_docx, "res75.docx", meeting=wtsa24, metadata=META, user=importer
    )
    proposal = first.contribution.proposals.get()
    kept = proposal.changes.filter(kind="added", section_key="resolves").first()
    Verdict.objects.create(
        organisation=organisation, proposal=proposal, change=kept, value="concern"
    )
    proposal.status = Proposal.Status.REVIEWED
    proposal.save()
    revised = new_delhi_text.replace("Johannesburg, 2008;", "Johannesburg, 2008 ;")
    revised = revised.replace("tendances", "évolutions", 1)
    version_2 = build_docx(paragraphs_from_diff(geneva_text, revised))

    outcome = import_contribution(
        version_2, "res75-v2.docx", meeting=wtsa24, metadata=META, user=admin_user
    )

    contribution = Contribution.objects.get()
    assert outcome.status == UPDATED and contribution.pk == first.contribution.pk
    assert _content(contribution) == version_2
    assert [h.history_user for h in contribution.history.all()] == [admin_user, importer]
    same = Proposal.objects.get()
    assert same.pk == proposal.pk and same.status == Proposal.Status.AWAITING
    assert same.history.first().history_user == admin_user
    assert list(same.changes.values_list("order", flat=True)) == list(range(same.changes.count()))
    verdict = Verdict.objects.get()
    assert verdict.change.proposal == same and verdict.change.fingerprint == kept.fingerprint
    assert verdict.change.pk != kept.pk


def test_a_dry_run_reports_and_writes_nothing(seed_docx, geneva, wtsa24, apt, media_root):
    before = snapshot(media_root)

    outcome = import_contribution(
        seed_docx, "res75.docx", meeting=wtsa24, metadata=META, dry_run=True
    )

    assert outcome.status == CREATED and outcome.dry_run
    assert outcome.changes > 10 and outcome.proposals[0].resolution == "WTSA Resolution 75"
    assert snapshot(media_root) == before


def test_a_failure_in_any_proposal_writes_nothing(geneva, wtsa24, new_delhi_text, media_root):
    text = (
        f"MOD ACP/37A22/1\n{new_delhi_text}\nMotifs: x\n"
        "MOD ACP/37A22/2\nRÉSOLUTION 999 (Rév. Genève, 2022)\nTitre\nMotifs: y\n"
    )
    before = snapshot(media_root)

    with pytest.raises(ImportFailure) as caught:
        import_contribution(text.encode(), "37A22.txt", meeting=wtsa24)

    assert str(caught.value) == (
        "proposal ACP/37A22/2: unknown resolution: WTSA Resolution 999 is not in the database"
    )
    assert snapshot(media_root) == before


def test_it_names_an_unknown_base_revision(geneva, wtsa24, geneva_text, new_delhi_text):
    old = geneva_text.replace("(Rév. Genève, 2022)", "(Rév. Hammamet, 2016)", 1)

    with pytest.raises(ImportFailure) as caught:
        import_contribution(
            build_docx(paragraphs_from_diff(old, new_delhi_text)), "x.docx", meeting=wtsa24
        )

    assert str(caught.value) == (
        "the document: unknown base revision: WTSA Resolution 75 has no revision "
        "'Rév. Hammamet, 2016' (known: Rev. Geneva, 2022)"
    )


def test_it_refuses_an_unknown_submitter(seed_docx, geneva, wtsa24):
    with pytest.raises(ImportFailure, match="unknown submitter 'XYZ': no group has this code"):
        import_contribution(
            seed_docx, "x.docx", meeting=wtsa24, metadata=ImportMetadata(submitters=("XYZ",))
        )


def test_an_add_of_a_resolution_not_in_the_database_is_a_new_text(wtsa24, watch_terms):
    text = (
        "ADD IAP/40A7/1\nRESOLUTION 999 (New Delhi, 2024)\nArtificial intelligence\n"
        "The World Telecommunication Standardization Assembly (New Delhi, 2024),\n"
        "considering\na) the rapid progress of artificial intelligence,\n"
        "resolves\n1 to develop Recommendations on artificial intelligence.\n"
        "Reasons: A new topic.\n"
    )

    outcome = import_contribution(text.encode(), "40A7.txt", meeting=wtsa24)

    proposal = outcome.contribution.proposals.get()
    assert (proposal.action, proposal.resolution, proposal.draft_label) == ("ADD", None, "999")
    assert proposal.changes.filter(kind="added", operative=True).exists()
