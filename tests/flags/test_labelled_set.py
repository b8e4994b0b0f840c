"""Format checks for the labelled mission-expansion set in tests/data/flags.

The set is the yardstick `evaluate_flags` measures the detector against, so a
malformed entry would silently skew precision and recall: these tests keep the
contract of issue 5 (NAME.old.txt, NAME.new.txt, NAME.labels.json) honest.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

SET_DIR = Path(__file__).resolve().parents[1] / "data" / "flags"
CATEGORIES = {
    "internet-governance",
    "internet-standards",
    "emerging-tech",
    "multistakeholder",
    "human-rights",
}
# Clause labels as ITU prints them: "a)", "ii)", "12".
LABEL_RE = re.compile(r"[a-z]{1,4}\)|\d{1,2}")
ENTRY_KEYS = {"section", "label", "expands_mandate", "category", "why"}
LANGUAGE_OF_HEADER = {"RESOLUTION": "en", "RÉSOLUTION": "fr", "RESOLUCIÓN": "es"}
HEADER_RE = re.compile(
    r"^(RESOLUTION|RÉSOLUTION|RESOLUCIÓN) \d+ \((Rev\. |Rév\. )?[^()]+, \d{4}\)$"
)
ASSEMBLY_RE = re.compile(r"^(The |L'|La ).+ \([^()]+, \d{4}\),$")


@dataclass(frozen=True)
class Clause:
    section: str
    label: str
    text: str


@dataclass(frozen=True)
class Text:
    language: str
    clauses: tuple[Clause, ...]


def parse(path: Path) -> Text:
    """Scan a resolution text: headings alone on a line, clauses as LABEL<TAB>text."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = HEADER_RE.match(lines[0])
    assert header, f"{path.name}: first line is not a resolution header: {lines[0]!r}"
    body_start = next(i for i, line in enumerate(lines) if ASSEMBLY_RE.match(line)) + 1
    section, clauses = "", []
    for line in lines[body_start:]:
        if "\t" in line:
            label, text = line.split("\t", 1)
            clauses.append(Clause(section, label, text))
        elif not line.rstrip().endswith((",", ";", ".", ":")):
            # Unlabelled paragraphs end with punctuation; headings never do.
            section = line.strip()
    return Text(LANGUAGE_OF_HEADER[header.group(1)], tuple(clauses))


def pair_names(set_dir: Path = SET_DIR) -> list[str]:
    return sorted(p.name.removesuffix(".labels.json") for p in set_dir.glob("*.labels.json"))


def load_labels(name: str, set_dir: Path = SET_DIR) -> list[dict]:
    return json.loads((set_dir / f"{name}.labels.json").read_text(encoding="utf-8"))


def all_entries(set_dir: Path = SET_DIR) -> list[tuple[str, dict]]:
    return [
        (parse(set_dir / f"{n}.new.txt").language, e)
        for n in pair_names(set_dir)
        for e in load_labels(n, set_dir)
    ]


# The check_* functions take the set's directory so that other labelled sets in the
# same format (the held-out set) are held to the same contract without copying them.


def check_files(set_dir: Path) -> None:
    stems = Counter()
    for path in set_dir.iterdir():
        if path.name == "README.md":
            continue
        match = re.fullmatch(r"(.+)\.(old\.txt|new\.txt|labels\.json)", path.name)
        assert match, f"unexpected file {path.name}"
        stems[match.group(1)] += 1
    assert stems and all(count == 3 for count in stems.values()), stems
    assert (set_dir / "README.md").is_file()


def check_layout(set_dir: Path, name: str) -> None:
    old, new = parse(set_dir / f"{name}.old.txt"), parse(set_dir / f"{name}.new.txt")
    assert old.language == new.language
    assert name.startswith(f"{new.language}_"), "file name must start with its language code"
    for text in (old, new):
        keys = Counter((c.section, c.label) for c in text.clauses)
        assert all(c.section for c in text.clauses), "clause before any heading"
        assert [k for k, n in keys.items() if n > 1] == []


