"""From a claim, its links and the observations to a verdict, with a one-line explanation."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tendik.claims.checks import Finding
from tendik.claims.evidence import Holdings, Observations
from tendik.claims.match import Catalogue, Entry, Linking, Match
from tendik.claims.model import Claim
from tendik.claims.timing import describe
from tendik.claims.tolerance import tolerance
from tendik.claims.verdicts import Evidence, Verdict, VerdictKind, fmt
from tendik.claims.zones import Zones

# Targets, plans and quotas: a claim in a clause (or after a sentence's word) like these is not
# a statement of fact.
_TARGET_CLAUSE = re.compile(
    r"(?i)\b(?:targets?|goals?|aims?|quotas?|plans?|planned|should|must|will|would|commitment|"
    r"pledged?|reserve[sd]?|by\s+(?:19|20)\d\d)\b|(?<![\w])(?:квот\w*|цел[ьи]\w*|план\w*|"
    r"должн[ыао]?\b|будет|будут|обязательн\w*|резерв\w*|к\s+20\d\d|стратеги\w*|повышени\w*|"
    r"увеличить|повысить|довести|предлож\w*|предлага\w*|предусмотр\w*)"
)
_TARGET_BEFORE = re.compile(
    r"(?i)\b(?:targets?|goals?|quotas?|plans?|planned|strategy|commitment)\b|(?<![\w])(?:квот\w*|"
    r"стратеги\w*|должн[ыао]?\b|предлож\w*|предусмотр\w*)"
)
# Words that name the lower chamber of a parliament (or a single one).
_LOWER = re.compile(
    r"(?i)majilis|mazhilis|мажилис|мәжіліс|lower\s+(?:house|chamber)|нижн\w*\s+палат|"
    r"legislative\s+chamber|законодательн\w*\s+палат|single\s+or\s+lower|однопалатн|unicameral"
)
# National parliaments with two chambers, among the areas a Kazakhstan project compares and a
# few large countries: there "parliament" may mean both chambers.
BICAMERAL = frozenset(
    "KAZ UZB TJK RUS BLR AFG RWA FRA DEU GBR USA ITA ESP POL JPN IND CAN AUS BRA MEX ZAF".split()
)
_SHOWN = 6


@dataclass(frozen=True)
class Context:
    """What the judge knows of a claim besides the claim: its zones, area and checks."""

    zones: Zones
    area: str
    findings: tuple[Finding, ...]
    published_year: int | None
    target_words: bool  # its clause, or its sentence before it, speaks of a target or plan
    lower_chamber: bool  # its sentence names the lower (or only) chamber of a parliament


def target_in_clause(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] (a claim's clause) speaks of a target, plan or quota."""
    return bool(_TARGET_CLAUSE.search(text[start:end]))


def first_target_word(text: str, start: int, end: int) -> int | None:
    """Where the first word of a target or plan in text[start:end] ends ("quota", "стратегии"):
    a claim after it is read as part of the plan."""
    m = _TARGET_BEFORE.search(text, start, end)
    return m.end() if m else None


def names_lower_chamber(text: str, start: int, end: int) -> bool:
    return bool(_LOWER.search(text, start, end))


def is_target(claim: Claim, ctx: Context) -> bool:
    """A target, plan or quota: said so in its clause or earlier in its sentence, or dated
    after the text was published."""
    if ctx.target_words:
        return True
    period = claim.period
    return bool(
        period
        and ctx.published_year
        and period.basis == "text"
        and period.year > ctx.published_year
    )


def judge(
    claim: Claim, ctx: Context, linking: Linking, catalogue: Catalogue, observations: Observations
) -> Verdict:
    """The verdict on one claim: a failed check first, then the data."""
    verdict = _data_verdict(claim, ctx, linking, catalogue, observations)
    failed = [f for f in ctx.findings if not f.ok]
    if failed:
        reason = {"amount-per-unit": "implausible-per-unit"}.get(failed[0].type, failed[0].type)
        return _with(
            verdict, VerdictKind.INCONSISTENT, reason, failed[0].message, verdict.indicator
        )
    return verdict


