"""Read plain-text and Markdown contributions."""

from .errors import ReadError
from .result import ReadResult

_UTF16_BOMS = {b"\xff\xfe": "UTF-16 LE", b"\xfe\xff": "UTF-16 BE"}
_UTF8_BOM = b"\xef\xbb\xbf"


def read_text(data: bytes) -> ReadResult:
    """UTF-8 text (a byte-order mark is fine), newlines normalised to "\\n"."""
    return ReadResult(None, decode_utf8(data), "text", ())


def decode_utf8(data: bytes) -> str:
    """Decode UTF-8 or raise a ReadError that says where and what the encoding probably is."""
    for bom, name in _UTF16_BOMS.items():
        if data.startswith(bom):
            raise ReadError(f"text is {name} (byte-order mark at byte 0); save it as UTF-8")
    skipped = len(_UTF8_BOM) if data.startswith(_UTF8_BOM) else 0
    try:
        text = data[skipped:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = skipped + exc.start
        raise ReadError(f"not valid UTF-8 at byte {offset}{_guess(data)}") from exc
    if "\x00" in text:
        raise ReadError(f"binary content: NUL byte at byte {skipped + text.index(chr(0))}")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _guess(data: bytes) -> str:
    """Name the likely encoding: Word and Windows editors save "ANSI" text as Windows-1252."""
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return ""
    return " (is it Windows-1252?)"
