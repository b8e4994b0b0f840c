"""Alignment: pairs by content, not by label; moves, splits, merges; deterministic output."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from resolutions.text import ParseError, compare, parse
from resolutions.text.worddiff import new_side, old_side

HEAD = """RESOLUTION 9 (REV. BUSAN, 2014)
Test resolution
The Plenipotentiary Conference of the International Telecommunication Union (Busan, 2014),
"""

BASE = (
    HEAD
    + """considering
a) that the first thing is true;
b) that the second thing matters a great deal for developing countries and the Union;
c) that the third thing is about spectrum management and satellite orbits,
recognizing
that the Union needs money,
resolves
1 to do the first task well and on time;
2 to do the second task with the help of the regional offices;
3 to report to the Council every year,
instructs the Secretary-General
1 to implement this resolution;
2 to report to the next conference,
"""
)


def edits(old_text: str, new_text: str):
    comparison = compare(parse(old_text), parse(new_text))
    return [
        c for c in comparison.changes if c.kind != "unchanged" and c.level == "clause"
    ]


def summary(changes):
    return [
        (c.kind, c.section_key, c.old_label, c.new_label, c.relation) for c in changes
    ]


def test_identical_texts_give_no_changes():
    comparison = compare(parse(BASE), parse(BASE))
    assert comparison.edits == ()
    clauses = [c for c in comparison.changes if c.level == "clause"]
    assert len(clauses) == 9
    assert all(c.ops == ((0, c.old_text),) for c in clauses)


def test_a_deleted_clause_is_deleted_and_the_next_one_relabelled():
    new = BASE.replace(
        "b) that the second thing matters a great deal for developing countries "
        "and the Union;\n",
        "",
    ).replace("c) that the third", "b) that the third")
    changes = edits(BASE, new)
    assert summary(changes) == [
        ("deleted", "considering", "b)", None, None),
        ("relabelled", "considering", "c)", "b)", None),
    ]
    assert changes[0].ops == ((-1, changes[0].old_text),)
    assert changes[0].operative is False


def test_inserted_clauses_relabel_those_after_them_and_are_operative():
    new = BASE.replace(
        "2 to do the second task", "2 to hire staff;\n3 to do the second task"
    )
    new = new.replace("3 to report to the Council", "4 to report to the Council")
    changes = edits(BASE, new)
    assert summary(changes) == [
        ("added", "resolves", None, "2", None),
        ("relabelled", "resolves", "2", "3", None),
        ("relabelled", "resolves", "3", "4", None),
    ]
    assert all(c.operative for c in changes)
    assert changes[0].section == "resolves"


def test_a_modified_clause_has_word_level_ops():
    new = BASE.replace("every year", "every two years")
    (change,) = edits(BASE, new)
    assert change.kind == "modified"
    assert [op for op in change.ops if op[0]] == [(-1, "year"), (1, "two years")]
    assert old_side(change.ops) == change.old_text
    assert new_side(change.ops) == change.new_text


def test_a_clause_moved_to_another_section_is_moved():
    new = BASE.replace(
        "c) that the third thing is about spectrum management and satellite orbits,\n",
        "",
    ).replace(
        "b) that the second thing matters a great deal for "
        "developing countries and the Union;",
        "b) that the second thing matters a great deal for "
        "developing countries and the Union,",
    )
    new = new.replace(
        "that the Union needs money,",
        "a) that the Union needs money;\n"
        "b) that the third thing is about spectrum management and satellite orbits,",
    )
    changes = edits(BASE, new)
    moved = [c for c in changes if c.kind == "moved"]
    assert [(c.old_label, c.new_label, c.section_key) for c in moved] == [
        ("c)", "b)", "recognizing")
    ]
    assert moved[0].ops == ((0, moved[0].old_text),)


def test_reordered_clauses_are_a_move_not_a_delete_and_add():
    new = BASE.replace(
        "1 to do the first task well and on time;\n2 to do the second task with the help of the "
        "regional offices;",
        "1 to do the second task with the help of the regional offices;\n2 to do the first task "
        "well and on time;",
    )
    kinds = sorted(c.kind for c in edits(BASE, new))
    assert kinds == ["moved", "relabelled"]


def test_a_section_moved_as_a_whole_is_one_section_move():
    resolves = BASE[BASE.index("resolves\n") : BASE.index("instructs")]
    instructs = BASE[BASE.index("instructs") :]
    new = BASE[: BASE.index("resolves\n")] + instructs + resolves
    comparison = compare(parse(BASE), parse(new))
    moved = [c for c in comparison.changes if c.kind != "unchanged"]
    assert len(moved) == 1
    assert moved[0].level == "section"
    assert moved[0].kind == "moved"


def test_a_clause_split_in_two_is_reported_as_a_split():
    new = BASE.replace(
        "b) that the second thing matters a great deal for developing countries and the Union;",
        "b) that the second thing matters a great deal;\n"
        "c) that it matters for developing countries and the Union;",
    ).replace("c) that the third", "d) that the third")
    changes = edits(BASE, new)
    split = [c for c in changes if c.relation == "split"]
    assert [(c.old_label, c.new_label) for c in split] == [("b)", "b)"), ("b)", "c)")]
    assert all(c.kind == "modified" for c in split)
    # the two pieces share out the diff of the old clause, nothing is counted twice
    old_words = "".join(text for c in split for op, text in c.ops if op <= 0)
    assert old_words.split() == split[0].old_text.split()
    assert [op for op in split[1].ops if op[0]] == [(1, "that it matters")]
    assert ("relabelled", "considering", "c)", "d)", None) in summary(changes)


def test_two_clauses_merged_into_one_are_reported_as_a_merge():
    new = BASE.replace(
        "1 to do the first task well and on time;\n2 to do the second task with the help of the "
        "regional offices;",
        "1 to do the first task well and on time and to do the second task with the help of the "
        "regional offices;",
    ).replace("3 to report to the Council", "2 to report to the Council")
    changes = edits(BASE, new)
    merged = [c for c in changes if c.relation == "merged"]
    assert [(c.old_label, c.new_label) for c in merged] == [("1", "1"), ("2", "1")]
    assert ("relabelled", "resolves", "3", "2", None) in summary(changes)


def test_nested_items_carry_their_parent_labels():
    old = BASE.replace(
        "b) that the second thing",
        "b) the following:\ni) one item;\nii) two items;\nb2) that the second thing",
    )
    new = old.replace("ii) two items;", "ii) three items;")
    (change,) = edits(old, new)
    assert (change.old_path, change.new_path, change.new_label) == (
        ("b)",),
        ("b)",),
        "ii)",
    )
    assert [op for op in change.ops if op[0]] == [(-1, "two"), (1, "three")]


def test_header_lines_are_compared():
    new = BASE.replace("BUSAN, 2014", "DUBAI, 2018").replace(
        "(Busan, 2014)", "(Dubai, 2018)"
    )
    header = [
        c for c in compare(parse(BASE), parse(new)).changes if c.level == "header"
    ]
    assert [(c.section, c.kind) for c in header] == [
        ("designation", "modified"),
        ("title", "unchanged"),
        ("assembly", "modified"),
    ]
    assert [op for op in header[0].ops if op[0]] == [
        (-1, "BUSAN, 2014"),
        (1, "DUBAI, 2018"),
    ]


def test_comparison_is_deterministic(res75_old_text, res75_new_text):
    first = compare(parse(res75_old_text), parse(res75_new_text)).to_dict()
    for _ in range(3):
        assert compare(parse(res75_old_text), parse(res75_new_text)).to_dict() == first


def test_every_change_reconstructs_both_texts(res75_old_text, res75_new_text):
    for change in compare(parse(res75_old_text), parse(res75_new_text)).changes:
        if change.relation:
            continue
        assert old_side(change.ops) == (change.old_text or "")
        assert new_side(change.ops) == (change.new_text or "")


def clause_keys(doc):
    keys = []

    def walk(clauses, path):
        for clause in clauses:
            keys.append((path, clause.label, clause.text))
            walk(clause.children, (*path, clause.label))

    for section in doc.sections:
        walk(section.clauses, ())
    return sorted(keys)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_every_clause_of_both_texts_is_accounted_for_once(data):
    lines = BASE.splitlines()
    body = list(range(3, len(lines)))
    for _ in range(
        data.draw(st.integers(0, 4))
    ):  # delete, duplicate or swap body lines
        op = data.draw(st.sampled_from(["delete", "duplicate", "swap"]))
        i, j = data.draw(st.sampled_from(body)), data.draw(st.sampled_from(body))
        if op == "delete" and len(body) > 4:
            body.remove(i)
        elif op == "duplicate":
            body.insert(body.index(i), i)
        else:
            a, b = body.index(i), body.index(j)
            body[a], body[b] = body[b], body[a]
    new_text = "\n".join(lines[:3] + [lines[k] for k in body]) + "\n"
    try:
        new = parse(new_text)
    except ParseError:
        return
    old = parse(BASE)
    changes = [c for c in compare(old, new).changes if c.level == "clause"]
    # a split repeats its old clause in each piece, a merge its new clause: count those once
    split_olds = {
        (c.old_path, c.old_label, c.old_text) for c in changes if c.relation == "split"
    }
    merged_news = {
        (c.new_path, c.new_label, c.new_text) for c in changes if c.relation == "merged"
    }
    olds = [(c.old_path, c.old_label, c.old_text) for c in changes]
    news = [(c.new_path, c.new_label, c.new_text) for c in changes]
    olds = [
        k
        for k, c in zip(olds, changes)
        if c.old_text is not None and c.relation != "split"
    ]
    news = [
        k
        for k, c in zip(news, changes)
        if c.new_text is not None and c.relation != "merged"
    ]
    assert sorted(olds + list(split_olds)) == clause_keys(old)
    assert sorted(news + list(merged_news)) == clause_keys(new)


def test_annex_and_document_footnote_changes_are_reported():
    old = BASE.replace(
        "2 to report to the next conference,",
        "2 to report to the next conference.\n"
        "ANNEX TO RESOLUTION 9 (REV. BUSAN, 2014)\nList of offices in 2014",
    )
    new = old.replace("offices in 2014", "offices in 2018")
    changes = [
        c for c in compare(parse(old), parse(new)).changes if c.kind != "unchanged"
    ]
    assert [(c.level, c.section, c.kind) for c in changes] == [
        ("annex", "annex 1", "modified")
    ]
    assert [op for op in changes[0].ops if op[0]] == [(-1, "2014"), (1, "2018")]
