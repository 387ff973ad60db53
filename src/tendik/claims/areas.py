"""Which country or region a claim is about: names and adjectives in English and Russian.

A claim takes the area named nearest to it in its own sentence; else the last country or region
named before it in the text; else the first one named after it; else the project's own area
(the world is a comparison: it is taken from the claim's own sentence only). Names of
national parliaments count as their country ("Mazhilis" is Kazakhstan's, "Jogorku Kenesh"
Kyrgyzstan's); "worldwide", "global average", "среднемировой" name the world (WLD). Kazakhstan's
regions are found by their names in tendik.reference, and given their ISO 3166-2:KZ codes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from tendik.claims.words import stem, words
from tendik.reference import KZ_REGIONS

# ISO 3166-1 alpha-3 code -> the beginnings of its names and adjectives (en, ru).
_COUNTRIES: dict[str, str] = {
    "KAZ": r"kazakh|qazaq|казахстан|казахск|мажилис|majilis|mazhilis|mäjilis",
    "KGZ": r"kyrgyz|kirgiz|кыргыз|киргиз|jogorku|жогорку",
    "UZB": r"uzbek|узбек|oliy\s+maj|олий\s+мажл",
    "TJK": r"tajik|таджик",
    "TKM": r"turkmen|туркмен",
    "ARM": r"armenia|армени|армян",
    "GEO": r"georgia|грузи",
    "AZE": r"azerbaijan|азербайджан",
    "RUS": r"russia\b|russian\s+federation|росси",
    "MNG": r"mongolia|монголи",
    "SWE": r"swed|швеци|шведск",
    "RWA": r"rwand|руанд",
    "FRA": r"france|french|франци|французск",
    "USA": r"united\s+states|u\.s\.a?\b|usa\b|сша\b",
    "TUR": r"turkey|türkiye|турци|турецк",
    "CHN": r"china|chinese|кита[йея]",
    "DEU": r"germany|german\b|германи",
    "GBR": r"united\s+kingdom|britain|british|великобритани",
    "WLD": r"worldwide|world(?:'s)?\s+average|global(?:ly|\s+average)|среднемиров|в\s+мире\b",
}
_COUNTRY_PATTERN = re.compile(
    "|".join(rf"(?P<{code}>(?<![\w]){pattern})" for code, pattern in _COUNTRIES.items()),
    re.IGNORECASE,
)
# Words that make the name of a region longer: "Almaty Region" is not the city of Almaty.
_REGION_WORDS = frozenset({"region", "oblast", "област", "облыс"})


@dataclass(frozen=True)
class AreaMention:
    """An area named in a text: its code and where."""

    code: str
    start: int
    end: int
    text: str

    @property
    def is_region(self) -> bool:
        return self.code.startswith("KZ-")


def _region_keys() -> list[tuple[str, tuple[str, ...], bool]]:
    """(code, stems of the distinctive words, whether the name says "region") per name."""
    keys: list[tuple[str, tuple[str, ...], bool]] = []
    for r in KZ_REGIONS:
        for name in (r.name_en, r.name_ru, r.name_kk):
            stems = [stem(w) for w in re.split(r"[\s-]+", name) if w]
            distinctive = tuple(s for s in stems if s not in _REGION_WORDS)
            keys.append((r.code, distinctive, len(distinctive) < len(stems)))
    # longer names first, so "Almaty Region" wins over "Almaty"
    return sorted(keys, key=lambda k: (-(len(k[1]) + k[2]), k[0]))


_REGIONS = _region_keys()


def find_areas(text: str) -> list[AreaMention]:
    """Every country, world or Kazakh region named in `text`, in text order."""
    found = [
        AreaMention(m.lastgroup or "", m.start(), m.end(), m.group())
        for m in _COUNTRY_PATTERN.finditer(text)
    ]
    found += _find_regions(text)
    return sorted(found, key=lambda a: (a.start, -a.end))


def _find_regions(text: str) -> list[AreaMention]:
    tokens = words(text)
    at: dict[str, list[int]] = {}
    for i, t in enumerate(tokens):
        at.setdefault(t.stem, []).append(i)
    taken: set[int] = set()
    found: list[AreaMention] = []
    for code, stems, with_region_word in _REGIONS:
        n = len(stems)
        for i in at.get(stems[0], []) if stems else []:
            window = tokens[i : i + n]
            if any(j in taken for j in range(i, i + n)):
                continue
            if [t.stem for t in window] != list(stems):
                continue
            last = i + n
            if with_region_word:
                if last >= len(tokens) or tokens[last].stem not in _REGION_WORDS:
                    continue
                last += 1
            taken.update(range(i, last))
            start, end = tokens[i].start, tokens[last - 1].end
            found.append(AreaMention(code, start, end, text[start:end]))
    return found


class AreaIndex:
    """The areas named in a text, for finding each claim's area in logarithmic time."""

    def __init__(self, mentions: list[AreaMention]) -> None:
        self.mentions = sorted(mentions, key=lambda a: (a.start, -a.end))
        self.starts = [m.start for m in self.mentions]
        self.places = [m for m in self.mentions if m.code != "WLD"]
        self.place_starts = [m.start for m in self.places]

    def area_for(
        self, span: tuple[int, int], sentence: tuple[int, int], default: str
    ) -> tuple[str, AreaMention | None]:
        """The area a claim at `span` is about, and the mention that says so (None: the
        default): the nearest named in its sentence (a country before a region on a tie),
        else the last place named before the sentence, else the first named after it."""
        first, last = bisect_left(self.starts, sentence[0]), bisect_left(self.starts, sentence[1])
        at = bisect_left(self.starts, span[0], first, last)
        near = [
            m for m in self.mentions[max(first, at - _NEAR) : min(last, at + _NEAR)]
            if m.end <= sentence[1]
        ]  # fmt: skip
        if near:
            best = min(near, key=lambda m: (_distance(span, m), not m.is_region))
            return best.code, best
        i = bisect_left(self.place_starts, sentence[0]) - 1
        while i >= 0 and i > bisect_left(self.place_starts, sentence[0]) - 1 - _NEAR:
            if self.places[i].end <= sentence[0]:
                return self.places[i].code, self.places[i]
            i -= 1
        j = bisect_left(self.place_starts, sentence[1])
        if j < len(self.places):
            return self.places[j].code, self.places[j]
        return default, None


# Mentions either side of a claim's place that may be the nearest (names overlap a little).
_NEAR = 4


def area_for(
    span: tuple[int, int],
    sentence: tuple[int, int],
    mentions: list[AreaMention],
    default: str,
) -> tuple[str, AreaMention | None]:
    """The area a claim at `span` is about, and the mention that says so (None: the default)."""
    return AreaIndex(mentions).area_for(span, sentence, default)


def _distance(span: tuple[int, int], m: AreaMention) -> int:
    if m.end <= span[0]:
        return span[0] - m.end
    if span[1] <= m.start:
        return m.start - span[1]
    return 0
