"""Benchmark of the text engine: `compare` against plain diff-match-patch and difflib.

    python -m benchmarks.engine            # the three synthetic sizes and the Res 75 pair
    python -m benchmarks.engine 200000     # chosen sizes, in bytes

For each pair of texts it measures, in one run:
- parse_ms: parsing both texts; compare_ms: `compare` on the parsed documents;
  total_ms: both (what a user waits for);
- dmp_char_ms: diff-match-patch's character diff of the same two texts, default settings
  (Diff_Timeout = 1 s, the library as people use it);
- difflib_ms: difflib.SequenceMatcher(None, old, new).get_opcodes() on characters. It is
  quadratic on long texts, so beyond 100 000 characters it runs in a child process stopped after
  DIFFLIB_CAP_S seconds: then difflib_ms is that cap (a lower bound) and difflib_capped is True;
- peak_mb: peak Python allocation (tracemalloc) of parse + compare, measured in a separate run
  so that tracing does not slow the timings.
"""

from __future__ import annotations

import difflib
import multiprocessing
import random
import sys
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

from resolutions.text import compare, parse
from resolutions.text.worddiff import char_diff

REPO_ROOT = Path(__file__).resolve().parents[1]
RES75 = REPO_ROOT / "fixtures" / "texts" / "res75"
DIFFLIB_CAP_S = 60.0

PREAMBLE = (
    "considering", "considering further", "recognizing", "recognizing further", "noting",
    "noting further", "bearing in mind", "recalling", "taking into account", "aware",
)  # fmt: skip
OPERATIVE = (
    "resolves", "instructs the Secretary-General",
    "instructs the Director of the Telecommunication Standardization Bureau",
    "instructs the Director of the Telecommunication Development Bureau",
    "invites Member States", "invites Member States and Sector Members", "encourages Member States",
    "requests the ITU Council", "urges Member States", "calls upon Sector Members",
)  # fmt: skip
WORDS = [
    "telecommunication",
    "information",
    "communication",
    "technologies",
    "developing",
    "countries",
    "Member",
    "States",
    "Sector",
    "Members",
    "Union",
    "regional",
    "offices",
    "standardization",
    "gap",
    "capacity",
    "building",
    "digital",
    "divide",
    "spectrum",
    "management",
    "satellite",
    "orbit",
    "resources",
    "study",
    "groups",
    "Council",
    "conference",
    "strategic",
    "plan",
    "financial",
    "plan",
    "implementation",
    "resolution",
    "assistance",
    "cooperation",
    "coordination",
    "international",
    "organizations",
    "broadband",
    "access",
    "affordable",
    "secure",
    "reliable",
    "networks",
    "infrastructure",
    "sustainable",
    "development",
    "goals",
    "contributions",
    "reports",
    "activities",
    "measures",
    "programmes",
    "projects",
    "experts",
    "workshops",
    "guidelines",
    "recommendations",
    "the",
    "of",
    "and",
    "to",
    "in",
    "for",
    "with",
    "on",
    "by",
    "within",
    "as",
    "appropriate",
    "including",
    "particular",
    "relevant",
    "necessary",
    "continue",
    "promote",
    "support",
    "encourage",
    "facilitate",
    "ensure",
    "enhance",
    "consider",
    "take",
    "account",
    "needs",
]
LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass
class _Section:
    heading: str
    operative: bool
    clauses: list[str]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(25, 70))]
    year = rng.choice(("2014", "2018", "2019", "2022", "2023"))
    words.insert(rng.randint(3, len(words) - 1), f"(Rev. Dubai, {year})")
    return "that " + " ".join(words)


def synthetic_sections(size_bytes: int, seed: int = 75) -> list[_Section]:
    """Sections of a resolution about `size_bytes` long: preamble first, operative part last."""
    rng = random.Random(seed)
    sections, total, k = [], 200, 0
    while total < size_bytes:
        operative = total > size_bytes * 0.55
        headings = OPERATIVE if operative else PREAMBLE
        section = _Section(headings[k % len(headings)], operative, [])
        for _ in range(rng.randint(3, 15)):
            section.clauses.append(_sentence(rng))
            total += len(section.clauses[-1]) + 4
        sections.append(section)
        total += len(section.heading) + 1
        k += 1
    if not any(s.operative for s in sections):
        sections.append(_Section("resolves", True, [_sentence(rng)]))
    return sections


def mutate(sections: list[_Section], seed: int = 2024) -> list[_Section]:
    """A proposal: clauses modified, added (relabelling those after), deleted, and one moved."""
    rng = random.Random(seed)
    new = [_Section(s.heading, s.operative, list(s.clauses)) for s in sections]
    for section in new:
        for i, text in enumerate(section.clauses):
            if rng.random() < 0.10:
                words = text.split()
                words[rng.randrange(1, len(words))] = rng.choice(WORDS)
                section.clauses[i] = " ".join(words).replace("2019", "2023")
        if rng.random() < 0.15 and len(section.clauses) > 2:
            del section.clauses[rng.randrange(len(section.clauses))]
        if rng.random() < 0.15:
            section.clauses.insert(
                rng.randrange(len(section.clauses) + 1), _sentence(rng)
            )
    if len(new) > 3:
        moved = new[1].clauses.pop(0) if len(new[1].clauses) > 1 else None
        if moved:
            new[-2].clauses.append(moved)
    return new


