"""Load the demo data of fixtures/ idempotently: a second run writes nothing.

What is loaded and where it comes from is in fixtures/demo/README.md. Rows are matched on their
natural keys and saved only when a value differs: `update_or_create` always saves, and every save
of a versioned model is a history row, so it would make each re-run look like an edit.
"""

import datetime as dt
import json
import re
import secrets
from collections import Counter
from pathlib import Path
from typing import Any, TextIO, TypeVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group as AuthGroup
from django.db import models, transaction

from contributions.importing import ImportMetadata, import_contribution
from contributions.models import Contribution, Organisation, Submission
from itu_tracker.roles import ADMIN, REVIEWER
from meetings.models import Group, Meeting
from resolutions.clauses import store_clauses
from resolutions.models import Assembly, Resolution, Revision
from resolutions.text import Document, parse

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
DEMO = FIXTURES / "demo"
PP18 = FIXTURES / "texts" / "pp18"
CHANGE_REASON = "load_demo"
KINDS = (
    "groups",
    "meetings",
    "resolutions",
    "revisions",
    "clauses",
    "contributions",
    "submissions",
    "proposals",
    "users",
)
DEMO_ORGANISATION = "Demo civil-society organisation"
M = TypeVar("M", bound=models.Model)
Parsed = tuple[Document | None, str]  # the parser's document, or the warning saying why not
PP18_HEADING = re.compile(r"^RESOLUTION\s+(\d+)\s+\((REV\.\s+)?DUBAI,\s*2018\)", re.IGNORECASE)


def load_demo(*, stdout: TextIO) -> dict[str, int]:
    """Load all demo data; return how many rows of each kind were created or changed."""
    written: Counter[str] = Counter()
    with transaction.atomic():
        groups = _load_groups(written)
        meetings = _load_meetings(groups, written)
        warnings = _load_res75(meetings, written) + _load_pp18(written)
        contributions = _load_contributions(meetings, groups, written)
        _load_proposals(contributions, written)
        _load_accounts(stdout, written)
    for warning in warnings:
        stdout.write(f"warning: {warning}\n")
    counts = {kind: written[kind] for kind in KINDS}
    stdout.write("written: " + ", ".join(f"{k} {n}" for k, n in counts.items()) + "\n")
    return counts


