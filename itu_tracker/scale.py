"""A synthetic assembly-sized corpus in the database, for benchmarks (generate_scale_data).

Everything is written with bulk inserts, history rows included (bulk_create_with_history), in
batches so memory stays flat. Texts come from itu_tracker.synthetic, whose structure is known,
so clauses and clause changes are stored without parsing or diffing megabytes.
"""

import datetime as dt
import hashlib
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.db import connection, transaction
from simple_history.utils import bulk_create_with_history

from contributions.models import (
    ClauseChange,
    Contribution,
    Organisation,
    Proposal,
    Submission,
    Verdict,
)
from itu_tracker import synthetic
from meetings.models import Group, Meeting
from resolutions.models import Clause, Resolution, Revision

FIRST_NUMBER = 5000  # well above real WTSA/PP numbers, so demo data and scale data coexist
BATCH = 25
CATEGORIES = ("internet-governance", "internet-standards", "emerging-tech", "human-rights")


@dataclass(frozen=True)
class ScaleSpec:
    resolutions: int
    revisions_per: int
    contributions: int
    seed: int = 2024


def generate(spec: ScaleSpec, *, tick: Callable[[int], None] = lambda n: None) -> dict:
    """Write the corpus; `tick(n)` reports progress in resolutions then contributions."""
    rng = random.Random(spec.seed)
    groups, meeting, organisation = _world()
    latest: list[tuple[Revision, synthetic.SynthResolution]] = []
    for batch in _chunks(range(spec.resolutions), BATCH):
        with transaction.atomic():
            latest += _resolutions(rng, batch, spec.revisions_per)
        tick(len(batch))
    for batch in _chunks(range(spec.contributions), BATCH * 4):
        with transaction.atomic():
            _contributions(rng, batch, latest, groups, meeting, organisation)
        tick(len(batch))
    if connection.vendor == "postgresql":
        # Fresh statistics, or the planner keeps estimating the tables as nearly empty.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {
        "resolutions": Resolution.objects.filter(sort_number__gte=FIRST_NUMBER).count(),
        "revisions": Revision.objects.filter(resolution__sort_number__gte=FIRST_NUMBER).count(),
        "contributions": Contribution.objects.filter(meeting=meeting).count(),
        "proposals": Proposal.objects.filter(contribution__meeting=meeting).count(),
    }


def _chunks(items: range, size: int) -> Iterator[range]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _world() -> tuple[list[Group], Meeting, Organisation]:
    codes = ["ACP", "AFCP", "ARB", "ECP", "IAP", "RCC"] + [f"S{i:02d}" for i in range(30)]
    groups = [
        Group.objects.get_or_create(
            code=f"SCALE-{code}", defaults={"name": f"Scale submitter {code}", "kind": "other"}
        )[0]
        for code in codes
    ]
    meeting, _ = Meeting.objects.get_or_create(
        acronym="SCALE-WTSA",
        defaults={
            "name": "Synthetic assembly for benchmarks",
            "kind": Meeting.Kind.WTSA,
            "start_date": dt.date(2028, 10, 1),
            "end_date": dt.date(2028, 10, 10),
        },
    )
    organisation, _ = Organisation.objects.get_or_create(name="Scale CSO")
    return groups, meeting, organisation


def _resolutions(rng: random.Random, indexes: range, revisions_per: int) -> list:
    resolutions = [
        Resolution(assembly="wtsa", number=str(FIRST_NUMBER + i), title=f"Synthetic {i}")
        for i in indexes
    ]
    for resolution in resolutions:  # bulk_create skips save(), which fills sort_number
        resolution.sort_number = int(resolution.number)
    resolutions = bulk_create_with_history(resolutions, Resolution)
    revisions, texts = [], []
    for resolution in resolutions:
        for r in range(revisions_per):
            synth = synthetic.resolution(rng, int(resolution.number), rng.randint(5_000, 60_000))
            revisions.append(_revision(resolution, synth, r))
            texts.append(synth)
    revisions = bulk_create_with_history(revisions, Revision)
    Clause.objects.bulk_create(
        [c for rev, s in zip(revisions, texts, strict=True) for c in _clauses(rev, s)],
        batch_size=2000,
    )
    return list(zip(revisions, texts, strict=True))[revisions_per - 1 :: revisions_per]


