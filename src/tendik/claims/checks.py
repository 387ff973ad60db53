"""Checks that need no data: does a text agree with itself?

- ``share-from-counts``: a share stated beside the counts it comes from ("12 women and 38 men,
  30%"; "29 of 106 (27%)"; "out of 86 700 civil servants, 47 800 (55%)") must follow from them
  within its rounding.
- ``amount-per-unit``: a sum of money spread over financed units (projects, loans, businesses,
  homes; or people, where the sentence speaks of loans) must come to a plausible amount each:
  at least US$1,000 and at most US$100 million a unit, converted at the period's average rate.
  A smaller amount that would be plausible a thousand times larger is flagged as a scale slip
  ("billion" for "trillion").
- ``conversion-rate``: an amount restated in another currency ("4.1 billion tenge (US$8.2
  million)") must imply a rate within ±10% of the average rate of the claim's year or of the
  year before (see data/PROVENANCE.md); a rate a thousand times off is called so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from tendik.claims.model import Claim
from tendik.claims.rates import Rate, kzt_per_usd, rates_for
from tendik.claims.spans import REACH, count_upto, in_range
from tendik.claims.tolerance import tolerance

MIN_PER_UNIT_USD = 1_000.0
MAX_PER_UNIT_USD = 100_000_000.0
RATE_TOLERANCE = 0.10
_SCALE_UP = {
    "thousand": "million", "million": "billion", "billion": "trillion", "bn": "trillion",
    "mln": "billion", "тыс": "млн", "тысяч": "миллионов", "млн": "млрд", "миллионов": "миллиардов",
    "млрд": "трлн", "миллиардов": "триллионов",
}  # fmt: skip


@dataclass(frozen=True)
class Finding:
    """The outcome of one check on one claim."""

    type: str  # "share-from-counts", "amount-per-unit", "conversion-rate"
    claim: str  # the id of the claim it is about
    ok: bool
    message: str
    related: tuple[str, ...] = ()  # the ids of the other claims it used
    figures: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "claim": self.claim,
            "ok": self.ok,
            "message": self.message,
            "related": list(self.related),
            "figures": dict(self.figures),
        }


def run_checks(
    text: str, claims: Sequence[Claim], sentences: Sequence[tuple[int, int]]
) -> list[Finding]:
    """Every data-free finding on the claims of `text`."""
    findings: list[Finding] = []
    starts = [c.span[0] for c in claims]
    for start, end in sentences:
        first, last = in_range(starts, start, end)
        own = claims[first:last]
        if len(own) < 2:
            continue
        findings += share_from_counts(text, own, (start, end))
        findings += amount_per_unit(text, own, (start, end))
    findings += conversions(claims)
    return findings


# --- shares and the counts they come from ------------------------------------------------------
_OF = re.compile(r"(?i)^\s*(?:out\s+of|of|из|от)\s*(?:the\s+)?$")
_TOTAL_FIRST = re.compile(r"(?i)(?:out\s+of|из|among|среди)\s*$")
_OF_WHOM = re.compile(r"(?i)(?:из\s+них|of\s+(?:whom|them|which))\s*,?\s*$")
_WOMEN_AND = re.compile(
    r"(?i)(?:wom[ae]n|female|женщин)[^.;]{0,40}?\b(?:and|against|vs\.?|против|и)\s*$"
)
_MEN_AFTER = re.compile(r"(?i)^[^.;,]{0,40}?\b(?:men|male|мужчин\w*)\b")
_SEATS_AFTER = re.compile(r"(?i)^-?\s?(?:seat|member|местн|мандатн)")
_WOMEN_AFTER = re.compile(r"(?i)^\s*(?:wom[ae]n|female|женщин)")


def _pair(text: str, counts: list[Claim]) -> tuple[Claim, Claim, bool] | None:
    """(part, total, total is part + other) for the first pair of counts that make a share."""
    for a, b in pairwise(counts):
        between = text[a.span[1] : b.span[0]]
        if _OF.match(between):
            return a, b, False
        if _OF_WHOM.search(between):
            return b, a, False
        if _WOMEN_AND.search(between) and _MEN_AFTER.match(_after(text, b)):
            return a, b, True
    for a, b in pairwise(counts):
        if _TOTAL_FIRST.search(text[max(0, a.span[0] - 12) : a.span[0]]):
            return b, a, False
    seats = [c for c in counts if _SEATS_AFTER.match(_after(text, c))]
    women = [c for c in counts if _WOMEN_AFTER.match(_after(text, c))]
    if seats and women and seats[0] is not women[0]:
        return women[0], seats[0], False
    return None


def _after(text: str, claim: Claim) -> str:
    """The words right after a claim, where what it counts is named."""
    return text[claim.span[1] : claim.span[1] + REACH]


def share_from_counts(
    text: str, claims: Sequence[Claim], sentence: tuple[int, int]
) -> list[Finding]:
    """A share beside the counts of the same sentence that it should follow from."""
    counts = [c for c in claims if c.unit == "count" and c.kind == "level"]
    shares = [c for c in claims if c.unit == "percent" and c.kind == "level"]
    if len(counts) < 2 or not shares:
        return []
    pair = _pair(text, counts)
    if pair is None:
        return []
    part, other, summed = pair
    total = part.value + other.value if summed else other.value
    if total <= 0 or part.value > total:
        return []
    middle = (part.span[0] + other.span[1]) / 2
    share = min(shares, key=lambda c: abs((c.span[0] + c.span[1]) / 2 - middle))
    computed = 100 * part.value / total
    ok = tolerance(share).accepts(computed)
    counted = (
        f"{_n(part.value)} and {_n(other.value)} make {_n(total)}, so {_n(part.value)} is "
        if summed
        else f"{_n(part.value)} of {_n(total)} is "
    )
    message = f"{counted}{computed:.2f}%: {'consistent with' if ok else 'not'} {share.text}"
    if not ok and summed and tolerance(share).accepts(100 * part.value / other.value):
        message += f" ({share.text} is {_n(part.value)} of {_n(other.value)}, as if that were all)"
    figures = {"part": part.value, "total": total, "share": round(computed, 4)}
    return [Finding("share-from-counts", share.id, ok, message, (part.id, other.id), figures)]


# --- amounts per financed unit -----------------------------------------------------------------
_UNITS = re.compile(
    r"(?i)\b(?:projects?|loans?|credits?|grants?|business(?:es)?|enterprises?|compan(?:y|ies)|"
    r"firms?|farms?|mortgages?|homes?|houses?|apartments?|borrowers?|entrepreneurs?)\b|"
    r"(?<![\w])(?:проект|кредит|займ|грант|предприят|бизнес|ипотек|жиль|квартир|заемщик|"
    r"заёмщик|предпринимател)\w*"
)
_PEOPLE = re.compile(
    r"(?i)\b(?:wom[ae]n|famil(?:y|ies)|people|persons?|recipients?|beneficiar(?:y|ies))\b|"
    r"(?<![\w])(?:женщин|семей|семьи|человек|получател)\w*"
)
_LOAN = re.compile(
    r"(?i)\b(?:loans?|credits?|mortgages?)\b|(?<![\w])(?:кредит|займ|заем|ипотек)\w*"
)


def _unit_of(text: str, count: Claim, sentence: tuple[int, int], loans: bool) -> str | None:
    """What a count counts, when it is a financed unit: "projects", "women" (the word right
    after the count first, then its subject and the words after it); `loans`: whether the
    sentence speaks of loans."""
    words_after = text[count.span[1] : min(sentence[1], count.span[1] + 40)]
    first = re.match(r"\s*([^\W\d_]+)", words_after)
    if first:
        word = first.group(1)
        if _UNITS.fullmatch(word) or (loans and _PEOPLE.fullmatch(word)):
            return word.lower()
    for phrase in (count.subject or "", words_after):
        m = _UNITS.search(phrase) or (_PEOPLE.search(phrase) if loans else None)
        if m:
            return m.group().lower()
    return None


def amount_per_unit(text: str, claims: Sequence[Claim], sentence: tuple[int, int]) -> list[Finding]:
    """Money over financed units: flag an implausible amount a unit."""
    findings: list[Finding] = []
    loans = bool(_LOAN.search(text, sentence[0], sentence[1]))
    groups: dict[str, list[Claim]] = {}
    for c in claims:
        if c.group:
            groups.setdefault(c.group, []).append(c)
    # each sum of money is spread over the last count before it that names a financed unit
    units: list[tuple[Claim, str]] = []
    for c in sorted(claims, key=lambda c: (c.span[1], c.span[0])):
        if c.unit == "count" and c.kind == "level" and c.value > 0:
            unit = _unit_of(text, c, sentence, loans)
            if unit is not None:
                units.append((c, unit))
    ends = [c.span[1] for c, _ in units]
    for money in (c for c in claims if c.unit == "currency" and c.converted_from is None):
        i = count_upto(ends, money.span[0])
        if i:
            count, unit = units[i - 1]
            for amount in groups.get(money.group or "", []) or [money]:
                findings.append(_per_unit(amount, count, unit))
    return findings


def _rate_year(claim: Claim) -> int:
    """The year whose rate converts a claim's amounts: its own, or the year before when it is
    dated 1 January (a figure "as of 1 January" sums up the year just ended)."""
    period = claim.period
    if period is None:
        return max(kzt_per_usd())
    if period.date is not None and (period.date.month, period.date.day) == (1, 1):
        return period.year - 1
    return period.year


def _per_unit(money: Claim, count: Claim, unit: str) -> Finding:
    year = _rate_year(money)
    rates = rates_for(year)
    per_unit = money.value / count.value
    if money.currency == "USD":
        usd = per_unit
    elif money.currency == "KZT" and rates:
        usd = per_unit / rates[0].kzt_per_usd
    else:
        return Finding(
            "amount-per-unit", money.id, True, "no rate to judge the amount by", (count.id,)
        )
    ok = MIN_PER_UNIT_USD <= usd <= MAX_PER_UNIT_USD
    at_most = "at most " if count.qualifier in ("over", "more than", "at least") else ""
    message = (
        f"{money.text} for {count.text} {unit} is {at_most}{_both(per_unit, usd, money)} each: "
        + ("plausible" if ok else "implausible")
    )
    figures: dict[str, Any] = {"per_unit": per_unit, "per_unit_usd": round(usd, 2), "year": year}
    if not ok and usd < MIN_PER_UNIT_USD and MIN_PER_UNIT_USD <= usd * 1000 <= MAX_PER_UNIT_USD:
        scaled = _SCALE_UP.get((money.scale or "").lower().rstrip("."))
        slip = f" ('{money.scale}' for '{scaled}'?)" if scaled else ""
        message += (
            f" for {unit} (under US${_n(MIN_PER_UNIT_USD)} each); a thousand times as much, "
            f"{_both(per_unit * 1000, usd * 1000, money)} each, would be plausible: the amount "
            f"looks a thousand times too small{slip}"
        )
        figures["factor"] = 1000
    elif not ok:
        message += (
            f" for {unit} (the bounds are US${_n(MIN_PER_UNIT_USD)} to US${_n(MAX_PER_UNIT_USD)})"
        )
    return Finding("amount-per-unit", money.id, ok, message, (count.id,), figures)


# --- conversions -------------------------------------------------------------------------------
def conversions(claims: Sequence[Claim]) -> list[Finding]:
    """Each amount restated in another currency, against the period's average rate."""
    by_id = {c.id: c for c in claims}
    findings: list[Finding] = []
    for claim in claims:
        original = by_id.get(claim.converted_from or "")
        if original is None or {claim.currency, original.currency} != {"KZT", "USD"}:
            continue
        dated = claim if claim.period else original
        rates = sorted(rates_for(_rate_year(dated)), key=lambda r: r.year) if dated.period else []
        if not rates or claim.value <= 0 or original.value <= 0:
            continue
        kzt, usd = (original, claim) if original.currency == "KZT" else (claim, original)
        findings.append(_conversion(claim, original, kzt.value / usd.value, rates))
    return findings


