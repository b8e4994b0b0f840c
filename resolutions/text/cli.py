"""Pure functions the management commands wrap (parse_resolution, compare_texts)."""

from __future__ import annotations

from .align import compare
from .model import Comparison
from .parser import parse
from .serialize import comparison_to_dict, document_report, document_to_dict
from .serialize import text_report as _text_report


def parse_json(text: str, lang: str | None = None) -> dict:
    """{"title", "number", "history", "sections": [{"heading", "kind", "clauses": […]}], …}"""
    return document_to_dict(parse(text, lang))


def parse_report(text: str, lang: str | None = None) -> str:
    return document_report(parse(text, lang))


def compare_texts(old_text: str, new_text: str, lang: str | None = None) -> Comparison:
    return compare(parse(old_text, lang), parse(new_text, lang))


def compare_json(old_text: str, new_text: str, lang: str | None = None) -> dict:
    """{"changes": [{"kind", "section", "operative", "old_label", "new_label", "old_text",
    "new_text", "ops": [[op, text], …]}, …], "summary": …}"""
    return comparison_to_dict(compare_texts(old_text, new_text, lang))


def text_report(comparison: Comparison) -> str:
    """Readable, colour-free report of a comparison."""
    return _text_report(comparison)
