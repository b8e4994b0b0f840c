"""The section headings of ITU resolutions, in every language the engine reads.

ONE table: canonical key -> kind and the phrases that print it, per language. The key is the same
whatever the language, so that an English and a French text of one resolution line up. To add a
language (ar, zh, ru…), add its phrases under each key and its entry in INSTRUMENTS; nothing else
in the engine names a language.

Phrases are lower case; longer phrases win over their prefixes ("considering further" over
"considering"). French "décide" prints the English "resolves" of a resolution, so it is keyed
"resolves"; Spanish keeps "resuelve" and "decide" apart.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from .model import OPERATIVE, PREAMBULAR

P, O = PREAMBULAR, OPERATIVE

HEADINGS: dict[str, dict] = {
    # --- preamble -----------------------------------------------------------------------------
    "considering": {
        "kind": P,
        "en": ("considering",),
        "fr": ("considérant",),
        "es": ("considerando",),
    },
    "considering-further": {
        "kind": P,
        "en": (
            "considering further",
            "further considering",
            "considering also",
            "considering furthermore",
        ),
        "fr": (
            "considérant en outre",
            "considérant également",
            "considérant par ailleurs",
            "considérant de plus",
        ),
        "es": ("considerando además", "considerando asimismo", "considerando también"),
    },
    "recognizing": {
        "kind": P,
        "en": ("recognizing", "recognising"),
        "fr": ("reconnaissant",),
        "es": ("reconociendo",),
    },
    "recognizing-further": {
        "kind": P,
        "en": (
            "recognizing further",
            "recognizing also",
            "further recognizing",
            "recognising further",
            "recognising also",
        ),
        "fr": (
            "reconnaissant en outre",
            "reconnaissant également",
            "reconnaissant par ailleurs",
        ),
        "es": ("reconociendo además", "reconociendo asimismo", "reconociendo también"),
    },
    "noting": {
        "kind": P,
        "en": ("noting", "taking note"),
        "fr": ("notant", "prenant note"),
        "es": ("observando", "tomando nota", "señalando"),
    },
    "noting-further": {
        "kind": P,
        "en": ("noting further", "noting also", "further noting"),
        "fr": ("notant en outre", "notant également", "notant par ailleurs"),
        "es": (
            "observando además",
            "observando asimismo",
            "tomando nota además",
            "señalando además",
        ),
    },
    "noting-with-concern": {
        "kind": P,
        "en": (
            "noting with concern",
            "noting with grave concern",
            "noting with deep concern",
        ),
        "fr": ("notant avec préoccupation", "notant avec inquiétude"),
        "es": ("observando con preocupación", "tomando nota con preocupación"),
    },
    "noting-with-appreciation": {
        "kind": P,
        "en": (
            "noting with appreciation",
            "noting with satisfaction",
            "noting with satisfaction and appreciation",
        ),
        "fr": (
            "notant avec satisfaction",
            "notant avec gratitude",
            "notant avec satisfaction et gratitude",
        ),
        "es": (
            "observando con satisfacción",
            "tomando nota con satisfacción",
            "observando con agradecimiento",
        ),
    },
    "bearing-in-mind": {
        "kind": P,
        "en": ("bearing in mind",),
        "fr": ("ayant à l'esprit", "gardant à l'esprit"),
        "es": ("teniendo presente", "teniendo en mente"),
    },
    "taking-into-account": {
        "kind": P,
        "en": ("taking into account", "taking into consideration", "taking account of"),
        "fr": ("tenant compte", "tenant compte de", "compte tenu", "compte tenu de"),
        "es": ("teniendo en cuenta", "tomando en consideración"),
    },
    "recalling": {
        "kind": P,
        "en": ("recalling",),
        "fr": ("rappelant",),
        "es": ("recordando",),
    },
    "recalling-further": {
        "kind": P,
        "en": ("recalling further", "recalling also", "further recalling"),
        "fr": ("rappelant en outre", "rappelant également", "rappelant par ailleurs"),
        "es": ("recordando además", "recordando asimismo", "recordando también"),
    },
    "aware": {
        "kind": P,
        "en": ("aware", "being aware", "conscious"),
        "fr": ("conscient", "consciente", "ayant conscience"),
        "es": ("consciente", "conscientes"),
    },
    "mindful": {
        "kind": P,
        "en": ("mindful",),
        "fr": ("soucieuse", "soucieux"),
        "es": ("atenta",),
    },
    "convinced": {
        "kind": P,
        "en": ("convinced",),
        "fr": ("convaincu", "convaincue"),
        "es": ("convencida", "convencido"),
    },
    "concerned": {
        "kind": P,
        "en": ("concerned", "deeply concerned"),
        "fr": ("préoccupé", "préoccupée", "profondément préoccupée"),
        "es": ("preocupada", "profundamente preocupada"),
    },
    "emphasizing": {
        "kind": P,
        "en": ("emphasizing", "emphasising", "stressing", "underlining"),
        "fr": ("soulignant", "insistant"),
        "es": ("destacando", "subrayando", "haciendo hincapié"),
    },
    "highlighting": {
        "kind": P,
        "en": ("highlighting",),
        "fr": ("mettant en avant",),
        "es": ("poniendo de relieve",),
    },
    "welcoming": {
        "kind": P,
        "en": ("welcoming",),
        "fr": ("se félicitant", "accueillant avec satisfaction", "saluant"),
        "es": ("acogiendo con satisfacción", "celebrando"),
    },
    "reaffirming": {
        "kind": P,
        "en": ("reaffirming",),
        "fr": ("réaffirmant",),
        "es": ("reafirmando",),
    },
    "affirming": {
        "kind": P,
        "en": ("affirming",),
        "fr": ("affirmant",),
        "es": ("afirmando",),
    },
    "observing": {
        "kind": P,
        "en": ("observing",),
        "fr": ("observant",),
        "es": ("advirtiendo",),
    },
    "acknowledging": {
        "kind": P,
        "en": ("acknowledging",),
        "fr": ("prenant acte",),
        "es": ("admitiendo",),
    },
    "having-considered": {
        "kind": P,
        "en": ("having considered", "having examined"),
        "fr": ("ayant examiné", "ayant considéré"),
        "es": ("habiendo examinado", "habiendo considerado"),
    },
    "realizing": {
        "kind": P,
        "en": ("realizing", "realising"),
        "fr": ("se rendant compte",),
        "es": ("dándose cuenta",),
    },
    "expressing": {
        "kind": P,
        "en": ("expressing",),
        "fr": ("exprimant",),
        "es": ("expresando",),
    },
    "guided-by": {
        "kind": P,
        "en": ("guided by",),
        "fr": ("guidée par", "guidé par"),
        "es": ("guiada por",),
    },
    # --- operative part -----------------------------------------------------------------------
    "resolves": {
        "kind": O,
        "en": ("resolves",),
        "fr": ("décide",),
        "es": ("resuelve",),
    },
    "resolves-further": {
        "kind": O,
        "en": (
            "further resolves",
            "resolves further",
            "resolves also",
            "also resolves",
        ),
        "fr": ("décide en outre", "décide également", "décide par ailleurs"),
        "es": ("resuelve además", "resuelve asimismo", "resuelve también"),
    },
    "resolves-to-instruct": {
        "kind": O,
        "en": (
            "resolves to instruct",
            "further resolves to instruct",
            "decides to instruct",
        ),
        "fr": ("décide de charger",),
        "es": ("resuelve encargar", "decide encargar"),
    },
    "decides": {"kind": O, "en": ("decides",), "fr": (), "es": ("decide",)},
    "decides-further": {
        "kind": O,
        "en": ("further decides", "decides further", "decides also", "also decides"),
        "fr": (),
        "es": ("decide además", "decide asimismo"),
    },
    "instructs": {
        "kind": O,
        "en": ("instructs",),
        "fr": ("charge",),
        "es": ("encarga",),
    },
    "instructs-further": {
        "kind": O,
        "en": (
            "further instructs",
            "instructs further",
            "also instructs",
            "instructs also",
        ),
        "fr": ("charge en outre", "charge également", "charge par ailleurs"),
        "es": ("encarga además", "encarga asimismo", "encarga también"),
    },
    "invites": {"kind": O, "en": ("invites",), "fr": ("invite",), "es": ("invita",)},
    "invites-further": {
        "kind": O,
        "en": ("further invites", "invites further", "also invites", "invites also"),
        "fr": ("invite en outre", "invite également", "invite par ailleurs"),
        "es": ("invita además", "invita asimismo", "invita también"),
    },
    "encourages": {
        "kind": O,
        "en": ("encourages",),
        "fr": ("encourage",),
        "es": ("alienta", "anima"),
    },
    "encourages-further": {
        "kind": O,
        "en": ("further encourages", "encourages further", "also encourages"),
        "fr": ("encourage en outre", "encourage également"),
        "es": ("alienta además", "alienta asimismo"),
    },
    "requests": {
        "kind": O,
        "en": ("requests",),
        "fr": ("prie", "demande"),
        "es": ("pide", "solicita"),
    },
    "urges": {
        "kind": O,
        "en": ("urges",),
        "fr": ("exhorte", "prie instamment", "invite instamment", "engage vivement"),
        "es": ("insta",),
    },
    "calls-upon": {
        "kind": O,
        "en": ("calls upon", "calls on"),
        "fr": ("appelle", "lance un appel"),
        "es": ("hace un llamamiento", "exhorta"),
    },
    "recommends": {
        "kind": O,
        "en": ("recommends",),
        "fr": ("recommande",),
        "es": ("recomienda",),
    },
    "authorizes": {
        "kind": O,
        "en": ("authorizes", "authorises"),
        "fr": ("autorise",),
        "es": ("autoriza",),
    },
    "approves": {
        "kind": O,
        "en": ("approves",),
        "fr": ("approuve",),
        "es": ("aprueba",),
    },
    "adopts": {"kind": O, "en": ("adopts",), "fr": ("adopte",), "es": ("adopta",)},
    "endorses": {
        "kind": O,
        "en": ("endorses",),
        "fr": ("entérine",),
        "es": ("refrenda",),
    },
    "declares": {
        "kind": O,
        "en": ("declares",),
        "fr": ("déclare",),
        "es": ("declara",),
    },
    "appeals": {
        "kind": O,
        "en": ("appeals to", "appeals"),
        "fr": ("en appelle",),
        "es": ("apela",),
    },
}

# The "RESOLUTION 75 (…)" line and the "The … Conference/Assembly (…)," line, per language.
INSTRUMENTS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "resolution": ("resolution",),
        "decision": ("decision",),
        "recommendation": ("recommendation",),
        "annex": ("annex",),
        "assembly": ("conference", "assembly", "council", "meeting"),
        "article": ("the", "this"),
    },
    "fr": {
        "resolution": ("résolution",),
        "decision": ("décision",),
        "recommendation": ("recommandation",),
        "annex": ("annexe",),
        "assembly": ("conférence", "assemblée", "conseil", "réunion"),
        "article": ("l'", "la", "le", "les", "cette"),
    },
    "es": {
        "resolution": ("resolución",),
        "decision": ("decisión",),
        "recommendation": ("recomendación",),
        "annex": ("anexo",),
        "assembly": ("conferencia", "asamblea", "consejo", "reunión"),
        "article": ("la", "el", "los", "las", "esta", "este"),
    },
}

LANGUAGES = tuple(INSTRUMENTS)


@dataclass(frozen=True)
class HeadingMatch:
    key: str
    kind: str
    phrase: str  # as printed in the text
    end: int  # where the phrase ends in the matched string


def fold(text: str) -> str:
    """Case, apostrophe and Unicode-form insensitive form used to compare heading phrases."""
    text = (
        unicodedata.normalize("NFC", text).replace("\u2019", "'").replace("\u02bc", "'")
    )
    return text.lower()


@cache
def phrase_table(lang: str) -> dict[str, tuple[str, str]]:
    """Folded phrase -> (key, kind) for one language."""
    table: dict[str, tuple[str, str]] = {}
    for key, entry in HEADINGS.items():
        for phrase in entry.get(lang, ()):
            table[fold(phrase)] = (key, entry["kind"])
    return table


@cache
def phrase_regex(lang: str, kind: str | None = None) -> re.Pattern[str]:
    """Alternation of the language's phrases, longest first, ending at a word boundary."""
    phrases = [
        p for p, (_, k) in phrase_table(lang).items() if kind is None or k == kind
    ]
    phrases.sort(key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    return re.compile(rf"(?:{body})(?![\w'])", re.IGNORECASE)


def match_heading(text: str, lang: str, kind: str | None = None) -> HeadingMatch | None:
    """The heading phrase that `text` starts with, if any."""
    folded = fold(text)
    m = phrase_regex(lang, kind).match(folded)
    if not m:
        return None
    key, found_kind = phrase_table(lang)[" ".join(m.group(0).split())]
    return HeadingMatch(key, found_kind, text[: m.end()], m.end())


def heading_kind(key: str) -> str:
    return HEADINGS[key]["kind"]
