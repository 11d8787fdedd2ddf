"""The watch list: one feed or sitemap URL per line with an optional label and tags, or an OPML file
(what feed readers export)."""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from vigie.errors import BadRecord


@dataclass(frozen=True)
class WatchedSource:
    """A feed or a news sitemap to follow."""

    url: str
    label: str | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)


def read_sources(path: str | Path) -> list[WatchedSource]:
    """The sources of a watch list. Text lines: ``URL [label] [#tag ...]`` (quote a label with spaces;
    '#' at a line's start is a comment). An .opml file: its outline elements with an xmlUrl."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise BadRecord(f"cannot read the watch list {file}: {exc.strerror}") from None
    if file.suffix.lower() in (".opml", ".xml") or data.lstrip().startswith(b"<"):
        return _opml(data, file)
    sources = []
    for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            words = shlex.split(line)
        except ValueError as exc:
            raise BadRecord(f"{file}:{number}: {exc}") from None
        url, rest = words[0], words[1:]
        if not url.startswith(("http://", "https://")):
            raise BadRecord(f"{file}:{number}: not an http(s) URL: {url!r}")
        tags = tuple(w[1:] for w in rest if w.startswith("#") and len(w) > 1)
        label = " ".join(w for w in rest if not w.startswith("#")) or None
        sources.append(WatchedSource(url, label, tags))
    return _unique(sources)


def _opml(data: bytes, file: Path) -> list[WatchedSource]:
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        raise BadRecord(f"{file}: not a valid OPML file: {exc}") from None
    sources = []
    for outline in root.iter("outline"):
        url = outline.get("xmlUrl") or outline.get("xmlurl")
        if not url:
            continue
        parent = outline.getparent()
        category = parent.get("text") if parent is not None and parent.tag == "outline" else None
        tags = tuple(t.strip() for t in (outline.get("category") or category or "").split(",") if t.strip())
        sources.append(WatchedSource(url, outline.get("title") or outline.get("text"), tags))
    return _unique(sources)


def _unique(sources: list[WatchedSource]) -> list[WatchedSource]:
    seen: dict[str, WatchedSource] = {}
    for source in sources:
        seen.setdefault(source.url, source)
    return list(seen.values())
