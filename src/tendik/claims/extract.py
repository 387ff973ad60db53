"""Find the numeric claims in a text: shares, counts, money and changes, in English and Russian."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from tendik.claims import period as periods
from tendik.claims.dates import YEAR_RANGE, YEAR_SUFFIXED, Mention, find_dates, year_mention
from tendik.claims.exclusions import excluded_spans
from tendik.claims.fractions import find_fractions
from tendik.claims.model import Claim, Language, Period
from tendik.claims.qualify import qualify
from tendik.claims.recognise import (
    Found,
    Sentence,
    frame_numbers,
    merge_compounds,
    merge_pairs,
)
from tendik.claims.sentences import detect_language, split_sentences
from tendik.claims.spans import PHRASE_REACH, SpanIndex, in_range
from tendik.claims.subject import subject_for
from tendik.errors import UnsupportedLanguage

_CONVERSION_BETWEEN = re.compile(
    r"(?i)\s*(?:[(\[]|,?\s*(?:or|или|i\.e\.|equivalent\s+to|что\s+составляет)\s)\s*$"
)


@dataclass
class _Draft:
    found: Found
    sentence: tuple[int, int]
    language: Language
    subject: str | None
    period: Period | None
    group: int | None = None
    converted_from: int | None = None  # index of the draft this one restates
    repeats: list[tuple[int, int]] = field(default_factory=list)


def extract_claims(
    text: str, *, language: str | None = None, published: date | None = None
) -> list[Claim]:
    """Every numeric claim in `text`, in text order, with ids "c1", "c2", ...

    `language` ("en" or "ru") is detected per sentence when not given (any other value raises
    UnsupportedLanguage); `published` is the publication date, the period of claims whose text
    names none.
    """
    _check_language(language)
    mentions = _mentions(text, published)
    mention_starts = [m.span[0] for m in mentions]
    excluded = SpanIndex(excluded_spans(text) + [m.span for m in mentions])
    drafts: list[_Draft] = []
    seen: dict[str, list[int]] = {}
    previous: list[Mention] = []
    last_end = 0
    groups = 0
    for start, end in split_sentences(text):
        lang = _language(text[start:end], language)
        s = Sentence(text, start, end, lang, excluded)
        found, bare_years = frame_numbers(s)
        first, last = in_range(mention_starts, start, end)
        own = mentions[first:last]
        own += [year_mention(text, y) for y in bare_years]
        own.sort(key=lambda m: m.span)
        if "\n" in text[last_end:start]:
            previous = []
        sentence_drafts = _sentence_drafts(s, found, own, previous, published)
        key = " ".join(text[start:end].split()).casefold()
        if key in seen and len(seen[key]) == len(sentence_drafts):
            for index, draft in zip(seen[key], sentence_drafts, strict=True):
                drafts[index].repeats.append((draft.found.start, draft.found.end))
        else:
            groups = _link_currencies(text, sentence_drafts, len(drafts), groups)
            seen.setdefault(key, list(range(len(drafts), len(drafts) + len(sentence_drafts))))
            drafts.extend(sentence_drafts)
        previous = own or previous
        last_end = end
    return _claims(text, drafts)


def _language(sentence: str, given: str | None) -> Language:
    if given is None:
        return detect_language(sentence)
    return given  # type: ignore[return-value]


def _check_language(language: str | None) -> None:
    if language not in (None, "en", "ru"):
        raise UnsupportedLanguage(
            f"claims can be read in English ('en') or Russian ('ru'), not {language!r}",
            key="language",
        )


def _mentions(text: str, published: date | None) -> list[Mention]:
    found = find_dates(text, published)
    taken = SpanIndex(x.span for x in found)
    suffixed = [
        year_mention(text, m.span())
        for m in YEAR_SUFFIXED.finditer(text)
        if not taken.overlaps(m.span())
    ]
    found += suffixed
    taken = SpanIndex(x.span for x in found)
    found += [
        Mention(m.span(), None) for m in YEAR_RANGE.finditer(text) if not taken.overlaps(m.span())
    ]
    return sorted(found, key=lambda m: m.span)


def _sentence_drafts(
    s: Sentence,
    found: list[Found],
    mentions: list[Mention],
    previous: list[Mention],
    published: date | None,
) -> list[_Draft]:
    found = merge_pairs(s, merge_compounds(s, found))
    numbers = SpanIndex(_spans(found))
    words = [f for f in find_fractions(s) if not numbers.overlaps((f.start, f.end))]
    found = qualify(s, sorted(found + words, key=lambda f: f.start))
    times = periods.SentenceTimes(
        s.text, (s.start, s.end), mentions, previous, published,
        [((f.start, f.end), f.unit) for f in found],
    )  # fmt: skip
    drafts = []
    for f in found:
        span = (f.start, f.end)
        if f.kind == "change" and f.change and f.change.from_value is not None:
            f = replace(f, change=replace(f.change, since=times.since(span)))
        before = s.text[max(s.start, f.start - PHRASE_REACH) : f.start]
        after = s.text[f.end : min(s.end, f.end + PHRASE_REACH)]
        subject = subject_for(before, after, f.unit, f.kind, s.language)
        period = times.resolve(span, f.unit)
        drafts.append(_Draft(f, (s.start, s.end), s.language, subject, period))  # type: ignore[arg-type]
    return drafts


def _spans(found: list[Found]) -> list[tuple[int, int]]:
    return [(f.start, f.end) for f in found]


def _link_currencies(text: str, drafts: list[_Draft], offset: int, groups: int) -> int:
    """Link money stated twice: in "4.1 billion tenge (US$8.2 million)" the second restates
    the first in another currency."""
    for i in range(1, len(drafts)):
        a, b = drafts[i - 1], drafts[i]
        if a.found.unit != "currency" or b.found.unit != "currency":
            continue
        if a.found.currency == b.found.currency:
            continue
        if not _CONVERSION_BETWEEN.fullmatch(text, a.found.end, b.found.start):
            continue
        if a.group is None:
            groups += 1
            a.group = groups
        b.group = a.group
        b.converted_from = offset + i - 1
        b.subject = b.subject if b.subject and a.subject is None else a.subject
    return groups


def _claims(text: str, drafts: list[_Draft]) -> list[Claim]:
    claims: list[Claim] = []
    sentences: dict[tuple[int, int], str] = {}  # one string per sentence, shared by its claims
    for i, d in enumerate(drafts):
        f = d.found
        if d.sentence not in sentences:
            sentences = {d.sentence: text[d.sentence[0] : d.sentence[1]]}
        claims.append(
            Claim(
                id=f"c{i + 1}",
                span=(f.start, f.end),
                text=text[f.start : f.end],
                value=f.value,
                unit=f.unit,  # type: ignore[arg-type]
                sentence=sentences[d.sentence],
                language=d.language,
                kind=f.kind,  # type: ignore[arg-type]
                currency=f.currency,
                scale=f.scale,
                qualifier=f.qualifier,
                subject=d.subject,
                decimals=f.decimals,
                bounds=f.bounds,
                change=f.change,
                period=d.period,
                group=f"g{d.group}" if d.group else None,
                converted_from=f"c{d.converted_from + 1}" if d.converted_from is not None else None,
                repeats=tuple(d.repeats),
            )
        )
    return claims