def render(sections: list[_Section], revision: str) -> str:
    lines = [
        f"RESOLUTION 999 (REV. {revision.upper()})",
        "Synthetic resolution for the benchmark",
        f"The Plenipotentiary Conference of the International Telecommunication Union ({revision}),",
    ]
    for section in sections:
        lines.append(section.heading)
        last = len(section.clauses) - 1
        for i, text in enumerate(section.clauses):
            label = str(i + 1) if section.operative else _letter(i) + ")"
            lines.append(f"{label} {text}{',' if i == last else ';'}")
    return "\n".join(lines) + "\n"


def _letter(i: int) -> str:
    return LETTERS[i] if i < 26 else LETTERS[i // 26 - 1] + LETTERS[i % 26]


def synthetic_pair(size_bytes: int) -> tuple[str, str]:
    sections = synthetic_sections(size_bytes)
    return render(sections, "Busan, 2014"), render(mutate(sections), "Dubai, 2018")


def _best_ms(function, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def _difflib(old: str, new: str) -> None:
    difflib.SequenceMatcher(None, old, new).get_opcodes()


def _difflib_ms(old: str, new: str, cap_s: float, repeat: int) -> tuple[float, bool]:
    """difflib's time: in process for small texts, else in a child stopped at `cap_s`."""
    if len(old) + len(new) <= 100_000:
        return _best_ms(lambda: _difflib(old, new), repeat), False
    context = multiprocessing.get_context("fork")
    process = context.Process(target=_difflib, args=(old, new))
    start = time.perf_counter()
    process.start()
    process.join(cap_s)
    elapsed = (time.perf_counter() - start) * 1000
    if process.is_alive():
        process.terminate()
        process.join()
        return cap_s * 1000, True
    return elapsed, False


def _peak_mb(old: str, new: str) -> float:
    tracemalloc.start()
    compare(parse(old), parse(new))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def measure(
    name: str, old: str, new: str, difflib_cap_s: float = DIFFLIB_CAP_S
) -> dict:
    repeat = 5 if len(old) < 100_000 else (3 if len(old) < 1_000_000 else 1)
    docs = (parse(old), parse(new))
    parse_ms = _best_ms(lambda: (parse(old), parse(new)), repeat)
    compare_ms = _best_ms(lambda: compare(*docs), repeat)
    dmp_ms = _best_ms(lambda: char_diff(old, new, timeout=1.0), repeat)
    difflib_ms, capped = _difflib_ms(old, new, difflib_cap_s, repeat)
    total = parse_ms + compare_ms
    return {
        "name": name,
        "size_bytes": len(old.encode("utf-8")),
        "parse_ms": round(parse_ms, 1),
        "compare_ms": round(compare_ms, 1),
        "total_ms": round(total, 1),
        "dmp_char_ms": round(dmp_ms, 1),
        "difflib_ms": round(difflib_ms, 1),
        "difflib_capped": capped,
        "compare_vs_dmp": round(compare_ms / dmp_ms, 2),
        "total_vs_dmp": round(total / dmp_ms, 2),
        "difflib_vs_compare": round(difflib_ms / compare_ms, 1),
        "difflib_vs_total": round(difflib_ms / total, 1),
        "peak_mb": round(_peak_mb(old, new), 1),
    }


def run(
    sizes=(20_000, 200_000, 2_000_000), difflib_cap_s: float = DIFFLIB_CAP_S
) -> list[dict]:
    """One row per synthetic size, then one for the Resolution 75 pair."""
    rows = []
    for size in sizes:
        old, new = synthetic_pair(size)
        rows.append(measure(f"synthetic {size // 1000} KB", old, new, difflib_cap_s))
    old = (RES75 / "res75-geneva-2022.fr.txt").read_text(encoding="utf-8")
    new = (RES75 / "res75-new-delhi-2024.fr.txt").read_text(encoding="utf-8")
    rows.append(
        measure("Res 75 Geneva 2022 -> New Delhi 2024", old, new, difflib_cap_s)
    )
    return rows


COLUMNS = (
    "name", "size_bytes", "parse_ms", "compare_ms", "total_ms", "dmp_char_ms", "difflib_ms",
    "compare_vs_dmp", "total_vs_dmp", "difflib_vs_compare", "difflib_vs_total", "peak_mb",
)  # fmt: skip


def table(rows: list[dict]) -> str:
    out = ["\t".join(COLUMNS)]
    for row in rows:
        cells = [str(row[c]) + ("+" if c == "difflib_ms" and row["difflib_capped"] else "")
                 for c in COLUMNS]  # fmt: skip
        out.append("\t".join(cells))
    out.append("(+ : difflib stopped at the cap; the figure is a lower bound)")
    return "\n".join(out)


if __name__ == "__main__":
    chosen = tuple(int(a) for a in sys.argv[1:]) or (20_000, 200_000, 2_000_000)
    print(table(run(chosen)))
