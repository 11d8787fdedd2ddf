"""A real browser on a real server: the app served by uvicorn on 127.0.0.1 (a free port) in a thread, and
Debian's chromium driven by Playwright (the project's set-up installs it; Playwright downloads nothing)."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# No background traffic: the browser itself must not ask any other host for anything.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update", "--disable-default-apps"]


@contextmanager
def served(app: Any) -> Iterator[str]:
    """Serve ``app`` on 127.0.0.1 until the block ends; yields its base URL."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, name="vigie-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def wait_until_ready(base: str, timeout: float = 120) -> None:
    """Wait for the model to load (the Analyser page needs it)."""
    import httpx

    deadline = time.monotonic() + timeout
    while httpx.get(f"{base}/health").json()["model"] != "ready":
        if time.monotonic() > deadline:
            raise RuntimeError("the language model did not load")
        time.sleep(0.1)
