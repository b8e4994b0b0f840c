"""read_document: format sniffing, every bad input of the import issue, text and PDF reading."""

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contributions.markup import split_proposals
from contributions.readers import Limits, ReadError, ReadResult, read_document
from contributions.readers.limits import DEFAULT_LIMITS, MB
from tests.support.bombs import declared_huge_zip
from tests.support.docx_builder import build_docx
from tests.support.pdf_builder import blank_pdf, text_pdf

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _read_error(data: bytes, filename: str, limits: Limits = DEFAULT_LIMITS) -> str:
    with pytest.raises(ReadError) as caught:
        read_document(data, filename, limits)
    message = str(caught.value)
    assert "\n" not in message, "a ReadError is one line"
    return message


def _replace_member(data: bytes, name: str, content: bytes | None) -> bytes:
    """A copy of a zip with one member replaced (or removed when ``content`` is None)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w") as target,
    ):
        for entry in source.infolist():
            if entry.filename != name:
                target.writestr(entry, source.read(entry))
        if content is not None:
            target.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


@pytest.fixture(scope="module")
def docx_bytes() -> bytes:
    return build_docx(["RESOLUTION 75 (Rev. Geneva, 2022)", [("keep", "a) "), ("ins", "new")]])


# --------------------------------------------------------------------------- the good cases


def test_it_reads_a_docx_by_its_content(docx_bytes):
    result = read_document(docx_bytes, "Contribution 37A22.DOCX")

    assert result == ReadResult(
        "RESOLUTION 75 (Rev. Geneva, 2022)\na) ",
        "RESOLUTION 75 (Rev. Geneva, 2022)\na) new",
        "docx",
    )


def test_it_reads_the_text_layer_of_a_pdf():
    result = read_document(text_pdf(["RESOLUTION 75 (Rev. Geneva, 2022)", "considering"]), "d.pdf")

    assert result == ReadResult(None, "RESOLUTION 75 (Rev. Geneva, 2022)\nconsidering", "pdf")


def test_it_reads_utf8_text_with_a_byte_order_mark_and_windows_newlines():
    data = "\ufeffRÉSOLUTION 75 (Rév. Genève, 2022)\r\nconsidérant\r\n".encode()

    result = read_document(data, "proposal.txt")

    assert result == ReadResult(None, "RÉSOLUTION 75 (Rév. Genève, 2022)\nconsidérant\n", "text")


def test_it_reads_markdown_as_text():
    assert read_document(b"# RESOLUTION 75\n\n*considering*", "p.md").new_text == (
        "# RESOLUTION 75\n\n*considering*"
    )


# --------------------------------------------------------------------------- bad input


def test_it_refuses_a_docx_that_is_not_a_zip():
    assert _read_error(b"RESOLUTION 75 as plain text", "p.docx") == "not a zip archive"


def test_it_refuses_a_truncated_zip(docx_bytes):
    message = _read_error(docx_bytes[: len(docx_bytes) // 2], "p.docx")

    assert message == "truncated or damaged zip archive (no central directory)"


def test_it_refuses_a_zip_bomb_by_compression_ratio(docx_bytes):
    bomb = _replace_member(docx_bytes, "word/media/image1.bin", bytes(4 * MB))

    message = _read_error(bomb, "p.docx")

    assert message.startswith("zip bomb: word/media/image1.bin expands ")
    assert message.endswith("times (limit 100)")


def test_it_refuses_a_zip_bomb_by_total_declared_size(docx_bytes):
    """A bomb's central directory announces gigabytes: refused before anything is inflated."""
    assert _read_error(declared_huge_zip(), "p.docx") == (
        "zip bomb: uncompressed size 2.1 GB exceeds the 200 MB limit"
    )


def test_it_refuses_a_zip_beyond_the_configured_total_size(docx_bytes):
    message = _read_error(docx_bytes, "p.docx", Limits(max_uncompressed=100 * 1024))

    assert message.startswith("zip bomb: uncompressed size ")
    assert message.endswith("exceeds the 100 kB limit")


def test_it_refuses_a_zip_with_too_many_entries(docx_bytes):
    message = _read_error(docx_bytes, "p.docx", Limits(max_entries=5))

    assert message.startswith("zip bomb: ") and message.endswith("exceed the 5 entry limit")


