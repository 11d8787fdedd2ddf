"""A polite HTTP client for feeds and article pages.

It names itself (User-Agent), obeys robots.txt, spaces its requests to one host and caps how many run
at once per host, asks feeds 'has it changed?' (ETag / Last-Modified), gives up after a timeout, retries
a few times with growing pauses on server errors, follows a bounded number of redirects, reads at most
a set number of bytes and checks the content type. Every failure is a :class:`Fetched` with a reason,
never an exception.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from collections.abc import Collection
from dataclasses import dataclass, field
from importlib.metadata import version
from urllib.parse import urljoin, urlsplit

import urllib3

USER_AGENT = f"Vigie/{version('vigie')} (news monitoring bot; robots.txt respected)"
MAX_PAGE_BYTES = 5_000_000


@dataclass(frozen=True)
class Politeness:
    """How gently to fetch."""

    timeout: float = 20.0
    retries: int = 2
    backoff: float = 1.0  # seconds before the first retry; doubled each time
    max_redirects: int = 5
    max_bytes: int = MAX_PAGE_BYTES
    per_host_interval: float = 1.0  # seconds between two requests to one host
    per_host_concurrency: int = 2
    user_agent: str = USER_AGENT


@dataclass
class Fetched:
    """The outcome of one request: a body, 'not modified', or the reason it failed."""

    url: str
    status: int = 0
    body: bytes = b""
    content_type: str = ""
    final_url: str = ""
    etag: str | None = None
    last_modified: str | None = None
    reason: str | None = None  # None when it succeeded
    transient: bool = False  # a failure worth one more try: the network, a timeout, a server error

    @property
    def ok(self) -> bool:
        return self.reason is None and self.status == 200

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class _Host:
    gate: threading.Semaphore
    lock: threading.Lock = field(default_factory=threading.Lock)
    last: float = 0.0


class PoliteClient:
    """One client per watch run: it keeps the connections, the robots.txt files and the per-host pacing."""

    def __init__(self, politeness: Politeness | None = None) -> None:
        self.politeness = politeness or Politeness()
        self._pool = urllib3.PoolManager(headers={"User-Agent": self.politeness.user_agent},
                                         maxsize=self.politeness.per_host_concurrency + 1)
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._lock = threading.Lock()

    def get(self, url: str, accept: Collection[str] = (), etag: str | None = None,
            last_modified: str | None = None) -> Fetched:
        """GET a URL politely; ``accept`` lists the content-type words wanted ('html', 'xml'...)."""
        if urlsplit(url).scheme not in ("http", "https"):
            return Fetched(url, reason="not an http(s) URL")
        if not self.allowed(url):
            return Fetched(url, reason="disallowed by robots.txt")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt, pause = 0, self.politeness.backoff
        while True:
            result = self._follow(url, headers, accept)
            if not result.transient or attempt >= self.politeness.retries:
                return result
            attempt += 1
            time.sleep(pause)
            pause *= 2

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets Vigie fetch this URL (no robots.txt: yes)."""
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            known = root in self._robots
        if not known:
            parser: urllib.robotparser.RobotFileParser | None = None
            answer = self._follow(root + "/robots.txt", {}, (), check_robots=False)
            if answer.ok:
                parser = urllib.robotparser.RobotFileParser()
                parser.parse(answer.body.decode("utf-8", "replace").splitlines())
            with self._lock:
                self._robots[root] = parser
        robots = self._robots[root]
        return robots is None or robots.can_fetch(self.politeness.user_agent, url)

    def _follow(self, url: str, headers: dict[str, str], accept: Collection[str],
                check_robots: bool = True) -> Fetched:
        """One request and its redirects (each one checked against robots.txt and the loop guard)."""
        seen = {url}
        current = url
        for _ in range(self.politeness.max_redirects + 1):
            result = self._once(current, headers, accept)
            if result.status not in (301, 302, 303, 307, 308):
                result.url, result.final_url = url, current
                return result
            target = urljoin(current, result.final_url)
            if target in seen:
                return Fetched(url, status=result.status, reason="redirect loop")
            seen.add(target)
            if check_robots and not self.allowed(target):
                return Fetched(url, reason="redirect target disallowed by robots.txt")
            current = target
        return Fetched(url, reason=f"too many redirects (more than {self.politeness.max_redirects})")

    def _once(self, url: str, headers: dict[str, str], accept: Collection[str]) -> Fetched:
        host = self._host(urlsplit(url).netloc)
        with host.gate:
            with host.lock:
                wait = host.last + self.politeness.per_host_interval - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                host.last = time.monotonic()
            try:
                response = self._pool.request(
                    "GET", url, headers=headers, redirect=False, preload_content=False, retries=False,
                    timeout=urllib3.Timeout(connect=self.politeness.timeout, read=self.politeness.timeout))
            except urllib3.exceptions.HTTPError as exc:
                return Fetched(url, reason=_network_reason(exc), transient=True)
            try:
                return self._read(url, response, accept)
            finally:
                response.release_conn()

    def _read(self, url: str, response: urllib3.BaseHTTPResponse, accept: Collection[str]) -> Fetched:
        status = response.status
        content_type = response.headers.get("Content-Type", "")
        result = Fetched(url, status=status, content_type=content_type, etag=response.headers.get("ETag"),
                         last_modified=response.headers.get("Last-Modified"))
        if status in (301, 302, 303, 307, 308):
            result.final_url = response.headers.get("Location", "")
            if not result.final_url:
                result.reason = f"HTTP {status} without a Location"
            return result
        if status == 304:
            return result
        if status != 200:
            result.reason, result.transient = f"HTTP {status}", status >= 500
            return result
        if accept and content_type and not any(word in content_type.lower() for word in accept):
            result.reason = f"not {'/'.join(accept)}: {content_type.split(';')[0].strip()}"
            return result
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.politeness.max_bytes:
            result.reason = f"too large: {declared} bytes (limit {self.politeness.max_bytes})"
            return result
        try:
            body = response.read(self.politeness.max_bytes + 1)
        except urllib3.exceptions.HTTPError as exc:
            result.status, result.reason, result.transient = 0, _network_reason(exc), True
            return result
        if len(body) > self.politeness.max_bytes:
            result.reason = f"too large: more than {self.politeness.max_bytes} bytes"
            return result
        result.body = body
        return result

    def _host(self, netloc: str) -> _Host:
        with self._lock:
            if netloc not in self._hosts:
                self._hosts[netloc] = _Host(threading.Semaphore(self.politeness.per_host_concurrency))
            return self._hosts[netloc]


def _network_reason(exc: Exception) -> str:
    if isinstance(exc, urllib3.exceptions.TimeoutError | urllib3.exceptions.ReadTimeoutError):
        return "timeout"
    if isinstance(exc, urllib3.exceptions.ProtocolError):
        return f"connection broken: {type(exc).__name__}"
    if isinstance(exc, urllib3.exceptions.NewConnectionError | urllib3.exceptions.MaxRetryError):
        return "cannot connect"
    return f"network error: {type(exc).__name__}"
