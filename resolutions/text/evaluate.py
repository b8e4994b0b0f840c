"""Measure the detector on labelled pairs, next to a plain keyword baseline, in one run.

A directory holds ``NAME.old.txt``, ``NAME.new.txt`` and ``NAME.labels.json``; the labels are a list
of ``{"section", "label", "expands_mandate", "category", "why"}`` for the changed clauses, ``label``
being the clause's label in the new text (in the old one for a deletion).

How changes are counted:
- every change the engine reports except ``unchanged`` is a changed clause and is scored;
- a change is matched to a label by (normalised section heading, normalised label); when several
  changes share a labelled key (a deleted c) and a d) relabelled c), or a clause the engine reports
  as deleted + added), they are judged once, on the union of their flags;
- an unlabelled change is a negative: a flag on it is a false positive;
- a label no change matches is kept: if it expands the mandate it is a false negative for both
  the detector and the baseline, and it is listed under ``unmatched_labels`` either way.
- Detector: flagged when a flag is high or medium; its category is the first such flag's (flags
  come main concern first, and a label names the main concern).
  Baseline: flagged when any category indicator (term or safeguard rule) occurs anywhere in the
  clause's old or new text; its category is the strongest indicator's.
- ``overall`` is binary (expands the mandate or not); ``per_category`` counts a hit only when the
  flag's category is the label's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .flags import Flag, flag_comparison
from .rules import CATEGORIES, Matcher, Rule, compile_rules, fold, tokenize

_LABEL_KEYS = ("section", "label", "expands_mandate", "category")
_INDICATOR_KINDS = frozenset({"term", "safeguard"})


@dataclass(frozen=True)
class _Scored:
    pair: str
    section: str
    label: str
    kind: str
    expected: str | None  # the label's category when it expands the mandate
    labelled: bool
    detector: frozenset[str]
    baseline: frozenset[str]
    reasons: tuple[str, ...]


def normalise_heading(heading: str) -> str:
    words = re.findall(r"[^\W_]+", fold(heading))
    return " ".join(words)


def normalise_label(label: str | None) -> str:
    return fold(label or "").strip().rstrip(").").strip()


def _compare(old_text: str, new_text: str) -> Any:
    # Imported here so the rules and the detector work without the engine being importable.
    from . import compare, parse

    return compare(parse(old_text), parse(new_text))


def _read_labels(path: Path) -> list[dict]:
    try:
        labels = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ValueError(f"{path.name}: not valid JSON ({error})") from error
    if not isinstance(labels, list):
        raise ValueError(f"{path.name}: expected a list of labels")
    for number, label in enumerate(labels, start=1):
        missing = [key for key in _LABEL_KEYS if key not in label]
        if missing:
            raise ValueError(f"{path.name}: label {number} lacks {', '.join(missing)}")
        if label["expands_mandate"] and label["category"] not in CATEGORIES:
            raise ValueError(
                f"{path.name}: label {number} has unknown category {label['category']!r}"
            )
    return labels


def _pairs(directory: Path) -> list[tuple[str, Path, Path, Path]]:
    if not directory.is_dir():
        raise ValueError(f"{directory} is not a directory")
    pairs = []
    for labels in sorted(directory.glob("*.labels.json")):
        name = labels.name.removesuffix(".labels.json")
        old, new = directory / f"{name}.old.txt", directory / f"{name}.new.txt"
        for text in (old, new):
            if not text.is_file():
                raise ValueError(f"{labels.name} has no {text.name} beside it")
        pairs.append((name, old, new, labels))
    if not pairs:
        raise ValueError(
            f"{directory} holds no NAME.labels.json with its NAME.old.txt/NAME.new.txt"
        )
    return pairs


def _main_category(flags: Sequence[Flag]) -> frozenset[str]:
    """The category of the change's first counting flag: labels name one main concern."""
    return frozenset(next(([f.category] for f in flags if f.counts), []))


def _baseline(change: Any, matcher: Matcher, lang: str | None) -> frozenset[str]:
    """What a keyword search reports: any indicator anywhere in the clause's old or new text.

    Its category is the one of its strongest indicator, as the detector reports one main concern.
    """
    found = [
        match.rule
        for text in (change.old_text, change.new_text)
        if text
        for match in matcher.find(tokenize(text), lang)
        if match.rule.kind in _INDICATOR_KINDS
    ]
    return frozenset([max(found, key=lambda rule: rule.weight).category] if found else [])


