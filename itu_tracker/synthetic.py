"""Synthetic but realistic resolutions and amendments, for benchmarks and scale data.

Pure Python and seeded: the same seed always gives the same corpus. A resolution is built as
a structure (sections of labelled clauses) and rendered to text in the layout of ITU texts,
so the scale generator can store clauses without parsing megabytes, and the benchmarks can
feed the text engine texts it has never seen.
"""

import random
from dataclasses import dataclass, replace

PREAMBLE = ("considering", "recognizing", "noting", "bearing in mind", "recalling")
OPERATIVE = (
    "resolves",
    "instructs the Director of the Telecommunication Standardization Bureau",
    "instructs the Telecommunication Standardization Advisory Group",
    "invites Member States",
    "encourages Sector Members",
)
_WORDS = [
    "telecommunication",
    "standardization",
    "study",
    "groups",
    "developing",
    "countries",
    "information",
    "communication",
    "technologies",
    "implementation",
    "outcomes",
    "sustainable",
    "development",
    "Member",
    "States",
    "Sector",
    "Members",
    "coordination",
    "cooperation",
    "relevant",
    "organizations",
    "capacity",
    "building",
    "conformance",
    "interoperability",
    "infrastructure",
    "security",
    "confidence",
    "networks",
    "services",
    "accessibility",
    "affordability",
    "regional",
    "preparatory",
    "meetings",
    "contributions",
    "report",
    "progress",
    "activities",
    "framework",
    "guidelines",
    "Recommendations",
    "Questions",
    "within",
    "its",
    "mandate",
]
_EXPANSIONS = (
    "to develop Recommendations on the management of Internet domain names and IP addresses",
    "to lead the standardization of artificial intelligence and metaverse governance",
    "to coordinate the development of New IP network protocols",
    "to study traceability of users at the network layer",
)


@dataclass(frozen=True)
class SynthClause:
    label: str
    text: str


@dataclass(frozen=True)
class SynthSection:
    heading: str
    operative: bool
    clauses: tuple[SynthClause, ...]


@dataclass(frozen=True)
class SynthResolution:
    number: int
    title: str
    label: str
    sections: tuple[SynthSection, ...]

    def render(self) -> str:
        lines = [f"RESOLUTION {self.number} ({self.label})", self.title]
        lines.append("The World Telecommunication Standardization Assembly,")
        for section in self.sections:
            lines.append(section.heading)
            lines.extend(f"{c.label}\t{c.text}" for c in section.clauses)
        return "\n".join(lines) + "\n"


def _sentence(rng: random.Random, words: int) -> str:
    return "that " + " ".join(rng.choice(_WORDS) for _ in range(words)) + ";"


def _labels(operative: bool, count: int) -> list[str]:
    if operative:
        return [str(i + 1) for i in range(count)]
    return [f"{chr(ord('a') + i % 26)}{'' if i < 26 else i // 26})" for i in range(count)]


def resolution(rng: random.Random, number: int, size_bytes: int) -> SynthResolution:
    """A resolution of about `size_bytes` characters, a third preamble, the rest operative."""
    headings = [(h, False) for h in PREAMBLE] + [(h, True) for h in OPERATIVE]
    per_section = max(1, size_bytes // (len(headings) * 235))  # ~235 characters a clause
    sections = []
    for heading, operative in headings:
        labels = _labels(operative, per_section)
        clauses = tuple(SynthClause(label, _sentence(rng, rng.randint(12, 30))) for label in labels)
        sections.append(SynthSection(heading, operative, clauses))
    title = f"Synthetic resolution {number} on " + " ".join(rng.sample(_WORDS, 4))
    return SynthResolution(number, title, "Rev. Geneva, 2022", tuple(sections))


@dataclass(frozen=True)
class Edit:
    kind: str  # "modified" | "added" | "deleted"
    section: str
    operative: bool
    old: SynthClause | None
    new: SynthClause | None
    expands: bool


def amend(rng: random.Random, base: SynthResolution, changes: int) -> tuple[SynthResolution, list]:
    """A proposal on `base` that changes `changes` clauses; returns the new text and the edits."""
    sections = [list(s.clauses) for s in base.sections]
    edits: list[Edit] = []
    for _ in range(changes):
        index = rng.randrange(len(sections))
        section, clauses = base.sections[index], sections[index]
        edits.append(_edit(rng, section, clauses))
    new_sections = tuple(
        replace(s, clauses=tuple(c)) for s, c in zip(base.sections, sections, strict=True)
    )
    return replace(base, label="Rev. New Delhi, 2024", sections=new_sections), edits


def _edit(rng: random.Random, section: SynthSection, clauses: list[SynthClause]) -> Edit:
    expands = section.operative and rng.random() < 0.3
    choice = rng.random()
    if choice < 0.2 and len(clauses) > 1:
        old = clauses.pop(rng.randrange(len(clauses)))
        return Edit("deleted", section.heading, section.operative, old, None, False)
    if choice < 0.45:
        text = rng.choice(_EXPANSIONS) + ";" if expands else _sentence(rng, 15)
        new = SynthClause(f"{len(clauses) + 1}" if section.operative else "z)", text)
        clauses.append(new)
        return Edit("added", section.heading, section.operative, None, new, expands)
    position = rng.randrange(len(clauses))
    old = clauses[position]
    addition = rng.choice(_EXPANSIONS) if expands else " ".join(rng.sample(_WORDS, 3))
    new = SynthClause(old.label, old.text.rstrip(";") + ", " + addition + ";")
    clauses[position] = new
    return Edit("modified", section.heading, section.operative, old, new, expands)
