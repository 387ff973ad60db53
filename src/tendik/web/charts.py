"""The Plotly figure (data and layout, as JSON) of an indicator page's chart."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from tendik.web.views import IndicatorView, Row

Translate = Callable[[str], str]
Name = Callable[[str], str]

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif"
COLOURS = ["#0b5394", "#b45f06", "#38761d", "#741b47", "#3d85c6", "#990000", "#7f6000"]


def _x(period: str) -> int | str:
    return int(period) if period.isdigit() else period


def _line(name: str, rows: list[Row], colour: str, **extra: Any) -> dict[str, Any]:
    valued = [r for r in rows if r.value is not None]
    return {
        "type": "scatter", "mode": "lines+markers", "name": name,
        "x": [_x(r.period) for r in valued], "y": [r.value for r in valued],
        "line": {"color": colour, "width": 2}, "marker": {"size": 6}, **extra,
    }


def _target_traces(view: IndicatorView, _: Translate,
                   first: int | str | None) -> list[dict[str, Any]]:
    target = view.card.target
    if target is None or first is None:
        return []
    return [{
        "type": "scatter", "mode": "lines", "name": _("Target"),
        "x": [first, target.year], "y": [target.value, target.value],
        "line": {"color": "#38761d", "dash": "dot", "width": 2},
    }]


def _band(view: IndicatorView, first: int | str | None) -> list[dict[str, Any]]:
    target = view.card.target
    if target is None or not target.band or first is None:
        return []
    return [{
        "type": "rect", "xref": "x", "yref": "y", "x0": first, "x1": target.year,
        "y0": target.value - target.band, "y1": target.value + target.band,
        "fillcolor": "rgba(56, 118, 29, 0.12)", "line": {"width": 0}, "layer": "below",
    }]


def _trend(view: IndicatorView, _: Translate) -> list[dict[str, Any]]:
    if not view.trend:
        return []
    return [{
        "type": "scatter", "mode": "lines", "name": _("Trend and projection"),
        "x": [year for year, _value in view.trend], "y": [value for _year, value in view.trend],
        "line": {"color": "#b45f06", "dash": "dash", "width": 2},
    }]


def _breakdown(view: IndicatorView, category: Name) -> list[dict[str, Any]]:
    traces = []
    for index, code in enumerate(view.categories):
        rows = [r for r in view.rows if r.category == code]
        traces.append(_line(category(code), rows, COLOURS[index % len(COLOURS)]))
    return traces


def figure(view: IndicatorView, lang: str, _: Translate, area_name: Name, category: Name,
           unit: str) -> dict[str, Any]:
    """Data and layout for Plotly.newPlot: the headline series (or the breakdown), the other
    countries (hidden until chosen in the legend), the target and the projection."""
    rows = view.headline.rows
    first = _x(rows[0].period) if rows else None
    if view.by:
        data = _breakdown(view, category)
    else:
        data = [_line(area_name(view.headline.area), rows, COLOURS[0])]
        for index, other in enumerate(view.comparison, start=1):
            data.append(_line(area_name(other.area), other.rows, COLOURS[index % len(COLOURS)],
                              visible="legendonly"))
        data += _trend(view, _)
    data += _target_traces(view, _, first)
    layout = {
        "font": {"family": FONT, "size": 14},
        "margin": {"l": 56, "r": 16, "t": 16, "b": 48},
        "height": 420 + 24 * math.ceil(len(data) / 4),
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.08},
        "hovermode": "x unified",
        "xaxis": {"tickformat": "d"},
        "yaxis": {"title": {"text": unit}, "rangemode": "tozero"},
        "separators": ".," if lang == "en" else ", ",
        "shapes": _band(view, first),
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "#ffffff",
    }
    return {"data": data, "layout": layout}
