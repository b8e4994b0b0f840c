"""Clause labels: "a)", "i)", "1", "1.1", "–", "•" and which label follows which."""

from __future__ import annotations

import re

LABEL = r"(?:\(?(?:[a-z]{1,2}|[ivxlc]{1,6})\)|\d{1,3}(?:\.\d{1,3})*\)?|[•·–—-])"
LABEL_AT_START = re.compile(rf"^(?P<label>{LABEL})\s+(?=\S)")
# An item printed inside a paragraph ("…: i) …; ii) …"): after ";", ":" or "." only, because a
# comma before "2" is far more often "Resolutions 1, 2 and 3" than a list.
INLINE_LABEL = re.compile(rf"(?<=[;:.])\s+(?P<label>{LABEL})\s+(?=\S)")
INLINE_BULLET = re.compile(r"\s+(?P<label>[•·])\s+(?=\S)")
BULLETS = "•·"
DASHES = "–—-"
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def core(label: str) -> str:
    return label.strip("()")


def roman_value(label: str) -> int | None:
    text = core(label)
    if not text or any(ch not in _ROMAN for ch in text):
        return None
    total = 0
    for ch, nxt in zip(text, text[1:] + " ", strict=True):
        value = _ROMAN[ch]
        total += -value if nxt != " " and _ROMAN[nxt] > value else value
    return total


def letter_value(label: str) -> int | None:
    text = core(label)
    if not label.endswith(")") or not text.isalpha() or not text.islower():
        return None
    if len(text) == 1:
        return ord(text) - ord("a") + 1
    if len(text) == 2 and text[0] == text[1]:  # "aa)" follows "z)"
        return 26 + ord(text[0]) - ord("a") + 1
    return None


def number_parts(label: str) -> tuple[int, ...] | None:
    text = label.rstrip(")")
    if not re.fullmatch(r"\d+(?:\.\d+)*", text):
        return None
    return tuple(int(p) for p in text.split("."))


def is_successor(prev: str, nxt: str) -> bool:
    if prev[:1] in BULLETS + DASHES and nxt[:1] in BULLETS + DASHES:
        return (prev[:1] in BULLETS) == (nxt[:1] in BULLETS)
    p, n = number_parts(prev), number_parts(nxt)
    if p and n:
        return len(p) == len(n) and p[:-1] == n[:-1] and n[-1] == p[-1] + 1
    for value in (letter_value, roman_value):
        a, b = value(prev), value(nxt)
        if a is not None and b is not None and b == a + 1:
            return True
    return False


def is_first(label: str) -> bool:
    """Can start a list: "a)", "i)", "1", "1.1", a bullet or a dash."""
    if label[:1] in BULLETS + DASHES:
        return True
    parts = number_parts(label)
    if parts:
        return parts[-1] == 1
    return core(label) in ("a", "i")


def is_child_form(parent: str, label: str) -> bool:
    """A label that can only start a sub-list under `parent`: i) under a letter, 1.1 under 1."""
    parts, parent_parts = number_parts(label), number_parts(parent)
    if parts and parent_parts:
        return (
            len(parts) == len(parent_parts) + 1
            and parts[:-1] == parent_parts
            and parts[-1] == 1
        )
    if core(label) == "i" and letter_value(parent) is not None:
        return parent != "h)"
    return bool(core(label) == "a" and parent_parts)