def _with(
    v: Verdict, kind: VerdictKind, reason: str, explanation: str, indicator: str | None = None
) -> Verdict:
    return replace(v, kind=kind, reason=reason, explanation=explanation, indicator=indicator)


def _data_verdict(
    claim: Claim, ctx: Context, linking: Linking, catalogue: Catalogue, observations: Observations
) -> Verdict:
    refused = tuple(sorted(linking.refused.items()))
    base = Verdict(
        claim,
        VerdictKind.UNVERIFIABLE,
        "no-indicator",
        "",
        ctx.area,
        tuple(linking.matches[:3]),
        (),
        ctx.findings,
        refused,
    )
    if is_target(claim, ctx):
        return _with(
            base,
            VerdictKind.UNVERIFIABLE,
            "target",
            "a target, plan or quota, not a statement of fact: nothing to check it against",
        )
    if linking.note is not None:
        return _unlinked(base, claim, ctx, linking.note)
    best = linking.best
    if best is None:
        why = f"; {refused[0][0]} was set aside: {refused[0][1]}" if refused else ""
        return _with(
            base,
            VerdictKind.UNVERIFIABLE,
            "no-indicator",
            f"nothing in this warehouse bears on it{why}",
        )
    family = catalogue.family(catalogue.by_id[best.indicator])
    family = [e for e in family if e.id not in linking.refused]
    real = [e for e in family if not e.synthetic]
    if not real:
        return _synthetic(base, ctx, family, best, observations)
    return _from_observations(base, claim, ctx, _ordered(real, best), observations)


def _synthetic(
    base: Verdict, ctx: Context, family: list[Entry], best: Match, observations: Observations
) -> Verdict:
    """Only synthetic indicators bear on the claim: never evidence. (Where they hold nothing
    for the claim's area, that is the reason given.)"""
    names = ", ".join(e.id for e in family)
    if not any(observations.holdings(e, ctx.area).rows for e in family):
        return _with(
            base,
            VerdictKind.UNVERIFIABLE,
            "no-observation-for-area",
            f"{names} has no observation for {ctx.area}",
            best.indicator,
        )
    return _with(
        base,
        VerdictKind.UNVERIFIABLE,
        "synthetic-only",
        f"only synthetic data in this warehouse bear on it ({names}, from a generated "
        "register); synthetic figures are never evidence",
        best.indicator,
    )


def _ordered(entries: list[Entry], best: Match) -> list[Entry]:
    return sorted(entries, key=lambda e: e.id != best.indicator)


def _unlinked(base: Verdict, claim: Claim, ctx: Context, note: str) -> Verdict:
    conversions = [f for f in ctx.findings if f.type == "conversion-rate" and f.ok]
    if conversions:
        return _with(base, VerdictKind.CONSISTENT, "conversion-consistent", conversions[0].message)
    reason = "not-a-share" if claim.unit != "percent" else "not-a-level"
    if claim.unit == "percent" and claim.kind == "level":
        reason = "no-indicator"
    passed = [f.message for f in ctx.findings if f.ok]
    extra = f"; {passed[0]}" if passed else ""
    return _with(base, VerdictKind.UNVERIFIABLE, reason, f"{note}{extra}")


def _from_observations(
    base: Verdict, claim: Claim, ctx: Context, entries: list[Entry], observations: Observations
) -> Verdict:
    allowed = tolerance(claim)
    best = entries[0].id
    held = [observations.holdings(e, ctx.area) for e in entries]
    with_rows = [h for h in held if h.rows]
    if not with_rows:
        if any(h.suppressed for h in held):
            return _with(
                base,
                VerdictKind.UNVERIFIABLE,
                "suppressed",
                "the observations that would bear on it are suppressed (confidential)",
                best,
            )
        return _with(
            base,
            VerdictKind.UNVERIFIABLE,
            "no-observation-for-area",
            f"{_names(entries)} has no observation for {ctx.area}",
            best,
        )
    evidence = [e for h in with_rows for e in observations.evidence(h, claim.period, allowed)]
    if not evidence:
        return _no_period(base, claim, with_rows, observations, best)
    v = replace(base, evidence=tuple(_shown(evidence, claim)), indicator=best)
    return _compare(v, claim, ctx, evidence, with_rows)


