"""Worker processes (≈600 MB each) die with their parent, even when it is killed with SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text() if (task / "children").exists() else ""
        found |= {int(c) for c in text.split()}
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_workers_die_when_their_parent_is_killed(tmp_path):
    source = tmp_path / "many.jsonl"
    line = {"text": "Titre\nLe maire de Lyon a inauguré lundi la ligne de tramway. " * 3, "published": "2026-01-05"}
    source.write_text("\n".join(json.dumps({**line, "id": f"a{n}"}) for n in range(400)) + "\n", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "vigie.cli", "extract", str(source), "--workers", "2",
                                "--out", str(tmp_path / "out"), "--no-progress"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    out = tmp_path / "out"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and not (out.is_dir() and any(out.iterdir())):
        time.sleep(0.5)  # until the workers are set up and have analysed a chunk
    workers = {pid for pid in children(process.pid) if alive(pid)}
    assert workers and out.is_dir() and any(out.iterdir()), "the workers never started"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(alive(pid) for pid in workers):
        time.sleep(0.5)
    survivors = [pid for pid in workers if alive(pid)]
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert not survivors, f"workers outlived their parent: {survivors}"
