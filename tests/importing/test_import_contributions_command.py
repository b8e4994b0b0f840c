"""The import_contributions command: every bad input of the issue, batches, metadata, dry runs."""

import io
import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from contributions.models import Contribution
from tests.importing.conftest import snapshot
from tests.support.bombs import declared_huge_zip
from tests.support.docx_builder import build_docx
from tests.support.pdf_builder import blank_pdf

pytestmark = pytest.mark.django_db

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BILLION_LAUGHS = f"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body>
</w:document>"""


def _replace_member(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            if entry.filename != name:
                target.writestr(entry, source.read(entry))
        target.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _docx() -> bytes:
    return build_docx(["RÉSOLUTION 75 (Rév. Genève, 2022)", [("keep", "a) "), ("ins", "new")]])


BAD_INPUTS = {
    "not a zip": ("p.docx", lambda: b"just some text, not a Word file", "not a zip archive"),
    "truncated zip": ("p.docx", lambda: _docx()[:1500], "truncated"),
    "zip bomb by ratio": (
        "p.docx",
        lambda: _replace_member(_docx(), "word/media/image1.bin", bytes(4 * 1024 * 1024)),
        "zip bomb: word/media/image1.bin expands",
    ),
    "zip bomb by total size": (
        "p.docx",
        declared_huge_zip,
        "zip bomb: uncompressed size 2.1 GB exceeds the 200 MB limit",
    ),
    "XML bomb": (
        "p.docx",
        lambda: _replace_member(_docx(), "word/document.xml", BILLION_LAUGHS.encode()),
        "XML declares a DOCTYPE in word/document.xml (entity expansion refused)",
    ),
    "docx with no body": (
        "p.docx",
        lambda: _replace_member(
            _docx(), "word/document.xml", f'<w:document xmlns:w="{W_NS}"/>'.encode()
        ),
        "no document body",
    ),
    "PDF with no text layer": ("p.pdf", blank_pdf, "PDF has no text layer (scanned?)"),
    "0-byte file": ("p.txt", lambda: b"", "empty file"),
    "file over the size limit": ("p.txt", lambda: b"x" * 5000, "file is 4.9 kB, over the"),
    "wrong extension": ("p.docx", blank_pdf, "content is a PDF but the name ends in .docx"),
    "unknown resolution": (
        "p.txt",
        lambda: "MOD ACP/37A22/1\nRÉSOLUTION 999 (Rév. Genève, 2022)\nTitre\n".encode(),
        "proposal ACP/37A22/1: unknown resolution: WTSA Resolution 999 is not in the database",
    ),
}


def _run(*args, **options) -> tuple[str, str, CommandError | None]:
    out, err = StringIO(), StringIO()
    try:
        call_command("import_contributions", *args, stdout=out, stderr=err, **options)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_it_refuses_bad_input_with_one_line_and_writes_nothing(
    case, settings, tmp_path, geneva, wtsa24, importer, media_root
):
    settings.ITU_TRACKER_IMPORT_MAX_BYTES = (
        4096 if case == "file over the size limit" else (settings.ITU_TRACKER_IMPORT_MAX_BYTES)
    )
    name, build, message = BAD_INPUTS[case]
    path = tmp_path / name
    path.write_bytes(build())
    before = snapshot(media_root)

    out, err, error = _run(str(path), meeting="WTSA-24", user="ivan")

    failures = [line for line in err.splitlines() if line.strip()]
    assert len(failures) == 1, err
    assert failures[0].startswith(f"{path}: ")
    assert message in failures[0]
    assert str(error) == "1 file(s) failed"
    assert "Summary: 0 created, 0 updated, 0 unchanged, 1 failed" in out
    assert snapshot(media_root) == before


def test_it_exits_non_zero_from_the_command_line(tmp_path, wtsa24):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")

    with pytest.raises(CommandError):
        call_command("import_contributions", str(path), meeting="WTSA-24", stderr=StringIO())


def test_a_batch_carries_on_after_a_bad_file(tmp_path, seed_docx, marked_docx, geneva, wtsa24):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a-first.docx").write_bytes(seed_docx)
    (folder / "b-broken.docx").write_bytes(b"not a zip")
    (folder / "c-third.docx").write_bytes(marked_docx)
    (folder / "notes.odt").write_bytes(b"ignored: not a contribution format")

    out, err, error = _run(str(folder), meeting="WTSA-24")

    assert error is not None
    assert sorted(Contribution.objects.values_list("number", flat=True)) == [
        "a-first",
        "c-third",
    ]
    assert err.strip().splitlines() == [f"{folder / 'b-broken.docx'}: not a zip archive"]
    assert "Summary: 2 created, 0 updated, 0 unchanged, 1 failed" in out
    assert "created a-first (a-first.docx): 1 proposal(s)" in out


def test_it_reads_the_metadata_csv(tmp_path, seed_docx, geneva, wtsa24, apt, cept):
    (tmp_path / "res75.docx").write_bytes(seed_docx)
    csv = tmp_path / "metadata.csv"
    csv.write_text(
        "\ufefffilename,number,title,meeting,submitters,date,language,visibility\n"
        "res75.docx,37-Add.22,Proposals on Resolution 75,WTSA-24,APT;CEPT,2024-09-01,fr,public\n",
        encoding="utf-8",
    )

    out, err, error = _run(str(tmp_path), metadata=str(csv))

    assert error is None, err
    contribution = Contribution.objects.get()
    assert (contribution.number, contribution.title) == ("37-Add.22", "Proposals on Resolution 75")
    assert contribution.visibility == "public" and str(contribution.date) == "2024-09-01"
    assert sorted(contribution.submitters.values_list("code", flat=True)) == ["APT", "CEPT"]


def test_it_refuses_a_metadata_csv_with_an_unknown_column(tmp_path, wtsa24):
    csv = tmp_path / "metadata.csv"
    csv.write_text("filename,numero\nx.docx,1\n", encoding="utf-8")

    with pytest.raises(CommandError, match="bad header: unknown \\['numero'\\]"):
        call_command("import_contributions", str(tmp_path), metadata=str(csv))


def test_a_dry_run_reports_what_it_would_do_and_writes_nothing(
    tmp_path, seed_docx, geneva, wtsa24, media_root
):
    path = tmp_path / "res75.docx"
    path.write_bytes(seed_docx)
    before = snapshot(media_root)

    out, err, error = _run(str(path), meeting="WTSA-24", dry_run=True)

    assert error is None, err
    assert "would be created res75 (res75.docx): 1 proposal(s)" in out
    assert "Summary: 1 created, 0 updated, 0 unchanged, 0 failed (dry run" in out
    assert snapshot(media_root) == before


def test_a_second_run_reports_unchanged(tmp_path, seed_docx, geneva, wtsa24):
    path = tmp_path / "res75.docx"
    path.write_bytes(seed_docx)
    _run(str(path), meeting="WTSA-24")

    out, _, error = _run(str(path), meeting="WTSA-24")

    assert error is None
    assert "Summary: 0 created, 0 updated, 1 unchanged, 0 failed" in out


def test_it_names_an_unknown_meeting(tmp_path, seed_docx):
    path = Path(tmp_path / "res75.docx")
    path.write_bytes(seed_docx)

    _, err, error = _run(str(path), meeting="WTSA-99")

    assert err.strip() == f"{path}: unknown meeting 'WTSA-99'"
    assert error is not None


def test_a_batch_carries_on_after_an_unexpected_error(
    tmp_path, monkeypatch, seed_docx, marked_docx, geneva, wtsa24
):
    from contributions.management.commands import import_contributions as command

    real = command.import_contribution

    def fragile(data, name, **kwargs):
        if name == "a.docx":
            raise RuntimeError("engine bug\nwith two lines")
        return real(data, name, **kwargs)

    monkeypatch.setattr(command, "import_contribution", fragile)
    (tmp_path / "a.docx").write_bytes(seed_docx)
    (tmp_path / "b.docx").write_bytes(marked_docx)

    out, err, error = _run(str(tmp_path), meeting="WTSA-24")

    assert err.strip().splitlines() == [
        f"{tmp_path / 'a.docx'}: internal error (RuntimeError: engine bug with two lines)"
    ]
    assert list(Contribution.objects.values_list("number", flat=True)) == ["b"]
    assert error is not None