def check_entries(set_dir: Path, name: str) -> None:
    entries = load_labels(name, set_dir)
    assert isinstance(entries, list) and entries
    for entry in entries:
        assert set(entry) == ENTRY_KEYS, entry
        assert isinstance(entry["expands_mandate"], bool)
        assert LABEL_RE.fullmatch(entry["label"]) and entry["section"], entry
        # A negative has no category, so per-category scores count only expansions.
        if entry["expands_mandate"]:
            assert entry["category"] in CATEGORIES, entry
        else:
            assert entry["category"] is None, entry
        assert len(entry["why"]) > 20 and entry["why"].endswith("."), entry
    keys = Counter((e["section"], e["label"]) for e in entries)
    assert [k for k, n in keys.items() if n > 1] == []


def check_labelled_clauses_exist(set_dir: Path, name: str) -> None:
    new_keys = {(c.section, c.label) for c in parse(set_dir / f"{name}.new.txt").clauses}
    old_keys = {(c.section, c.label) for c in parse(set_dir / f"{name}.old.txt").clauses}
    for entry in load_labels(name, set_dir):
        assert (entry["section"], entry["label"]) in new_keys | old_keys, entry


def check_changed_clauses_labelled(set_dir: Path, name: str) -> None:
    old, new = parse(set_dir / f"{name}.old.txt"), parse(set_dir / f"{name}.new.txt")
    labelled = {(e["section"], e["label"]) for e in load_labels(name, set_dir)}
    old_texts, new_texts = {c.text for c in old.clauses}, {c.text for c in new.clauses}
    # Added or modified clauses are labelled with their new label; deleted or
    # modified ones with their old label (which a modification keeps).
    added = [(c.section, c.label) for c in new.clauses if c.text not in old_texts]
    removed = [(c.section, c.label) for c in old.clauses if c.text not in new_texts]
    assert [k for k in added + removed if k not in labelled] == []


def check_size(set_dir: Path, total: int, per_language: int) -> None:
    entries = all_entries(set_dir)
    assert len(entries) >= total
    for language in ("en", "fr", "es"):
        classes = Counter(e["expands_mandate"] for lang, e in entries if lang == language)
        assert classes[True] + classes[False] >= per_language, language
        assert classes[True] and classes[False], language


def check_positive_share(set_dir: Path, low: float, high: float) -> None:
    entries = all_entries(set_dir)
    positives = sum(e["expands_mandate"] for _, e in entries)
    assert low <= positives / len(entries) <= high


def check_every_category_has_positives(set_dir: Path) -> None:
    categories = Counter(e["category"] for _, e in all_entries(set_dir) if e["expands_mandate"])
    assert set(categories) == CATEGORIES


def test_every_pair_has_its_three_files_and_nothing_else_is_stray() -> None:
    check_files(SET_DIR)


@pytest.mark.parametrize("name", pair_names())
def test_texts_follow_the_layout_and_labels_are_unique_per_section(name: str) -> None:
    check_layout(SET_DIR, name)


@pytest.mark.parametrize("name", pair_names())
def test_label_entries_have_valid_fields_and_values(name: str) -> None:
    check_entries(SET_DIR, name)


@pytest.mark.parametrize("name", pair_names())
def test_each_labelled_clause_exists_in_the_new_or_old_text(name: str) -> None:
    check_labelled_clauses_exist(SET_DIR, name)


@pytest.mark.parametrize("name", pair_names())
def test_every_changed_clause_carries_a_label(name: str) -> None:
    check_changed_clauses_labelled(SET_DIR, name)


def test_the_set_is_large_enough_in_each_language_with_both_classes() -> None:
    check_size(SET_DIR, total=45, per_language=10)


def test_positives_stay_a_minority_so_precision_is_tested() -> None:
    check_positive_share(SET_DIR, 0.3, 0.6)


def test_every_category_has_positive_examples() -> None:
    check_every_category_has_positives(SET_DIR)
