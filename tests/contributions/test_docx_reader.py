"""The .docx reader on documents built here: each kind of tracked change, marked formatting,
clean documents, and the markup around text (tables, content controls, fields, symbols)."""

import pytest

from contributions.readers import docx_text, read_docx
from tests.support.docx_builder import (
    build_docx,
    build_docx_from_body,
    revision,
    versions,
)


def _both(data: bytes) -> tuple[str, str]:
    return docx_text(data, "old"), docx_text(data, "new")


def _p(inner: str, mark: str = "") -> str:
    """One paragraph of body XML; ``mark`` is a revision on its paragraph mark."""
    properties = f"<w:pPr><w:rPr>{mark}</w:rPr></w:pPr>" if mark else ""
    return f"<w:p>{properties}{inner}</w:p>"


def _r(text: str, tag: str = "t") -> str:
    return f'<w:r><w:{tag} xml:space="preserve">{text}</w:{tag}></w:r>'


# --------------------------------------------------------------------------- revisions


def test_it_reads_inserted_text_only_in_the_new_version():
    data = build_docx([[("keep", "Video "), ("ins", "provides "), ("keep", "a way.")]])

    assert _both(data) == ("Video a way.", "Video provides a way.")


def test_it_reads_deleted_text_only_in_the_old_version():
    data = build_docx([[("keep", "Video "), ("del", "provides "), ("keep", "a way.")]])

    assert _both(data) == ("Video provides a way.", "Video a way.")


def test_it_reads_a_replacement_as_deletion_then_insertion():
    data = build_docx([[("keep", "(Rev. "), ("del", "Geneva, 2022"), ("ins", "New Delhi, 2024")]])

    assert _both(data) == ("(Rev. Geneva, 2022", "(Rev. New Delhi, 2024")


def test_it_reads_a_moved_paragraph_at_its_old_and_new_place():
    paragraphs = [[("move_from", "Moved.")], "Anchor.", [("move_to", "Moved.")]]

    assert _both(build_docx(paragraphs)) == ("Moved.\nAnchor.", "Anchor.\nMoved.")


def test_it_drops_a_wholly_inserted_paragraph_from_the_old_version():
    paragraphs = ["First.", [("ins", "Added paragraph.")], "Last."]

    assert _both(build_docx(paragraphs)) == (
        "First.\nLast.",
        "First.\nAdded paragraph.\nLast.",
    )


def test_it_drops_a_wholly_deleted_paragraph_from_the_new_version():
    paragraphs = ["First.", [("del", "Removed paragraph.")], "Last."]

    assert _both(build_docx(paragraphs)) == (
        "First.\nRemoved paragraph.\nLast.",
        "First.\nLast.",
    )


def test_a_deleted_paragraph_mark_merges_two_paragraphs_in_the_new_version():
    body = _p(_r("One"), mark=revision("del")) + _p(_r(" two"))

    assert _both(build_docx_from_body(body)) == ("One\n two", "One two")


def test_an_inserted_paragraph_mark_merges_two_paragraphs_in_the_old_version():
    body = _p(_r("One"), mark=revision("ins")) + _p(_r("Two"))

    assert _both(build_docx_from_body(body)) == ("OneTwo", "One\nTwo")


def test_it_reads_revisions_inside_hyperlinks_and_content_controls():
    body = _p(
        '<w:hyperlink w:anchor="x">' + revision("ins", _r("linked ")) + "</w:hyperlink>"
        "<w:sdt><w:sdtPr/><w:sdtContent>"
        + revision("del", _r("controlled", "delText"), id=2)
        + "</w:sdtContent></w:sdt>"
    )

    assert _both(build_docx_from_body(body)) == ("controlled", "linked ")


def test_it_reads_block_content_controls():
    body = "<w:sdt><w:sdtPr/><w:sdtContent>" + _p(_r("Inside")) + "</w:sdtContent></w:sdt>"

    assert _both(build_docx_from_body(body + _p(_r("After")))) == (
        "Inside\nAfter",
        "Inside\nAfter",
    )


def _row(text: str, marker: str = "") -> str:
    properties = f"<w:trPr>{marker}</w:trPr>" if marker else ""
    return f"<w:tr>{properties}<w:tc>{_p(_r(text))}</w:tc></w:tr>"


def test_it_reads_inserted_and_deleted_table_rows_one_cell_per_line():
    table = (
        "<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>"
        + _row("1")
        + _row("2", revision("del"))
        + _row("3", revision("ins", id=2))
        + "</w:tbl>"
    )

    assert _both(build_docx_from_body(table + _p(_r("End")))) == (
        "1\n2\nEnd",
        "1\n3\nEnd",
    )


def _field(code: str, result: str, instr: str = "instrText") -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + _r(code, instr)
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + _r(result)
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def test_it_keeps_a_field_result_not_its_code():
    body = _p(_r("See ") + _field(" REF _Ref1 \\h ", "Resolution 75") + _r("."))

    assert _both(build_docx_from_body(body)) == (
        "See Resolution 75.",
        "See Resolution 75.",
    )


