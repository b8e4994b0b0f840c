from resolutions.templatetags.diff import render_new, render_old, render_ops

OPS = [[0, "in "], [-1, "Geneva, 2022"], [1, "New Delhi, 2024"], [0, " <script>x</script>"]]


def test_inline_view_marks_deletions_and_insertions_with_classes():
    html = render_ops(OPS)
    assert '<del class="diff-del">Geneva, 2022</del>' in html
    assert '<ins class="diff-ins">New Delhi, 2024</ins>' in html
    assert "style=" not in html


def test_document_text_is_escaped_never_trusted():
    assert "<script>" not in render_ops(OPS)
    assert "&lt;script&gt;x&lt;/script&gt;" in render_ops(OPS)


def test_side_by_side_columns_hold_old_and_new_text():
    assert "New Delhi" not in render_old(OPS) and "Geneva" in render_old(OPS)
    assert "Geneva" not in render_new(OPS) and "New Delhi" in render_new(OPS)


def test_an_empty_comparison_renders_nothing():
    assert render_ops(None) == "" and render_ops([]) == ""
