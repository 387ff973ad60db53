"""Numbers that are not claims: dates, times, ordinals, reference numbers, phones, list labels."""

from __future__ import annotations

import re

_REFERENCE_WORDS = (
    r"resolutions?|res\.|no\.|nos\.|nr\.|number|№|#|articles?|art\.|laws?|decrees?|orders?|"
    r"sections?|chapters?|clauses?|paragraphs?|items?|pages?|p\.|pp\.|vol\.|volume|issue|isbn|"
    r"issn|doi|sdgs?|goals?|indicators?|conventions?|codes?|protocols?|"
    r"статья|статьи|статье|статьей|ст\.|пункта?|пункте|п\.|подпункта?|пп\.|закона?|законом|"
    r"указа?|указом|постановлени[еяю]|приказа?|приказом|резолюци[яиюей]|главы?|раздела?|"
    r"цур|задач[аи]|индикатора?|конвенци[яиюей]|протокола?|кодекса?"
)

_PATTERNS: tuple[re.Pattern[str], ...] = (
    # web addresses and e-mail addresses carry digits that mean nothing
    re.compile(r"(?i)\b(?:https?://|www\.)\S+"),
    re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),
    # times of day and time zones: "10:00", "15:03", "GMT +6"
    re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?"),
    re.compile(r"(?i)\b(?:GMT|UTC)\s*[+−-]\s*\d{1,2}"),
    # "по данным на 19.00", "at 10.30": a time written with a dot after a preposition
    re.compile(
        r"(?i)(?<![\w])(?:в|на|к|до|с|по|at|by|until|from)\s+(?:[01]?\d|2[0-3])\.[0-5]\d"
        r"(?![\d%])(?!\s*(?:%|процент|percent|per\s+cent|тыс|млн|млрд|thousand|million|billion))"
    ),
    # reference numbers: "Resolution 1325", "No. 123", "№ 5", "Article 89 (4)", "Law 335-VI"
    re.compile(
        rf"(?i)(?<![\w])(?:{_REFERENCE_WORDS})\s*(?:(?:no\.?|№|n)\s*)?\d[\w./-]*"
        r"(?:\s*\(\d+\))?"
    ),
    re.compile(r"(?<![\w])\d+(?:\.\d+){2,}[a-z]?\b"),  # "5.5.1", "5.5.2b"
    re.compile(r"(?i)\b(?:targets?|задач[аи])\s+\d+(?:\.\d+)+[a-z]?\b"),  # "target 5.5"
    re.compile(r"(?<![\w])\d+-[A-ZА-Я]{1,4}\b"),  # "335-VI", "2464-ЗРК"
    re.compile(r"\[\d+(?:[,\s-]+\d+)*\]"),  # citation marks "[1]", "[2, 5]"
    # ordinals and anniversaries: "30th", "25-летие", "69-е", "2-го", "45-летняя"
    re.compile(r"(?i)(?<![\w.,])\d+(?:st|nd|rd|th)\b"),
    re.compile(
        r"(?<![\w.,])\d+\s?-\s?(?:лет(?:ие|ия|ию|ием|нему|него|ний|няя|нюю|ней|них|них)?|"
        r"летн\w*|й|я|е|го|му|м|х|ое|ый|ой|ий|ая|ья|ье|ых|ым|ом|ую)(?![\w])"
    ),
    # durations and ages: "24 years", "46 лет", "29-year-old"
    re.compile(
        r"(?i)(?<![\w.,])(?:\d+\s*(?:[-–—]|to|до|and|и|or|или)\s*)?\d+(?:[.,]\d+)?\s*-?\s*(?:years?|yrs?|months?|weeks?|days?|hours?|"
        r"minutes?|decades?|лет|годам?|месяц\w*|недел\w*|дн(?:я|ей|ям)|сут\w*|час\w*|минут\w*)"
        r"(?:[\s-]old)?(?![\w])"
    ),
    # ages: "aged 18 to 29", "at the age of 45", "в возрасте от 25 до 29"
    re.compile(
        r"(?i)(?<![\w])(?:aged|ages|age\s+of|в\s+возрасте)\s+(?:(?:from|between|under|over|"
        r"от|до|старше|моложе)\s+)?\d+(?:\s*(?:[-–—]|to|and|до|и)\s*\d+)?"
    ),
    # telephone numbers
    re.compile(r"\+\d[\d\s()-]{7,}\d"),
    re.compile(r"\(\d{3,5}\)\s*\d[\d\s-]{4,}\d"),
    re.compile(r"(?<![\d,.])\d{3}-\d{2}-\d{2}(?!\d)"),
    re.compile(r"(?<![\d,.])(?:\+?\d[\s-]?)?\(?\d{3}\)?[\s-]\d{3}[\s-]?\d{2}[\s-]?\d{2}(?![\d%])"),
    re.compile(r"(?i)\b(?:tel|тел|phone|fax|факс)\.?:?\s*[+\d][\d\s()-]{5,}\d"),
    # list numbering at the start of a line: "1. ", "2) ", "(3) "
    re.compile(r"(?m)^[ \t]*(?:\(?\d{1,2}[.)]|\d{1,2}\.\d{1,2}\.?)(?=[ \t])"),
    re.compile(r"(?<![\w(.,])\d{1,2}\)(?=[\s;,])"),  # "... following: 1) a shift; 2) an ..."
    # ranks: "45 место", "on place 3" (ordinals written without a suffix)
    re.compile(r"(?i)(?<![\w.,])\d+\s+(?:место|месте|месту|place|position)\b"),
    # numbers glued into names and codes: "COVID-19", "G20", "5G", "IT-2", "Article19"
    re.compile(r"(?<=[A-Za-zА-Яа-яЁё])[-+]?\d+(?:[.,]\d+)?(?![\d%])"),
)


def excluded_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the text whose digits are not numeric claims."""
    spans = [m.span() for pattern in _PATTERNS for m in pattern.finditer(text)]
    return sorted(spans)


def inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether `span` overlaps any of `spans`."""
    return any(span[0] < b and a < span[1] for a, b in spans)
