"""The headline figures of the benchmarks, printed in one recognisable line each so that `make bench`
(``python -m benchmarks``) can gather them into one table."""

from __future__ import annotations

PREFIX = "figure | "


def figure(name: str, value: str, goal: str = "") -> None:
    """Print one headline figure: what it measures, its value (with its unit), the goal if there is one."""
    print(f"{PREFIX}{name} | {value} | {goal}", flush=True)


def parse(line: str) -> tuple[str, str, str] | None:
    """(name, value, goal) of a figure line, None for any other line."""
    if not line.startswith(PREFIX):
        return None
    name, value, goal = [*line[len(PREFIX):].split(" | ", 2), "", ""][:3]
    return name.strip(), value.strip(), goal.strip()
