"""Read contributions published only as PDF.

Text comes from pypdf (BSD-3-Clause licence, pure Python): it fits an open-source project and
needs no system library. PDF keeps no paragraphs, so the text is pypdf's lines, pages joined
by a newline.
"""

import io

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError

from .errors import ReadError
from .result import ReadResult

_MAX_PAGES = 2000  # ITU contributions run to tens of pages; thousands means something is wrong


def read_pdf(data: bytes) -> ReadResult:
    """The text layer of a PDF; a scanned PDF (no text layer) is a ReadError."""
    pages = _pages_text(data)
    text = "\n".join(page.strip("\n") for page in pages).strip()
    if not text:
        raise ReadError("PDF has no text layer (scanned?)")
    return ReadResult(None, text, "pdf", ())


def _pages_text(data: bytes) -> list[str]:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError("PDF is encrypted with a password")
        if len(reader.pages) > _MAX_PAGES:
            raise ReadError(f"PDF has {len(reader.pages)} pages, over the {_MAX_PAGES} limit")
        return [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except FileNotDecryptedError as exc:
        raise ReadError("PDF is encrypted with a password") from exc
    except PdfReadError as exc:
        raise ReadError(f"damaged PDF ({_one_line(exc)})") from exc
    except Exception as exc:
        # On hostile or broken input pypdf raises nearly anything (KeyError, TypeError,
        # RecursionError...); each is a damaged file to the caller, never a crash.
        raise ReadError(f"damaged PDF ({type(exc).__name__}: {_one_line(exc)})") from exc


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