def _revision(resolution: Resolution, synth: synthetic.SynthResolution, r: int) -> Revision:
    year = 2000 + 4 * r
    return Revision(
        resolution=resolution,
        label=f"Rev. Synthetic, {year}",
        adopted_on=dt.date(year, 10, 1),
        language="en",
        text=synth.render(),
    )


def _clauses(revision: Revision, synth: synthetic.SynthResolution) -> Iterator[Clause]:
    order = 0
    for s_index, section in enumerate(synth.sections):
        key = section.heading.split()[0]
        for clause in section.clauses:
            yield Clause(
                revision=revision,
                section_heading=section.heading,
                section_key=key,
                section_order=s_index,
                kind="operative" if section.operative else "preambular",
                label=clause.label,
                text=clause.text,
                order=order,
                anchor=f"{key}-{s_index}-{clause.label.strip(')')}",
            )
            order += 1


def _contributions(rng, indexes, latest, groups, meeting, organisation) -> None:
    contributions = bulk_create_with_history(
        [
            Contribution(
                meeting=meeting,
                number=f"SCALE/{i}",
                title=f"Synthetic contribution {i}",
                visibility=rng.choice(["public", "restricted"]),
            )
            for i in indexes
        ],
        Contribution,
    )
    bulk_create_with_history(
        [Submission(contribution=c, group=rng.choice(groups)) for c in contributions], Submission
    )
    planned = []
    for contribution in contributions:
        revision, synth = rng.choice(latest)
        _, edits = synthetic.amend(rng, synth, rng.randint(1, 15))
        planned.append((contribution, revision, edits))
    # Severity and score are known from the edits, so proposals are written once, with history.
    proposals = bulk_create_with_history(
        [
            Proposal(
                contribution=c,
                action="MOD",
                resolution=rev.resolution,
                base_revision=rev,
                highest_severity="high" if any(e.expands for e in edits) else "",
                score=float(sum(e.expands for e in edits)),
            )
            for c, rev, edits in planned
        ],
        Proposal,
    )
    changes = [
        change
        for proposal, (_, _, edits) in zip(proposals, planned, strict=True)
        for change in _changes(rng, proposal, edits)
    ]
    ClauseChange.objects.bulk_create(changes, batch_size=2000)
    verdicts = [
        Verdict(organisation=organisation, proposal=p, value=rng.choice(Verdict.Value.values))
        for p in proposals
        if rng.random() < 0.2
    ]
    bulk_create_with_history(verdicts, Verdict)


def _changes(rng, proposal, edits) -> list[ClauseChange]:
    return [
        ClauseChange(
            proposal=proposal,
            order=order,
            kind=edit.kind,
            section=edit.section,
            section_key=edit.section.split()[0],
            operative=edit.operative,
            old_label=edit.old.label if edit.old else "",
            new_label=edit.new.label if edit.new else "",
            old_text=edit.old.text if edit.old else "",
            new_text=edit.new.text if edit.new else "",
            ops=_ops(edit),
            flags=_flags(rng, edit),
            highest_severity="high" if edit.expands else "",
            fingerprint=hashlib.sha256(repr((edit.old, edit.new)).encode()).hexdigest(),
        )
        for order, edit in enumerate(edits)
    ]


def _ops(edit: synthetic.Edit) -> list:
    if edit.kind == "added":
        return [[1, edit.new.text]]
    if edit.kind == "deleted":
        return [[-1, edit.old.text]]
    common = edit.old.text.rstrip(";")
    return [[0, common], [1, edit.new.text[len(common) :]]]


def _flags(rng: random.Random, edit: synthetic.Edit) -> list[dict]:
    if not edit.expands:
        return []
    category = rng.choice(CATEGORIES)
    reason = f"adds a new mandate to an operative clause of '{edit.section}'"
    return [{"category": category, "severity": "high", "reason": reason, "evidence": []}]
