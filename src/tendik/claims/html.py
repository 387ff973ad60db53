"""A check report as one standalone HTML page: the text with each claim marked by its verdict.

No external assets: styles and the few lines of script are inline. Each claim is a link, so it
is reached with the keyboard (Tab) as well as the mouse; hovering or focusing it shows its
verdict in a tooltip, and following it opens the claim's evidence (value, source, period,
reference date, provenance and a link to the indicator's page) below the text.
"""

from __future__ import annotations

from html import escape

from tendik.claims.check import CheckReport
from tendik.claims.verdicts import Evidence, Verdict, fmt

_CSS = """
:root { --ok: #1a7f37; --bad: #b42318; --amb: #9a6700; --unv: #57606a; }
body { font: 16px/1.6 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem;
       color: #1f2328; background: #fff; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
.summary span { margin-right: 1rem; }
.text { white-space: pre-wrap; border: 1px solid #d0d7de; border-radius: 6px; padding: 1rem; }
a.claim { position: relative; color: inherit; text-decoration-thickness: 3px;
          text-underline-offset: 3px; border-radius: 3px; padding: 0 1px; }
a.claim:focus { outline: 3px solid #0969da; outline-offset: 2px; }
.consistent { background: #dafbe1; text-decoration: underline solid var(--ok); }
.inconsistent { background: #ffebe9; text-decoration: underline wavy var(--bad); }
.ambiguous { background: #fff8c5; text-decoration: underline dashed var(--amb); }
.unverifiable { background: #eaeef2; text-decoration: underline dotted var(--unv); }
a.claim .tip { display: none; position: absolute; left: 0; top: 1.8em; z-index: 2; width: 24rem;
               max-width: 80vw; white-space: normal; background: #1f2328; color: #fff;
               padding: .5rem .7rem; border-radius: 6px; font-size: .85rem; line-height: 1.4; }
a.claim:hover .tip, a.claim:focus .tip { display: block; }
.badge { display: inline-block; font-size: .8rem; font-weight: 600; padding: 0 .5rem;
         border-radius: 1rem; color: #fff; }
.badge.consistent { background: var(--ok); } .badge.inconsistent { background: var(--bad); }
.badge.ambiguous { background: var(--amb); } .badge.unverifiable { background: var(--unv); }
details { border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem .8rem; margin: .5rem 0; }
details:target, details[open] { border-color: #0969da; }
summary { cursor: pointer; }
table { border-collapse: collapse; font-size: .9rem; margin: .5rem 0; }
th, td { border: 1px solid #d0d7de; padding: .2rem .5rem; text-align: left; vertical-align: top; }
code { font-size: .8rem; }
"""

_SCRIPT = """
function openTarget() {
  var id = decodeURIComponent(location.hash.slice(1));
  var el = id && document.getElementById(id);
  if (el && el.tagName === "DETAILS") { el.open = true; }
}
window.addEventListener("hashchange", openTarget);
openTarget();
"""


def to_html(report: CheckReport, base_url: str = "") -> str:
    """The page; links to indicator pages start with `base_url` (default: the site root)."""
    language = _language(report)
    verdicts = "\n".join(_details(v, base_url) for v in report.verdicts)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Numeric claims checked{_for(report)}</title>
