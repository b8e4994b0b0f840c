"""Find the resolution and the base revision a proposal names, or say clearly which is unknown.

Documents name the base revision the way they print it, in their own language ("Rév. Genève,
2022", "Rev. Ginebra, 2022", "Rev. Geneva, 2022"); the database keeps one label per revision,
usually in English. Labels are compared on (place, year) after folding accents and case and
mapping the French and Spanish names of ITU venues to English; when no place matches, a single
revision of that year is the one (an assembly of one kind meets once a year).
"""

from __future__ import annotations

import re
import unicodedata

from django.utils.translation import gettext

from meetings.models import Meeting
from resolutions.models import Assembly, Resolution, Revision


class MatchError(ValueError):
    """A proposal names a resolution or revision that is not in the database (one line)."""


# Which resolutions a meeting's proposals modify. TSAG prepares WTSA; regional preparatory
# meetings prepare any conference, so their proposals are matched across assemblies.
MEETING_ASSEMBLIES = {
    Meeting.Kind.WTSA: Assembly.WTSA,
    Meeting.Kind.TSAG: Assembly.WTSA,
    Meeting.Kind.PP: Assembly.PP,
    Meeting.Kind.COUNCIL: Assembly.COUNCIL,
}

# French and Spanish names of ITU venues, folded, to the folded English name.
_EXONYMS = {
    "geneve": "geneva",
    "ginebra": "geneva",
    "doubai": "dubai",
    "dubai": "dubai",
    "bucarest": "bucharest",
    "nueva delhi": "new delhi",
    "johannesbourg": "johannesburg",
    "marrakech": "marrakesh",
    "estambul": "istanbul",
    "kioto": "kyoto",
    "charm el-cheikh": "sharm el-sheikh",
    "sharm el-cheikh": "sharm el-sheikh",
    "montreal": "montreal",
    "pusan": "busan",
}
_PREFIX = re.compile(r"^\s*(?:rev|rév)\.?\s*", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.replace("\u2011", "-").split())


def label_key(label: str) -> tuple[str, str]:
    """("geneva", "2022") for "Rév. Genève, 2022", "Rev. Geneva, 2022" or "Geneva, 2022"."""
    text = fold(_PREFIX.sub("", label))
    year = _YEAR.search(text)
    place = text[: year.start()] if year else text
    place = place.strip(" ,;()")
    return _EXONYMS.get(place, place), year.group(1) if year else ""


def find_resolution(meeting: Meeting, number: str) -> Resolution:
    assembly = MEETING_ASSEMBLIES.get(meeting.kind)
    candidates = Resolution.objects.filter(number__iexact=number.strip())
    if assembly:
        candidates = candidates.filter(assembly=assembly)
    found = list(candidates[:3])
    if not found:
        name = (
            gettext("%(assembly)s Resolution %(number)s")
            % {"assembly": Assembly(assembly).label, "number": number}
            if assembly
            else gettext("Resolution %(number)s") % {"number": number}
        )
        raise MatchError(
            gettext("unknown resolution: %(name)s is not in the database") % {"name": name}
        )
    if len(found) > 1:
        assemblies = ", ".join(sorted(r.get_assembly_display() for r in found))
        message = gettext(
            "Resolution %(number)s exists for several assemblies (%(assemblies)s); "
            "import into a meeting of the right assembly"
        )
        raise MatchError(message % {"number": number, "assemblies": assemblies})
    return found[0]


def find_revision(
    resolution: Resolution, label: str | None, *, meeting: Meeting, proposed: bool
) -> Revision:
    """The revision ``label`` names; the latest published one when there is no label.

    ``proposed`` says the label comes from the proposed text (a clean document prints the label
    the proposal would give, e.g. "Rev. New Delhi, 2024"): a label of the meeting's year or later
    is then the proposal's own, and the base is the latest published revision.
    """
    revisions = list(resolution.revisions.all())
    if label:
        place, year = label_key(label)
        same_year = [r for r in revisions if label_key(r.label)[1] == year]
        exact = [r for r in same_year if label_key(r.label)[0] == place]
        if len(exact) == 1 or (not exact and len(same_year) == 1):
            return (exact or same_year)[0]
        if not (proposed and year and int(year) >= meeting.start_date.year):
            known = ", ".join(r.label for r in revisions) or gettext("none")
            message = gettext(
                "unknown base revision: %(resolution)s has no revision %(label)s (known: %(known)s)"
            )
            raise MatchError(
                message % {"resolution": resolution, "label": repr(label), "known": known}
            )
    published = [r for r in revisions if r.is_published]
    if not published:
        raise MatchError(
            gettext("unknown base revision: %(resolution)s has no published revision")
            % {"resolution": resolution}
        )
    return max(published, key=lambda r: (r.adopted_on is not None, r.adopted_on, r.pk))