def _names(entries: list[Entry]) -> str:
    return " or ".join(e.id for e in entries)


def _no_period(
    base: Verdict, claim: Claim, held: list[Holdings], obs: Observations, indicator: str
) -> Verdict:
    near = []
    for h in held:
        row = obs.nearest(h, claim.period)
        if row is not None:
            near.append(f"{_label(obs.one(h, row, False))}: {fmt(row['OBS_VALUE'])}")
    return _with(
        base,
        VerdictKind.UNVERIFIABLE,
        "no-observation-for-period",
        f"no observation for {describe(claim.period)}; the nearest: {'; '.join(near)}",
        indicator,
    )


def _compare(
    v: Verdict, claim: Claim, ctx: Context, evidence: list[Evidence], held: list[Holdings]
) -> Verdict:
    agree = [e for e in evidence if e.agrees]
    differ = [e for e in evidence if not e.agrees]
    allows = f"the {tolerance(claim).words()} that '{claim.text}' allows"
    if not differ:
        decisive = (
            v.indicator if v.indicator in {e.indicator for e in agree} else agree[0].indicator
        )
        return _with(
            v,
            VerdictKind.CONSISTENT,
            "within-rounding",
            f"{_list(agree)}: within {allows}",
            decisive,
        )
    if not agree:
        if claim.period is None:
            return _with(
                v,
                VerdictKind.UNVERIFIABLE,
                "undated-none-agree",
                f"undated, and no observation is within {allows}; the latest: {_list(differ[-1:])}",
                v.indicator,
            )
        if _chamber_unclear(ctx, held):
            return _with(
                v,
                VerdictKind.AMBIGUOUS,
                "chamber-unclear",
                f"the lower chamber: {_list(differ)}, outside {allows}; the claim does "
                "not say which chamber, and no series here counts both",
                v.indicator,
            )
        return _with(
            v,
            VerdictKind.INCONSISTENT,
            "beyond-rounding",
            f"{_list(differ)}: outside {allows}",
            v.indicator,
        )
    reason = "undated-mixed" if claim.period is None else "readings-disagree"
    lead = "undated: " if claim.period is None else ""
    return _with(
        v,
        VerdictKind.AMBIGUOUS,
        reason,
        f"{lead}{_list(agree)} would match, {_list(differ)} would not ({allows})",
        v.indicator,
    )


def _chamber_unclear(ctx: Context, held: list[Holdings]) -> bool:
    lower = any("lower" in h.entry.info.title("en").lower() for h in held)
    return lower and ctx.area in BICAMERAL and not ctx.lower_chamber


def _shown(evidence: list[Evidence], claim: Claim) -> list[Evidence]:
    """All the evidence for a dated claim; for an undated one, what agrees and the latest
    that does not, a few of each."""
    if claim.period is not None:
        return evidence
    agree = [e for e in evidence if e.agrees][-_SHOWN:]
    differ = [e for e in evidence if not e.agrees][-2:]
    return agree + differ


def _label(e: Evidence) -> str:
    source = e.source_title.split(":")[0]
    return f"{source} {e.period} ({e.area})"


def _list(evidence: list[Evidence]) -> str:
    """ "World Bank WDI 2024 (KAZ) 19.39; UN ... 2021 (KAZ) 27.1", runs of equal values joined."""
    parts: list[str] = []
    runs: list[list[Evidence]] = []
    for e in evidence:
        last = runs[-1][-1] if runs else None
        if last and last.indicator == e.indicator and abs(last.value - e.value) < 1e-9:
            runs[-1].append(e)
        else:
            runs.append([e])
    for run in runs[:_SHOWN]:
        first, last = run[0], run[-1]
        years = first.period if len(run) == 1 else f"{first.period}–{last.period}"
        source = first.source_title.split(":")[0]
        parts.append(f"{source} {years} ({first.area}) {fmt(first.value)}")
    more = f" and {len(runs) - _SHOWN} more" if len(runs) > _SHOWN else ""
    return "; ".join(parts) + more