def _read(name: str) -> list[dict[str, Any]]:
    return json.loads((DEMO / f"{name}.json").read_text(encoding="utf-8"))


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _sync(model: type[M], lookup: dict[str, Any], values: dict[str, Any]) -> tuple[M, bool]:
    """Get the row by its natural key, create it or save the fields that differ; say if written."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
    elif all(getattr(obj, name) == value for name, value in values.items()):
        return obj, False
    else:
        for name, value in values.items():
            setattr(obj, name, value)
    obj._change_reason = CHANGE_REASON
    obj.save()
    return obj, True


def _load_groups(written: Counter) -> dict[str, Group]:
    groups = {}
    for row in _read("groups"):
        values = {k: row[k] for k in ("name", "name_fr", "kind", "origin_code")}
        groups[row["code"]], changed = _sync(Group, {"code": row["code"]}, values)
        written["groups"] += changed
    return groups


def _load_meetings(groups: dict[str, Group], written: Counter) -> dict[str, Meeting]:
    meetings = {}
    for row in _read("meetings"):
        start = _date(row["start_date"])
        notes = f"Source: {row['source']}"
        if row["end_date"] is None:
            notes += " (end date unknown: recorded as the start date)"
        values = {
            "name": row["name"],
            "kind": row["kind"],
            "organiser": groups[row["organiser"]] if row["organiser"] else None,
            "start_date": start,
            "end_date": _date(row["end_date"]) or start,
            "place": row["place"],
            "attendance": row["attendance"],
            "contribution_deadline": _date(row["contribution_deadline"]),
            "notes": notes,
        }
        meetings[row["acronym"]], changed = _sync(Meeting, {"acronym": row["acronym"]}, values)
        written["meetings"] += changed
    return meetings


def _text(relative: str) -> str:
    return (Path(settings.BASE_DIR) / relative).read_text(encoding="utf-8")


def _resolution(assembly: str, number: str, title: str, written: Counter) -> Resolution:
    resolution, changed = _sync(
        Resolution, {"assembly": assembly, "number": number}, {"title": title[:500]}
    )
    written["resolutions"] += changed
    return resolution


def _revision(
    resolution: Resolution, label: str, values: dict, written: Counter, *, parsed: Parsed
) -> list[str]:
    """Store a revision and the clauses the parser found in its text; return its parse warning."""
    document, warning = parsed
    lookup = {"resolution": resolution, "label": label}
    revision, changed = _sync(Revision, lookup, {**values, "parse_warning": warning})
    written["revisions"] += changed
    # Clauses derive from the text: rebuilt when it was written now or never split.
    if document is not None and (changed or not revision.clauses.exists()):
        written["clauses"] += store_clauses(revision, document)
    return [f"{revision}: {warning}"] if warning else []


def _parse(text: str) -> Parsed:
    if not text:
        return None, ""  # a history entry whose text the sources do not have
    try:
        return parse(text), ""
    except Exception as error:  # a text the engine cannot read is reported, never fatal
        return None, f"{type(error).__name__}: {error}"


def _load_res75(meetings: dict[str, Meeting], written: Counter) -> list[str]:
    """The adopted revisions of WTSA Resolution 75; the proposed text belongs to its proposal."""
    rows = [row for row in _read("res75_revisions") if row["status"] == "adopted"]
    texts = {row["label"]: _text(row["text_file"]) if row["text_file"] else "" for row in rows}
    parsed = {label: _parse(text) for label, text in texts.items()}
    # The resolution's title is the one of its latest adopted text.
    title = next(doc.title for doc, _ in reversed(parsed.values()) if doc is not None)
    resolution = _resolution(Assembly.WTSA, "75", title, written)
    warnings = []
    for row in rows:
        values = {
            "meeting": meetings[row["meeting"]] if row["meeting"] else None,
            "adopted_on": _date(row["date"]),
            "language": row["lang"],
            "text": texts[row["label"]],
            "source_reference": row["source"][:500],
            "is_published": True,
        }
        label = row["label"]
        warnings += _revision(resolution, label, values, written, parsed=parsed[label])
    return warnings


def _load_pp18(written: Counter) -> list[str]:
    """One Plenipotentiary resolution per PP-18 file, labelled from the file's own heading."""
    warnings = []
    for path in sorted(PP18.glob("PP-Res*.txt")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        match = PP18_HEADING.match(lines[0])
        if match is None:
            raise ValueError(f"{path.name}: first line is not a PP-18 resolution heading")
        document, warning = _parse(text)
        # The parser's title drops glued footnote markers ("developing1"); else the raw line.
        title = document.title if document is not None else lines[1].strip()
        resolution = _resolution(Assembly.PP, match[1], title, written)
        # ITU labels a resolution first adopted at a conference without "Rev.".
        label = "Rev. Dubai, 2018" if match[2] else "Dubai, 2018"
        values = {
            "meeting": None,
            "adopted_on": None,
            "language": "en",
            "text": text,
            "source_reference": f"fixtures/texts/pp18/{path.name} (PP-18 Final Acts extraction)",
            "is_published": True,
        }
        warnings += _revision(resolution, label, values, written, parsed=(document, warning))
    return warnings


def _load_contributions(
    meetings: dict[str, Meeting], groups: dict[str, Group], written: Counter
) -> dict[tuple[str, str], Contribution]:
    contributions = {}
    for row in _read("contributions"):
        values = {
            "title": row["title"],
            "cosponsor_count": row["cosponsor_count"],
            "date": _date(row["date"]),
            "language": row["language"],
            "abstract": row["abstract"],
            "visibility": row["visibility"],
        }
        lookup = {"meeting": meetings[row["meeting"]], "number": row["number"]}
        contribution, changed = _sync(Contribution, lookup, values)
        written["contributions"] += changed
        _sync_submitters(contribution, [groups[code] for code in row["submitters"]], written)
        contributions[row["meeting"], row["number"]] = contribution
    return contributions


def _sync_submitters(contribution: Contribution, groups: list[Group], written: Counter) -> None:
    # Through the Submission model, not contribution.submitters.add(): the m2m manager
    # bulk-creates the through rows, which writes no history.
    current = {s.group_id: s for s in Submission.objects.filter(contribution=contribution)}
    for group in groups:
        if group.pk not in current:
            submission = Submission(contribution=contribution, group=group)
            submission._change_reason = CHANGE_REASON
            submission.save()
            written["submissions"] += 1
    for group_id, submission in current.items():
        if group_id not in {group.pk for group in groups}:
            submission.delete()
            written["submissions"] += 1


def _load_proposals(contributions: dict[tuple[str, str], Contribution], written: Counter) -> None:
    """Each demo proposal goes through the real import, so it gets a stored comparison and flags.

    The file is the proposed text alone (a clean document), compared with the base revision;
    the import is idempotent by content hash, so a second run writes nothing.
    """
    for row in _read("proposals"):
        contribution = contributions[row["meeting"], row["contribution"]]
        path = Path(settings.BASE_DIR) / row["text_file"]
        metadata = ImportMetadata(
            number=contribution.number,
            title=contribution.title,
            language=contribution.language,
            visibility=contribution.visibility,
            abstract=contribution.abstract,
        )
        outcome = import_contribution(
            path.read_bytes(), path.name, meeting=contribution.meeting, metadata=metadata
        )
        written["proposals"] += 0 if outcome.status == "unchanged" else len(outcome.proposals)


def _load_accounts(stdout: TextIO, written: Counter) -> None:
    """Demo reviewer and admin; their passwords are printed once, when the accounts are created."""
    if not settings.DEBUG:
        # Accounts with known-to-the-terminal passwords have no place on a production server.
        stdout.write("Demo accounts skipped: they are only created with DJANGO_DEBUG=1.\n")
        return
    organisation, _ = _sync(Organisation, {"name": DEMO_ORGANISATION}, {})
    for username, role in (("reviewer", REVIEWER), ("admin", ADMIN)):
        user_model = get_user_model()
        if user_model.objects.filter(username=username).exists():
            stdout.write(f"Demo account {username!r} exists: password unchanged.\n")
            continue
        password = secrets.token_urlsafe(12)
        is_admin = role == ADMIN
        user = user_model.objects.create_user(
            username=username, password=password, is_staff=is_admin, is_superuser=is_admin
        )
        user.groups.add(AuthGroup.objects.get_or_create(name=role)[0])
        organisation.members.add(user)
        written["users"] += 1
        stdout.write(f"Demo account {username!r} ({role}), password (shown once): {password}\n")
