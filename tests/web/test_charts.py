"""Charts drawn on the server: empty days kept, long periods summed by week or month."""

from __future__ import annotations

from vigie.web.charts import MAX_BARS, bar_chart, bars_per_period


def test_days_without_articles_are_bars_of_zero():
    assert bars_per_period([("2026-01-01", 2), ("2026-01-03T10:00", 1)]) == [
        ("2026-01-01", 2), ("2026-01-02", 0), ("2026-01-03", 1)]


def test_a_long_period_is_summed_by_week_then_by_month():
    weeks = bars_per_period([("2025-01-01", 1), ("2025-01-02", 1), ("2025-06-30", 3)])
    assert weeks[0] == ("2024-12-30", 2) and weeks[-1] == ("2025-06-30", 3) and len(weeks) <= MAX_BARS
    months = bars_per_period([("2020-01-15", 1), ("2025-12-01", 4)])
    assert months[0] == ("2020-01", 1) and months[-1] == ("2025-12", 4) and len(months) == 72


def test_undated_values_are_left_out_and_the_chart_is_labelled():
    assert bars_per_period([("", 3), ("pas une date", 1)]) == []
    svg = str(bar_chart([("2026-01-01", 2), ("2026-01-02", 5)], "Articles par jour", "articles"))
    assert 'role="img" aria-label="Articles par jour"' in svg and svg.count("<rect") == 2
    assert "<title>2026-01-02 : 5 articles</title>" in svg
    assert "Aucune date" in str(bar_chart([], "x", "y"))