def test_it_reads_nested_fields_and_simple_fields():
    inner = _field(" PAGE ", "4")
    outer = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + _r(" IF ", "instrText")
        + inner
        + _r(" = 4 ", "instrText")
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + _r("page four")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    simple = '<w:fldSimple w:instr=" DATE ">' + _r("1 June 2024") + "</w:fldSimple>"

    assert docx_text(build_docx_from_body(_p(outer + " " + simple)), "new") == (
        "page four1 June 2024"
    )


def test_a_deleted_field_keeps_its_result_only_in_the_old_version():
    deleted = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + _r(" DATE ", "delInstrText")
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + _r("25/03/2017", "delText")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    body = _p(_r("Date: ") + revision("del", deleted))

    assert _both(build_docx_from_body(body)) == ("Date: 25/03/2017", "Date: ")


def test_it_reads_tabs_breaks_and_symbols():
    body = _p(
        _r("a)")
        + "<w:r><w:tab/></w:r>"
        + _r("line one")
        + "<w:r><w:br/></w:r>"
        + _r("line two ")
        + '<w:r><w:sym w:font="Symbol" w:char="F0B1"/></w:r>'
        + '<w:r><w:sym w:font="Symbol" w:char="F061"/></w:r>'
        + "<w:r><w:noBreakHyphen/></w:r>"
        + _r("T")
    )

    assert docx_text(build_docx_from_body(body), "new") == "a)\tline one\nline two ±α-T"


def test_it_leaves_out_footnote_texts_and_equations_as_word_does():
    body = _p(
        _r("Text")
        + '<w:r><w:footnoteReference w:id="1"/></w:r>'
        + '<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
        "<m:r><m:t>x=1</m:t></m:r></m:oMath>"
    )

    result = read_docx(build_docx_from_body(body))

    assert result.new_text == "Text"
    assert result.warnings == ("equations are not read",)


def test_docx_text_refuses_an_unknown_version():
    with pytest.raises(ValueError, match="'old' or 'new'"):
        docx_text(build_docx(["x"]), "accepted")


# --------------------------------------------------------------------------- read_docx kinds


def test_read_docx_returns_both_versions_of_a_tracked_document():
    paragraphs = [
        "RESOLUTION 75 (Rev. Geneva, 2022)",
        [
            ("keep", "The Assembly ("),
            ("del", "Geneva, 2022"),
            ("ins", "New Delhi, 2024"),
            ("keep", ")"),
        ],
    ]

    result = read_docx(build_docx(paragraphs))

    assert (result.old_text, result.new_text) == versions(paragraphs)
    assert result.kind == "docx"
    assert result.warnings == ()


def test_read_docx_reads_underline_and_strikethrough_as_changes():
    paragraphs = [
        [
            ("keep", "decides "),
            ("del", "to study"),
            ("ins", "to standardize"),
            ("keep", " it"),
        ],
        [("ins", "A new paragraph.")],
        [("del", "An old paragraph.")],
        "Unchanged.",
    ]

    result = read_docx(build_docx(paragraphs, marking="formatting"))

    assert (result.old_text, result.new_text) == versions(paragraphs)
    assert result.old_text == "decides to study it\nAn old paragraph.\nUnchanged."
    assert "strikethrough" in result.warnings[-1]


def test_read_docx_returns_no_old_text_for_a_clean_document():
    result = read_docx(build_docx(["RESOLUTION 75 (Rev. Geneva, 2022)", "considering"]))

    assert result.old_text is None
    assert result.new_text == "RESOLUTION 75 (Rev. Geneva, 2022)\nconsidering"


def test_read_docx_keeps_underlined_text_of_a_document_without_strikethrough():
    data = build_docx([[("keep", "Plain "), ("ins", "underlined")]], marking="formatting")

    result = read_docx(data)

    assert (result.old_text, result.new_text) == (None, "Plain underlined")
    assert result.warnings == ("underlined text without strikethrough is read as plain text",)


def test_a_field_never_ended_does_not_swallow_the_rest_of_the_document():
    body = _p(
        _r("Before ") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' + _r(" PAGE ", "instrText")
    )

    assert docx_text(build_docx_from_body(body + _p(_r("After"))), "new") == "Before \nAfter"


def test_it_reads_one_branch_of_alternate_content():
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    body = _p(
        f'<mc:AlternateContent {mc}><mc:Choice Requires="w14">{_r("shown")}</mc:Choice>'
        f"<mc:Fallback>{_r('fallback')}</mc:Fallback></mc:AlternateContent>"
    )

    assert docx_text(build_docx_from_body(body), "new") == "shown"


def test_it_warns_that_automatic_list_numbers_are_not_read():
    body = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        + _r("that ITU-T shall continue its work;")
        + "</w:p>"
    )

    result = read_docx(build_docx_from_body(body))

    assert result.new_text == "that ITU-T shall continue its work;"
    assert result.warnings == ("automatic list numbers are not part of the text",)