<style>{_CSS}</style>
</head>
<body>
<header>
<h1>Numeric claims checked{_for(report)}</h1>
<p class="summary">{_summary(report)}</p>
<p>Each marked number is a claim: hover over it or reach it with Tab to see its verdict, and
follow it (click or Enter) for the evidence.</p>
</header>
<main>
<section aria-labelledby="text-h">
<h2 id="text-h">The text</h2>
<div class="text" lang="{language}">{_marked_text(report)}</div>
</section>
<section aria-labelledby="verdicts-h">
<h2 id="verdicts-h">Verdicts and evidence</h2>
{verdicts}
</section>
</main>
<script>{_SCRIPT}</script>
</body>
</html>
"""


def _for(report: CheckReport) -> str:
    return f" against {escape(report.project)}" if report.project else ""


def _language(report: CheckReport) -> str:
    langs = [v.claim.language for v in report.verdicts]
    return max(set(langs), key=langs.count) if langs else (report.language or "en")


def _summary(report: CheckReport) -> str:
    parts = [
        f'<span><span class="badge {kind}">{kind}</span> {n}</span>'
        for kind, n in report.summary.items()
    ]
    return f"{len(report.verdicts)} claims: " + "".join(parts)


def _marked_text(report: CheckReport) -> str:
    """The text, escaped, with every claim (and each place it is repeated) as a link."""
    marks: list[tuple[int, int, Verdict, int]] = []
    for v in report.verdicts:
        marks.append((v.claim.span[0], v.claim.span[1], v, 0))
        marks.extend((a, b, v, n) for n, (a, b) in enumerate(v.claim.repeats, start=1))
    marks.sort(key=lambda m: m[0])
    out: list[str] = []
    cursor = 0
    for start, end, v, n in marks:
        if start < cursor:
            continue
        out.append(escape(report.text[cursor:start]))
        out.append(_mark(report.text[start:end], v, n))
        cursor = end
    out.append(escape(report.text[cursor:]))
    return "".join(out)


def _mark(text: str, v: Verdict, repeat: int) -> str:
    """One claim as a link to its evidence, with its verdict in a tooltip (`repeat`: 0 for the
    claim's own place, 1, 2... for the places it is repeated)."""
    kind = v.kind.value
    tip_id = f"tip-{v.claim.id}" + (f"-{repeat}" if repeat else "")
    value = _values(v)
    tip = f"{kind}: {v.explanation}." + (f" Data: {value}." if value else "")
    return (
        f'<a class="claim {kind}" href="#{v.id}" aria-describedby="{tip_id}">{escape(text)}'
        f'<span class="tip" role="tooltip" id="{tip_id}">{escape(tip)}</span></a>'
    )


def _values(v: Verdict) -> str:
    seen: list[str] = []
    for e in v.evidence:
        item = f"{fmt(e.value)} ({e.indicator}, {e.period})"
        if item not in seen:
            seen.append(item)
    return "; ".join(seen[:4])


def _details(v: Verdict, base_url: str) -> str:
    kind = v.kind.value
    claim = v.claim
    about = f" — {escape(v.indicator)}" if v.indicator else ""
    parts = [
        f'<details id="{v.id}" class="verdict">',
        f'<summary><span class="badge {kind}">{kind}</span> {escape(claim.id)} '
        f"<q>{escape(claim.text)}</q>{about}</summary>",
        f"<p>{escape(v.explanation)}</p>",
        f"<p>Reason: <code>{escape(v.reason)}</code>; area {escape(v.area or '—')}; period "
        f"{escape(_period(v))}.</p>",
    ]
    if v.evidence:
        parts.append(_evidence_table(v.evidence, base_url))
    if v.matches:
        items = "".join(
            f"<li>{escape(m.indicator)}: score {m.score:.2f}, by “{escape(m.phrase)}” "
            f"({escape(', '.join(m.words))}; {escape(m.zone)})"
            f"{' — synthetic' if m.synthetic else ''}</li>"
            for m in v.matches
        )
        parts.append(f"<p>Matched indicators:</p><ul>{items}</ul>")
    if v.findings:
        items = "".join(
            f"<li><code>{escape(f.type)}</code> {'passed' if f.ok else 'failed'}: "
            f"{escape(f.message)}</li>"
            for f in v.findings
        )
        parts.append(f"<p>Checks on the text itself:</p><ul>{items}</ul>")
    parts.append(f"<p>Sentence: <q>{escape(claim.sentence)}</q></p>")
    parts.append("</details>")
    return "\n".join(parts)


def _period(v: Verdict) -> str:
    p = v.claim.period
    if p is None:
        return "none given"
    when = p.date.isoformat() if p.date else str(p.year)
    return f"{when} ({'from the text' if p.basis == 'text' else 'the publication date'})"


def _evidence_table(evidence: tuple[Evidence, ...], base_url: str) -> str:
    rows = "".join(
        "<tr>"
        f'<td><a href="{escape(base_url + e.link)}">{escape(e.indicator)}</a></td>'
        f"<td>{escape(e.area)}</td><td>{escape(e.period)}</td><td>{fmt(e.value)}</td>"
        f"<td>{'yes' if e.agrees else 'no'}</td>"
        f"<td>{escape(e.source_title)}</td><td>{escape(e.reference_date or '—')}</td>"
        f"<td><code>{escape((e.input_hash or '')[:12])}</code> / "
        f"<code>{escape((e.definition_hash or '')[:12])}</code></td>"
        "</tr>"
        for e in evidence
    )
    return (
        "<table><caption>Evidence</caption><thead><tr><th>indicator</th><th>area</th>"
        "<th>period</th><th>value</th><th>agrees</th><th>source</th><th>reference date</th>"
        "<th>input / definition hash</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
