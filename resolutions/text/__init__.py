"""Text engine: parse ITU resolutions into clauses and compare two texts clause by clause.

Pure Python (standard library + diff_match_patch); no Django import anywhere in this package.
"""

from .align import compare
from .model import (
    Change,
    Clause,
    Comparison,
    Document,
    ParseError,
    Section,
)
from .parser import detect_language, parse

__all__ = [
    "Change",
    "Clause",
    "Comparison",
    "Document",
    "ParseError",
    "Section",
    "compare",
    "detect_language",
    "parse",
]