def _score_pair(name: str, old: Path, new: Path, labels_path: Path, matcher: Matcher) -> tuple:
    labels = _read_labels(labels_path)
    by_key = {(normalise_heading(x["section"]), normalise_label(x["label"])): x for x in labels}
    comparison = _compare(old.read_text(encoding="utf-8"), new.read_text(encoding="utf-8"))
    flagged = flag_comparison(comparison, matcher.rules)
    lang = getattr(comparison.new, "lang", None)
    groups: dict[tuple, list[_Scored]] = {}
    for index, item in enumerate(flagged.changes):
        change = item.change
        if change.kind == "unchanged":
            continue
        label = change.old_label if change.kind == "deleted" else change.new_label
        key = (normalise_heading(change.section), normalise_label(label))
        truth = by_key.get(key)
        row = _Scored(
            pair=name,
            section=change.section,
            label=label or "",
            kind=change.kind,
            expected=truth["category"] if truth and truth["expands_mandate"] else None,
            labelled=truth is not None,
            detector=_main_category(item.flags),
            baseline=_baseline(change, matcher, lang),
            reasons=tuple(f"{f.severity} {f.category}: {f.reason}" for f in item.flags),
        )
        groups.setdefault(key if truth else (index,), []).append(row)
    scored = [_merge(rows) for rows in groups.values()]
    unmatched = [{"pair": name, **x} for key, x in by_key.items() if key not in groups]
    return scored, unmatched


def _merge(rows: list[_Scored]) -> _Scored:
    """One labelled clause reported as several changes (deleted + added) is judged once."""
    if len(rows) == 1:
        return rows[0]
    first = rows[0]
    return _Scored(
        pair=first.pair,
        section=first.section,
        label=first.label,
        kind="+".join(row.kind for row in rows),
        expected=first.expected,
        labelled=first.labelled,
        detector=next((row.detector for row in rows if row.detector), frozenset()),
        baseline=frozenset().union(*(row.baseline for row in rows)),
        reasons=tuple(reason for row in rows for reason in row.reasons),
    )


def _metrics(rows: Sequence[tuple[bool, bool]]) -> dict[str, float | int]:
    tp = sum(1 for predicted, actual in rows if predicted and actual)
    fp = sum(1 for predicted, actual in rows if predicted and not actual)
    fn = sum(1 for predicted, actual in rows if actual and not predicted)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
    }


def _system(scored: Sequence[_Scored], missed: Sequence[str | None], attribute: str) -> dict:
    """Metrics of one system (detector or baseline); ``missed`` are unmatched positive labels."""
    predicted = [getattr(row, attribute) for row in scored]
    overall = [
        (bool(p), row.expected is not None) for p, row in zip(predicted, scored, strict=True)
    ]
    overall += [(False, True) for _ in missed]
    per_category = {}
    for category in CATEGORIES:
        rows = [
            (category in p, row.expected == category)
            for p, row in zip(predicted, scored, strict=True)
        ]
        rows += [(False, True) for expected in missed if expected == category]
        per_category[category] = _metrics(rows)
    return {"overall": _metrics(overall), "per_category": per_category}


def evaluate_dir(path: Path | str, rules: Iterable[Rule]) -> dict[str, Any]:
    """Precision, recall and F1 of the detector and of the keyword baseline on a labelled set."""
    matcher = compile_rules(tuple(rules))
    scored: list[_Scored] = []
    unmatched: list[dict] = []
    pairs = _pairs(Path(path))
    for name, old, new, labels in pairs:
        rows, missing = _score_pair(name, old, new, labels, matcher)
        scored += rows
        unmatched += missing
    missed = [x["category"] for x in unmatched if x["expands_mandate"]]
    mistakes = [
        {
            "pair": row.pair,
            "section": row.section,
            "label": row.label,
            "kind": row.kind,
            "expected": row.expected,
            "labelled": row.labelled,
            "detector": sorted(row.detector),
            "flags": list(row.reasons),
        }
        for row in scored
        if bool(row.detector) != (row.expected is not None)
        or (row.expected and row.expected not in row.detector)
    ]
    return {
        "pairs": len(pairs),
        "changes": len(scored),
        "labelled_changes": sum(row.labelled for row in scored),
        "positives": sum(row.expected is not None for row in scored) + len(missed),
        "detector": _system(scored, missed, "detector"),
        "baseline": _system(scored, missed, "baseline"),
        "unmatched_labels": unmatched,
        "mistakes": mistakes,
    }


def _line(name: str, metrics: dict) -> str:
    return (
        f"  {name:<22} P={metrics['precision']:.2f} R={metrics['recall']:.2f} "
        f"F1={metrics['f1']:.2f}  (tp={metrics['tp']} fp={metrics['fp']} fn={metrics['fn']})"
    )


def format_report(result: dict[str, Any]) -> str:
    lines = [
        f"{result['pairs']} pairs, {result['changes']} changes "
        f"({result['labelled_changes']} labelled), {result['positives']} expand the mandate",
    ]
    for system in ("detector", "baseline"):
        lines.append(f"{system}:")
        lines.append(_line("overall", result[system]["overall"]))
        for category, metrics in result[system]["per_category"].items():
            lines.append(_line(category, metrics))
    for label in result["unmatched_labels"]:
        lines.append(
            f"unmatched label: {label['pair']} '{label['section']}' {label['label']} "
            f"(expands_mandate={str(label['expands_mandate']).lower()})"
        )
    for mistake in result["mistakes"]:
        expected = mistake["expected"] or "nothing"
        found = ", ".join(mistake["detector"]) or "nothing"
        lines.append(
            f"mistake: {mistake['pair']} '{mistake['section']}' {mistake['label']} "
            f"({mistake['kind']}): expected {expected}, flagged {found}"
        )
    return "\n".join(lines)
