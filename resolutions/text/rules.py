"""Watch-term rules and the word matcher behind the mission-expansion detector.

Rules are data (``watch_terms.json``, later the ``WatchTerm`` model) so CSO staff can tune them
without a deploy. A pattern is a sequence of words matched on whole words after accent and case
folding: ``"gestion de l'Internet"`` matches "Gestion de l’internet". A word ending in ``*`` matches
any word starting with it (``"recommendation*"``), ``#`` matches any number (``"resolution #"``) and
``~`` stands for up to three words of any kind (``"identification ~ of users"``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

CATEGORIES = (
    "internet-governance",
    "internet-standards",
    "emerging-tech",
    "multistakeholder",
    "human-rights",
)

# What each kind of rule means to the detector (see flags.py for how they combine).
KINDS = {
    "term": "category indicator: adding it to an operative clause widens the mandate",
    "safeguard": "category indicator whose removal widens the mandate (multistakeholder wording)",
    "mandate-verb": "work the ITU is told to do (develop Recommendations, lead, coordinate, study)",
    "modality": "strength of an obligation (weight 1 = may/invite … 3 = shall/instructs)",
    "limiting": "words that bound the mandate; deleting them widens it",
    "negation": "cue that negates the words after it (shall not …)",
    "citation": "cue that starts a reference to another text (Resolution 102 …)",
    "title": "words that introduce a cited text's title (relating to, relative à, relativa a)",
    "ignore": "phrase that hides shorter matches inside it (study groups, developing countries)",
}

DEFAULT_RULES_PATH = Path(__file__).with_name("watch_terms.json")

_WORD = re.compile(r"[^\W_]+")
# Letters that NFKD does not decompose but that readers treat as two letters.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ı": "i"})


@dataclass(frozen=True)
class Rule:
    """One watch term. ``category`` is None for signal kinds that belong to no category."""

    category: str | None
    language: str
    pattern: str
    weight: float
    kind: str = "term"
    note: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown rule kind {self.kind!r} for pattern {self.pattern!r}")
        if self.category is not None and self.category not in CATEGORIES:
            raise ValueError(f"unknown category {self.category!r} for pattern {self.pattern!r}")
        words = pattern_words(self.pattern)
        if not words or GAP in (words[0], words[-1]):
            raise ValueError(f"pattern {self.pattern!r} must start and end with a word")

    @classmethod
    def from_dict(cls, data: dict) -> Rule:
        return cls(
            category=data.get("category") or None,
            language=data["language"],
            pattern=data["pattern"],
            weight=float(data.get("weight", 1.0)),
            kind=data.get("kind", "term"),
            note=data.get("note", ""),
        )

    def to_dict(self) -> dict:
        return {
            "category": self.category or "",  # as the WatchTerm model stores it (blank)
            "language": self.language,
            "pattern": self.pattern,
            "weight": self.weight,
            "note": self.note,
            "kind": self.kind,
        }


def load_rules(path: Path | str) -> tuple[Rule, ...]:
    with open(path, encoding="utf-8") as handle:
        return tuple(Rule.from_dict(item) for item in json.load(handle))


def load_default_rules() -> tuple[Rule, ...]:
    return load_rules(DEFAULT_RULES_PATH)


def fold(word: str) -> str:
    """Case- and accent-insensitive form of a word, so 'Élaborer' and 'elaborer' compare equal."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().translate(_LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


GAP = "~"
MAX_GAP = 3


def pattern_words(pattern: str) -> tuple[str, ...]:
    words = []
    for raw in pattern.split():
        if raw == GAP:
            words.append(GAP)
            continue
        star = raw.endswith("*")
        parts = [fold(part) for part in _WORD.findall(raw)] or (["#"] if raw == "#" else [])
        if star and parts:
            parts[-1] += "*"
        words.extend(parts)
    return tuple(words)


@dataclass(frozen=True)
class Token:
    text: str
    folded: str
    start: int
    end: int
    changed: bool  # inserted (new side) or deleted (old side) by the change


@dataclass(frozen=True)
class Match:
    rule: Rule
    first: int  # index of the first token
    last: int  # index of the last token (inclusive)

    @property
    def length(self) -> int:
        return self.last - self.first + 1

    def overlaps(self, other: Match) -> bool:
        return self.first <= other.last and other.first <= self.last


def tokenize(text: str, changed: Sequence[bool] | None = None) -> tuple[Token, ...]:
    """Words of ``text``; ``changed`` flags characters, and a word is changed if any of its is."""
    tokens = []
    for found in _WORD.finditer(text):
        start, end = found.span()
        is_changed = bool(changed) and any(changed[start:end])
        tokens.append(Token(found.group(), fold(found.group()), start, end, is_changed))
    return tuple(tokens)


def _word_matches(expected: str, folded: str) -> bool:
    if expected == "#":
        return folded.isdigit()
    if expected.endswith("*"):
        return folded.startswith(expected[:-1])
    return expected == folded


class Matcher:
    """Rules compiled once: an index from first word to the rules that can start there."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = tuple(rules)
        self._exact: dict[tuple[str, str], list[tuple[Rule, tuple[str, ...]]]] = {}
        self._wild: dict[str, list[tuple[Rule, tuple[str, ...]]]] = {}
        for rule in self.rules:
            words = pattern_words(rule.pattern)
            head = words[0]
            if head.endswith("*") or head == "#":
                self._wild.setdefault(rule.language, []).append((rule, words))
            else:
                self._exact.setdefault((rule.language, head), []).append((rule, words))

    @cached_property
    def negation_words(self) -> frozenset[str]:
        """Single-word negation cues, also recognised at the start of longer phrases."""
        return frozenset(
            words[0]
            for rule in self.rules
            if rule.kind == "negation" and len(words := pattern_words(rule.pattern)) == 1
        )

    def languages(self) -> frozenset[str]:
        return frozenset(rule.language for rule in self.rules)

    def find(self, tokens: Sequence[Token], lang: str | None) -> list[Match]:
        """Every match of every rule in ``lang`` (all languages when None), overlaps included."""
        langs = [lang] if lang else sorted(self.languages())
        found = []
        for index, token in enumerate(tokens):
            for language in langs:
                candidates = self._exact.get((language, token.folded), []) + self._wild.get(
                    language, []
                )
                for rule, words in candidates:
                    last = _match_from(words, tokens, index)
                    if last is not None:
                        found.append(Match(rule, index, last))
        return found


def _match_from(words: Sequence[str], tokens: Sequence[Token], start: int) -> int | None:
    """Index of the last token when ``words`` match from ``start``; a ``~`` skips 0 to 3 words."""
    if not words:
        return start - 1
    if words[0] == GAP:
        for skip in range(MAX_GAP + 1):
            last = _match_from(words[1:], tokens, start + skip)
            if last is not None:
                return last
        return None
    if start < len(tokens) and _word_matches(words[0], tokens[start].folded):
        return _match_from(words[1:], tokens, start + 1)
    return None


@lru_cache(maxsize=16)
def compile_rules(rules: tuple[Rule, ...]) -> Matcher:
    """The matcher for a rule set, built once and reused for every change of a comparison."""
    return Matcher(rules)
