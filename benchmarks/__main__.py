"""Every benchmark in turn (each in its own process, its output shown as it runs), then one table of
their headline figures with the machine's description. `make bench` runs this.

    python -m benchmarks [--quick]
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys

from benchmarks.figures import parse

# (module, arguments, arguments with --quick)
BENCHMARKS = [
    ("throughput", [], ["--repeat", "2", "--rounds", "2"]),
    ("entities", [], []),
    ("quotes", ["--limit", "4"], ["--limit", "2"]),
    ("attribution", [], []),
    ("realpages", [], []),
    ("scaling", [], []),
    ("corpus", [], ["--articles", "20000"]),
    ("web", [], ["--articles", "2000"]),
    ("spark", [], ["--articles", "240"]),
]


def machine() -> str:
    """The processor, cores, memory, system and Python the figures were measured on."""
    model = platform.processor()
    if os.path.exists("/proc/cpuinfo"):
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            model = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), model)
    memory = ""
    if hasattr(os, "sysconf") and "SC_PHYS_PAGES" in os.sysconf_names:
        memory = f", {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB"
    return f"{model or platform.machine()}, {os.cpu_count()} cores{memory}, {platform.system()}, " \
           f"Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller inputs (minutes, not tens of minutes)")
    args = parser.parse_args()
    figures: list[tuple[str, str, str, str]] = []
    for module, arguments, quick in BENCHMARKS:
        print(f"\n== benchmarks.{module}", flush=True)
        command = [sys.executable, "-m", f"benchmarks.{module}", *(quick if args.quick else arguments)]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None
        for line in process.stdout:
            print(line, end="", flush=True)
            found = parse(line.rstrip("\n"))
            if found:
                figures.append((module, *found))
        if process.wait() != 0:
            figures.append((module, "(failed)", f"exit status {process.returncode}", ""))
    print(f"\n{machine()}")
    width = max((len(name) for _m, name, _v, _g in figures), default=10)
    print(f"{'benchmark':11s} {'figure':{width}s}  {'value':>22s}  goal")
    for module, name, value, goal in figures:
        print(f"{module:11s} {name:{width}s}  {value:>22s}  {goal}")


if __name__ == "__main__":
    main()
