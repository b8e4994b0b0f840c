"""Watch-term rules as data, and the word matcher compiled from them."""

from __future__ import annotations

import json

import pytest

from resolutions.text.rules import (
    CATEGORIES,
    DEFAULT_RULES_PATH,
    KINDS,
    Rule,
    compile_rules,
    load_default_rules,
    load_rules,
    pattern_words,
    tokenize,
)


def found(rules: list[Rule], text: str, lang: str = "en") -> list[str]:
    tokens = tokenize(text)
    matches = compile_rules(tuple(rules)).find(tokens, lang)
    return [text[tokens[m.first].start : tokens[m.last].end] for m in matches]


def test_the_default_rules_cover_every_category_in_english_french_and_spanish():
    rules = load_default_rules()
    covered = {(r.category, r.language) for r in rules if r.kind in ("term", "safeguard")}

    assert covered == {(c, lang) for c in CATEGORIES for lang in ("en", "fr", "es")}
    for kind in ("mandate-verb", "modality", "limiting", "negation", "citation"):
        assert {r.language for r in rules if r.kind == kind} == {"en", "fr", "es"}


def test_every_default_rule_has_a_note_and_a_known_kind():
    for rule in load_default_rules():
        assert rule.kind in KINDS
        assert rule.note
        assert rule.weight > 0


def test_rules_round_trip_through_the_fixture_format(tmp_path):
    rule = Rule("emerging-tech", "fr", "intelligence artificielle", 2.5, "term", "IA")
    path = tmp_path / "rules.json"
    path.write_text(json.dumps([rule.to_dict()]), encoding="utf-8")

    assert load_rules(path) == (rule,)
    assert set(rule.to_dict()) == {"category", "language", "pattern", "weight", "note", "kind"}


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"category": "space", "pattern": "orbit"}, "unknown category"),
        ({"kind": "keyword", "pattern": "orbit"}, "unknown rule kind"),
        ({"pattern": "~ orbit"}, "must start and end with a word"),
        ({"pattern": "  "}, "must start and end with a word"),
    ],
)
def test_an_invalid_rule_is_refused_with_its_reason(fields, message):
    values = {"category": None, "language": "en", "pattern": "x", "weight": 1.0} | fields

    with pytest.raises(ValueError, match=message):
        Rule(**values)


def test_a_star_matches_word_endings_and_a_hash_matches_numbers():
    rules = [
        Rule("internet-governance", "en", "domain name*", 3),
        Rule(None, "en", "Resolution #", 1, "citation"),
    ]

    assert found(rules, "Domain names under Resolution 102 and resolution X") == [
        "Domain names",
        "Resolution 102",
    ]


def test_a_tilde_skips_up_to_three_words():
    rules = [Rule("human-rights", "es", "identificación ~ de los usuarios", 3)]

    assert found(rules, "la identificación obligatoria de los usuarios", "es") == [
        "identificación obligatoria de los usuarios"
    ]
    assert found(rules, "la identificación de los usuarios", "es") == [
        "identificación de los usuarios"
    ]
    assert found(rules, "identificación de equipos, redes y servicios de los usuarios", "es") == []


def test_matching_folds_case_accents_ligatures_and_apostrophes():
    rules = [Rule("internet-governance", "fr", "gestion de l'Internet", 3)]

    assert found(rules, "la GESTION DE L’INTERNET", "fr") == ["GESTION DE L’INTERNET"]
    assert found(rules, "la gestión de l'internet", "fr") == ["gestión de l'internet"]
    assert found(
        [Rule(None, "fr", "mise en oeuvre", 1, "mandate-verb")], "Mise en Œuvre", "fr"
    ) == ["Mise en Œuvre"]


def test_matching_is_by_whole_words_and_by_language():
    rules = [Rule("emerging-tech", "fr", "IA", 2), Rule("emerging-tech", "en", "AI", 2)]

    assert found(rules, "l'aide aux pays; IAB", "fr") == []
    assert found(rules, "paid AI services", "en") == ["AI"]
    assert found(rules, "paid AI services", "fr") == []


def test_a_rule_set_is_compiled_once():
    rules = load_default_rules()

    assert compile_rules(rules) is compile_rules(tuple(rules))


def test_no_two_default_rules_say_the_same_thing():
    # The WatchTerm table is unique on (category, language, kind, pattern).
    keys = [
        (rule.category, rule.language, rule.kind, pattern_words(rule.pattern))
        for rule in load_default_rules()
    ]

    assert len(keys) == len(set(keys))


def test_the_default_rules_fit_the_watch_term_model():
    from resolutions.models import WatchTerm

    field = WatchTerm._meta.get_field
    categories = {value for value, _ in WatchTerm.Category.choices} | {""}
    for item in json.loads(DEFAULT_RULES_PATH.read_text(encoding="utf-8")):
        assert set(item) == {"category", "language", "pattern", "weight", "note", "kind"}
        assert item["category"] in categories
        for name in ("language", "kind", "pattern", "note"):
            assert len(item[name]) <= field(name).max_length, (name, item)
