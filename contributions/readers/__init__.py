"""Turn an uploaded contribution (.docx, .pdf, .txt, .md) into text, safely.

Pure Python (no Django): the importer, the admin and the ``docx_text`` command call
:func:`read_document`; every problem with the input is a :class:`ReadError` with a one-line
message the caller prefixes with the file name.
"""

from pathlib import PurePath

from .docx import docx_text, read_docx
from .errors import ReadError
from .limits import DEFAULT_LIMITS, Limits, check_size
from .pdf import read_pdf
from .result import ReadResult
from .text import read_text

__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "ReadError",
    "ReadResult",
    "docx_text",
    "read_document",
    "read_docx",
    "read_pdf",
    "read_text",
    "sniff",
]

EXTENSIONS = {".docx": "docx", ".pdf": "pdf", ".txt": "text", ".md": "text"}
_CONTENT_NAMES = {
    "docx": "a zip archive (a Word .docx?)",
    "pdf": "a PDF",
    "doc": "a legacy Word .doc file (save it as .docx)",
    "text": "text",
}


def sniff(data: bytes) -> str:
    """What the bytes are, whatever the file is called: "docx", "pdf", "doc" or "text"."""
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "docx"
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2, i.e. Word 97-2003
        return "doc"
    return "text"


def read_document(data: bytes, filename: str, limits: Limits = DEFAULT_LIMITS) -> ReadResult:
    """Read a contribution, checking its size and that its content matches its extension."""
    extension = PurePath(filename).suffix.lower()
    expected = EXTENSIONS.get(extension)
    if expected is None:
        raise ReadError(
            f"unsupported file type {extension or '(no extension)'}: "
            "expected .docx, .pdf, .txt or .md"
        )
    check_size(data, limits)
    found = sniff(data)
    # A .docx holding text is reported by the zip check ("not a zip archive"), which says more.
    if found != expected and not (expected == "docx" and found == "text"):
        raise ReadError(f"content is {_CONTENT_NAMES[found]} but the name ends in {extension}")
    if expected == "docx":
        return read_docx(data, limits)
    if expected == "pdf":
        return read_pdf(data)
    return read_text(data)