def _conversion(claim: Claim, original: Claim, implied: float, rates: list[Rate]) -> Finding:
    deviations = [(implied / r.kzt_per_usd - 1, r) for r in rates]
    best, rate = min(deviations, key=lambda d: abs(d[0]))
    ok = abs(best) <= RATE_TOLERANCE
    compared = "; ".join(
        f"{abs(d) * 100:.1f}% {'above' if d > 0 else 'below'} {r.year}'s average "
        f"{r.kzt_per_usd:.2f}{' (an estimate)' if r.estimated else ''}"
        for d, r in deviations
    )
    message = f"{original.text} = {claim.text} implies {implied:.1f} tenge a dollar: {compared}"
    if not ok:
        factor = implied / rate.kzt_per_usd
        if abs(factor / 1000 - 1) <= RATE_TOLERANCE or abs(factor * 1000 - 1) <= RATE_TOLERANCE:
            message += "; a thousand times off: one of the two amounts has the wrong scale"
        else:
            message += f"; more than {RATE_TOLERANCE:.0%} from it"
    figures = {"implied_rate": round(implied, 2), "rate": rate.kzt_per_usd, "year": rate.year,
               "deviation": round(best, 4)}  # fmt: skip
    return Finding("conversion-rate", claim.id, ok, message, (original.id,), figures)


def _both(amount: float, usd: float, money: Claim) -> str:
    """An amount in its own currency, with dollars beside tenge."""
    if money.currency == "USD":
        return f"US${_n(usd)}"
    return f"{_money(amount, money.currency)} (US${_n(usd)})"


def _n(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _money(value: float, currency: str | None) -> str:
    if currency == "USD":
        return f"US${_n(value)}"
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"{value / size:,.1f} {word} tenge"
    return f"{_n(value)} tenge"