BILLION_LAUGHS = f"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol4;</w:t></w:r></w:p></w:body>
</w:document>"""


def test_it_refuses_an_xml_bomb(docx_bytes):
    bomb = _replace_member(docx_bytes, "word/document.xml", BILLION_LAUGHS.encode())

    assert _read_error(bomb, "p.docx") == (
        "XML declares a DOCTYPE in word/document.xml (entity expansion refused)"
    )


def test_it_refuses_a_doctype_in_utf16_xml(docx_bytes):
    bomb = _replace_member(
        docx_bytes,
        "word/document.xml",
        BILLION_LAUGHS.replace('"1.0"', '"1.0" encoding="UTF-16"').encode("utf-16"),
    )

    assert "DOCTYPE" in _read_error(bomb, "p.docx")


def test_it_refuses_a_docx_without_a_body(docx_bytes):
    empty = _replace_member(
        docx_bytes, "word/document.xml", f'<w:document xmlns:w="{W_NS}"/>'.encode()
    )

    assert _read_error(empty, "p.docx") == "no document body"


def test_it_refuses_a_zip_that_is_not_a_word_document(docx_bytes):
    workbook = _replace_member(docx_bytes, "word/document.xml", None)

    assert _read_error(workbook, "p.docx") == (
        "no document body (no word/document.xml: not a Word document)"
    )


def test_it_refuses_malformed_xml(docx_bytes):
    broken = _replace_member(docx_bytes, "word/document.xml", b"<w:document><w:body>")

    assert _read_error(broken, "p.docx").startswith("malformed XML in word/document.xml (")


def test_it_refuses_a_pdf_without_a_text_layer():
    assert _read_error(blank_pdf(2), "scan.pdf") == "PDF has no text layer (scanned?)"


def test_it_refuses_a_damaged_pdf():
    assert _read_error(b"%PDF-1.4\n1 0 obj <<", "d.pdf").startswith("damaged PDF (")


def test_it_refuses_an_empty_file():
    assert _read_error(b"", "p.docx") == "empty file"


def test_it_refuses_a_file_over_the_size_limit():
    assert _read_error(b"a" * (26 * MB), "p.txt") == "file is 26 MB, over the 25 MB limit"


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        ("pdf", "p.docx", "content is a PDF but the name ends in .docx"),
        (
            "docx",
            "p.pdf",
            "content is a zip archive (a Word .docx?) but the name ends in .pdf",
        ),
        (
            "docx",
            "p.txt",
            "content is a zip archive (a Word .docx?) but the name ends in .txt",
        ),
        ("pdf", "p.md", "content is a PDF but the name ends in .md"),
        ("text", "p.pdf", "content is text but the name ends in .pdf"),
        (
            "doc",
            "p.docx",
            "content is a legacy Word .doc file (save it as .docx) but the name ends in .docx",
        ),
    ],
)
def test_it_refuses_a_wrong_extension_for_the_content(docx_bytes, content, filename, message):
    data = {
        "pdf": text_pdf(["x"]),
        "docx": docx_bytes,
        "text": b"plain text",
        "doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
    }[content]

    assert _read_error(data, filename) == message


def test_it_refuses_an_unsupported_extension():
    assert _read_error(b"x", "p.doc") == (
        "unsupported file type .doc: expected .docx, .pdf, .txt or .md"
    )


def test_it_names_the_byte_offset_of_bad_utf8():
    data = "Résolution".encode("cp1252")

    assert _read_error(data, "p.txt") == "not valid UTF-8 at byte 1 (is it Windows-1252?)"


def test_it_counts_the_byte_order_mark_in_the_offset():
    assert _read_error(b"\xef\xbb\xbfab\xff", "p.txt").startswith("not valid UTF-8 at byte 5")


def test_it_names_utf16_text():
    data = "RESOLUTION".encode("utf-16")

    assert _read_error(data, "p.txt").startswith("text is UTF-16 LE")


def test_it_refuses_binary_content_named_as_text():
    assert _read_error(b"ab\x00cd", "p.md") == "binary content: NUL byte at byte 2"


# --------------------------------------------------------------------------- fuzz


def _mutated(base: bytes):
    edits = st.lists(st.tuples(st.integers(0, len(base) - 1), st.integers(0, 255)), max_size=8)
    cut = st.integers(1, len(base))

    def apply(args):
        changes, end = args
        data = bytearray(base[:end])
        for position, value in changes:
            if position < len(data):
                data[position] = value
        return bytes(data)

    return st.tuples(edits, cut).map(apply)


_SEEDS = {
    "docx": build_docx(["RESOLUTION 1", [("del", "old "), ("ins", "new")]]),
    "pdf": text_pdf(["RESOLUTION 1"]),
}


@settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    data=st.one_of(
        st.binary(max_size=512),
        _mutated(_SEEDS["docx"]),
        _mutated(_SEEDS["pdf"]),
        st.binary(max_size=64).map(lambda tail: b"PK\x03\x04" + tail),
        st.binary(max_size=64).map(lambda tail: b"%PDF-1.4\n" + tail),
    ),
    filename=st.sampled_from(["p.docx", "p.pdf", "p.txt", "p.md"]),
)
def test_random_and_mutated_bytes_give_a_result_or_a_read_error(data, filename):
    try:
        result = read_document(data, filename)
    except ReadError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert isinstance(result, ReadResult)
        assert isinstance(result.new_text, str)
        try:
            assert isinstance(split_proposals(result.new_text, result.old_text), tuple)
        except ReadError as error:
            assert "\n" not in str(error)


def test_a_small_part_that_compresses_very_well_is_not_a_bomb(docx_bytes):
    repetitive = _replace_member(docx_bytes, "word/glossary.xml", b"<a/>" * 50_000)

    assert read_document(repetitive, "p.docx").kind == "docx"
