"""Word-level diff on diff-match-patch.

Each word, run of spaces and punctuation mark becomes one character (as diff-match-patch's own
line mode does with lines), the character strings are diffed, cleaned up semantically, then
decoded back. A reader sees "Genève, 2022" struck and "New Delhi, 2024" inserted, never half a
word. The timeout is 0 (no deadline), so the result never depends on machine load.
"""

from __future__ import annotations

import re

from diff_match_patch import diff_match_patch

from .model import Op

TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_FIRST = 0x100  # keep clear of control characters
_SURROGATES = range(0xD800, 0xE000)

_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0  # deterministic: never trade accuracy for time


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def _code(index: int) -> str:
    point = _FIRST + index
    if point >= _SURROGATES.start:
        point += len(_SURROGATES)
    return chr(point)


def _encode(texts: tuple[str, ...]) -> tuple[list[str], dict[str, str]]:
    """Each distinct token as one character; returns the strings and character -> token."""
    vocabulary: dict[str, str] = {}
    decoded: dict[str, str] = {}
    encoded = []
    for text in texts:
        chars = []
        for token in tokens(text):
            code = vocabulary.get(token)
            if code is None:
                code = vocabulary[token] = _code(len(decoded))
                decoded[code] = token
            chars.append(code)
        encoded.append("".join(chars))
    return encoded, decoded


def word_diff(old: str, new: str) -> tuple[Op, ...]:
    """diff_match_patch ops (-1 delete, 0 equal, 1 insert) at whole-word granularity."""
    if old == new:
        return ((0, old),) if old else ()
    (a, b), vocabulary = _encode((old, new))
    diffs = _DMP.diff_main(a, b, False)
    _DMP.diff_cleanupSemantic(diffs)
    decoded = [(op, "".join(vocabulary[c] for c in chars)) for op, chars in diffs]
    return _absorb_separators(decoded)


def _absorb_separators(diffs: list[tuple[int, str]]) -> tuple[Op, ...]:
    """Fold a bare ", " or " " left equal between two edits into them.

    Semantic cleanup counts tokens, so the two-token ", " in "Genève, 2022" -> "New Delhi, 2024"
    outweighs the one-token years and survives; a reader wants one struck phrase and one
    inserted phrase instead.
    """
    out: list[tuple[int, str]] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        if deleted:
            out.append((-1, "".join(deleted)))
        if inserted:
            out.append((1, "".join(inserted)))
        deleted.clear()
        inserted.clear()

    for k, (op, text) in enumerate(diffs):
        if op == -1:
            deleted.append(text)
        elif op == 1:
            inserted.append(text)
        elif (deleted or inserted) and k + 1 < len(diffs) and _is_separator(text):
            deleted.append(text)
            inserted.append(text)
        else:
            flush()
            if out and out[-1][0] == 0:
                out[-1] = (0, out[-1][1] + text)
            elif text:
                out.append((0, text))
    flush()
    return tuple(out)


def _is_separator(text: str) -> bool:
    return len(text) <= 3 and not re.search(r"\w", text)


def char_diff(old: str, new: str, timeout: float = 0) -> list[tuple[int, str]]:
    """Plain character diff (the benchmark's baseline)."""
    dmp = diff_match_patch()
    dmp.Diff_Timeout = timeout
    return dmp.diff_main(old, new)


def old_side(ops: tuple[Op, ...]) -> str:
    return "".join(text for op, text in ops if op <= 0)


def new_side(ops: tuple[Op, ...]) -> str:
    return "".join(text for op, text in ops if op >= 0)
