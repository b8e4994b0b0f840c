"""The .docx reader against Word's own accept-all / reject-all results.

``../shared/corpus/docx-revisions`` holds the Open-Xml-PowerTools revision test set: each .docx
beside the text Word gave after "Accept All Changes" (``.accepted.txt``) and "Reject All Changes"
(``.rejected.txt``). Word's text ends every paragraph with a newline; that is the only
normalisation the files imply (no trimming, no collapsing of spaces or tabs), so the reader's
text plus one final newline must equal them exactly.
"""

import pytest

from contributions.readers import docx_text
from tests.support.shared import find_shared, require_shared

CORPUS = ("corpus", "docx-revisions")
EXPECTED = (("new", "accepted"), ("old", "rejected"))


def _cases():
    folder = find_shared(*CORPUS)
    if folder is None:
        return []
    return [
        pytest.param(document, version, expected, id=f"{document.stem}-{version}")
        for document in sorted(folder.glob("*.docx"))
        for version, suffix in EXPECTED
        if (expected := document.with_name(f"{document.stem}.{suffix}.txt")).exists()
    ]


def _word_text(text: str) -> str:
    return text.replace("\r\n", "\n")


def test_the_conformance_set_is_present_and_complete():
    folder = require_shared(*CORPUS)
    documents = sorted(folder.glob("*.docx"))
    assert len(documents) >= 50
    for document in documents:
        results = [document.with_name(f"{document.stem}.{s}.txt") for _, s in EXPECTED]
        assert any(path.exists() for path in results), f"{document.name} has no Word result"


@pytest.mark.parametrize(("document", "version", "expected"), _cases())
def test_it_matches_words_own_result(document, version, expected):
    text = docx_text(document.read_bytes(), version)

    assert (text + "\n").split("\n") == _word_text(expected.read_text("utf-8")).split("\n")
