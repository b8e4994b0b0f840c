"""Plain-data views of parsed documents and comparisons: dicts, JSON and a text report."""

from __future__ import annotations

import json
from collections import Counter

from .model import (
    CHANGE_KINDS,
    LEVEL_CLAUSE,
    UNCHANGED,
    Change,
    Clause,
    Comparison,
    Document,
)


def clause_to_dict(clause: Clause) -> dict:
    data = {
        "label": clause.label,
        "text": clause.text,
        "children": [clause_to_dict(c) for c in clause.children],
    }
    if clause.footnotes:
        data["footnotes"] = list(clause.footnotes)
    return data


def document_to_dict(doc: Document) -> dict:
    return {
        "title": doc.title,
        "number": doc.number,
        "history": doc.history,
        "assembly": doc.assembly,
        "designation": doc.designation,
        "revision": doc.revision,
        "instrument": doc.instrument,
        "lang": doc.lang,
        "sections": [
            {
                "heading": s.heading,
                "key": s.key,
                "kind": s.kind,
                "clauses": [clause_to_dict(c) for c in s.clauses],
            }
            for s in doc.sections
        ],
        "footnotes": list(doc.footnotes),
        "annexes": list(doc.annexes),
        "unparsed": list(doc.unparsed),
    }


def change_to_dict(change: Change) -> dict:
    return {
        "kind": change.kind,
        "level": change.level,
        "section": change.section,
        "section_key": change.section_key,
        "operative": change.operative,
        "old_label": change.old_label,
        "new_label": change.new_label,
        "old_text": change.old_text,
        "new_text": change.new_text,
        "ops": [[op, text] for op, text in change.ops],
        "relation": change.relation,
        "old_path": list(change.old_path),
        "new_path": list(change.new_path),
    }


def _header(doc: Document) -> dict:
    return {
        "designation": doc.designation,
        "title": doc.title,
        "number": doc.number,
        "lang": doc.lang,
    }


def comparison_to_dict(comparison: Comparison) -> dict:
    counts = Counter(c.kind for c in comparison.changes if c.level == LEVEL_CLAUSE)
    return {
        "changes": [change_to_dict(c) for c in comparison.changes],
        "summary": {kind: counts.get(kind, 0) for kind in CHANGE_KINDS},
        "old": _header(comparison.old),
        "new": _header(comparison.new),
    }


def to_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def inline_diff(ops) -> str:
    """wdiff-style markup, readable without colour: [-struck-]{+inserted+}."""
    marks = {-1: "[-{}-]", 0: "{}", 1: "{{+{}+}}"}
    return "".join(marks[op].format(text) for op, text in ops)


def _where(change: Change) -> str:
    if change.level != LEVEL_CLAUSE:
        return f"{change.level} {change.section!r}"
    old = " ".join((*change.old_path, change.old_label or "")).strip() or "–"
    new = " ".join((*change.new_path, change.new_label or "")).strip() or "–"
    labels = old if old == new else f"{old} → {new}"
    part = "operative" if change.operative else "preamble"
    return f"{change.section} [{part}] {labels}"


def text_report(comparison: Comparison) -> str:
    """A colour-free report: summary, then every change but the unchanged ones."""
    old, new = comparison.old, comparison.new
    summary = comparison_to_dict(comparison)["summary"]
    lines = [
        f"Old: {old.designation or old.title or '(untitled)'}",
        f"New: {new.designation or new.title or '(untitled)'}",
        "Clauses: " + ", ".join(f"{n} {kind}" for kind, n in summary.items() if n),
        "",
    ]
    for change in comparison.changes:
        if change.kind == UNCHANGED:
            continue
        relation = f" ({change.relation})" if change.relation else ""
        lines.append(f"{change.kind.upper()}{relation}: {_where(change)}")
        lines.append("    " + inline_diff(change.ops))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def document_report(doc: Document) -> str:
    """The parsed structure, indented, for reading a parse on a terminal."""
    lines = [doc.designation, doc.title, doc.history, doc.assembly]
    lines = [line for line in lines if line]

    def walk(clauses: tuple[Clause, ...], depth: int) -> None:
        for clause in clauses:
            lines.append("    " * depth + f"{clause.label} {clause.text}".strip())
            for note in clause.footnotes:
                lines.append("    " * depth + f"    [footnote] {note}")
            walk(clause.children, depth + 1)

    for section in doc.sections:
        lines.append(f"## {section.heading} ({section.kind})")
        walk(section.clauses, 1)
    lines.extend(f"[footnote] {note}" for note in doc.footnotes)
    lines.extend(f"[annex] {annex[:80]}…" for annex in doc.annexes)
    lines.extend(f"[outside the resolution] {text[:80]}…" for text in doc.unparsed)
    return "\n".join(lines) + "\n"
