"""Charts drawn on the server as inline SVG (no script, no outside library): a bar per day, or per week
or month when the period is long, each bar titled with its date and value for a tooltip."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from markupsafe import Markup, escape

MAX_BARS = 120
WIDTH, HEIGHT, AXIS = 640, 160, 18


def _bucket(day: dt.date, span_days: int) -> str:
    """The day itself, its ISO week's Monday, or its month, so that a chart keeps at most MAX_BARS bars."""
    if span_days <= MAX_BARS:
        return day.isoformat()
    if span_days <= MAX_BARS * 7:
        return (day - dt.timedelta(days=day.weekday())).isoformat()
    return day.isoformat()[:7]


def bars_per_period(values: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """(period, total) for every period between the first and last day given, empty ones included."""
    days = []
    for day, value in values:
        try:
            days.append((dt.date.fromisoformat(day[:10]), value))
        except (TypeError, ValueError):
            continue  # an article without a date is not on a time axis
    if not days:
        return []
    first, last = min(d for d, _ in days), max(d for d, _ in days)
    span = (last - first).days + 1
    totals: Counter[str] = Counter()
    for date, value in days:
        totals[_bucket(date, span)] += value
    periods = dict.fromkeys(_bucket(first + dt.timedelta(days=n), span) for n in range(span))
    return [(period, totals[period]) for period in periods]


def bar_chart(values: list[tuple[str, int]], label: str, unit: str) -> Markup:
    """An SVG bar chart of values per day (summed by week or month when long); ``label`` describes it."""
    bars = bars_per_period(values)
    if not bars:
        return Markup('<p class="empty">Aucune date à afficher.</p>')
    top = max(value for _, value in bars) or 1
    step = WIDTH / len(bars)
    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT + AXIS}" role="img" aria-label="{escape(label)}">',
             f"<title>{escape(label)}</title>"]
    for index, (period, value) in enumerate(bars):
        height = HEIGHT * value / top
        parts.append(f'<rect x="{index * step + step * 0.1:.2f}" y="{HEIGHT - height:.2f}" '
                     f'width="{max(step * 0.8, 1):.2f}" height="{height:.2f}">'
                     f"<title>{escape(period)} : {value} {escape(unit)}</title></rect>")
    parts.append(f'<line x1="0" y1="{HEIGHT}" x2="{WIDTH}" y2="{HEIGHT}" class="axis"/>')
    parts.append(f'<text x="0" y="{HEIGHT + AXIS - 4}">{escape(bars[0][0])}</text>')
    parts.append(f'<text x="{WIDTH}" y="{HEIGHT + AXIS - 4}" text-anchor="end">{escape(bars[-1][0])}</text>')
    parts.append(f'<text x="2" y="12" class="peak">max {top}</text></svg>')
    return Markup("".join(parts))
