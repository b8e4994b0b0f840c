"""What every reader returns."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadResult:
    """The text of one document.

    ``old_text`` is the text before the proposer's changes (tracked changes rejected, or
    strikethrough kept and underline dropped); it is None when the document carries no changes,
    i.e. it holds the proposed text alone. ``new_text`` is the proposed text. Paragraphs are
    separated by "\\n". ``kind`` is "docx", "pdf" or "text"; ``warnings`` are things a reviewer
    should know that did not stop the reading.
    """

    old_text: str | None
    new_text: str
    kind: str
    warnings: tuple[str, ...] = ()
