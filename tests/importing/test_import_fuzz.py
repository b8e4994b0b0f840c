"""Random and mutated files into the importer: a result or one clear ImportFailure, nothing else.

And a failure writes nothing (row counts of every model, history included, stay the same).
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contributions.importing import ImportFailure, import_contribution
from tests.importing.conftest import snapshot

pytestmark = pytest.mark.django_db

NAMES = st.sampled_from(["c.docx", "c.txt", "c.md", "c.pdf", "c.bin", "c"])
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _import_or_fail(data: bytes, name: str, meeting) -> None:
    before = snapshot()
    try:
        import_contribution(data, name, meeting=meeting, dry_run=True)
    except ImportFailure as failure:
        assert "\n" not in str(failure) and str(failure)
        assert snapshot() == before


@FUZZ
@given(data=st.binary(max_size=4096), name=NAMES)
def test_random_bytes_never_crash_the_importer(wtsa24, geneva, data, name):
    _import_or_fail(data, name, wtsa24)


@FUZZ
@given(cuts=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8))
def test_mutated_word_files_never_crash_the_importer(wtsa24, geneva, seed_docx, cuts):
    data = bytearray(seed_docx)
    for position, value in cuts:
        data[position % len(data)] = value
    _import_or_fail(bytes(data), "res75.docx", wtsa24)


@FUZZ
@given(text=st.text(max_size=2000))
def test_random_text_files_never_crash_the_importer(wtsa24, geneva, text):
    _import_or_fail(text.encode("utf-8", "surrogatepass"), "proposal.txt", wtsa24)
