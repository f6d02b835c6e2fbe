"""Reading a rendered report the way a browser's parser does: tags, attributes and text.

Asserting on parsed text (not on the raw file) is what makes the escaping tests mean
something: ``<script>`` in the text content proves it was written as ``&lt;script&gt;``, and
no ``script`` element among the tags proves nothing became markup.
"""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser

HEADINGS = {"h1", "h2", "h3"}
DATA_SVG = "data:image/svg+xml;base64,"


@dataclass
class Tag:
    name: str
    attrs: dict[str, str]


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[Tag] = []
        self.texts: list[str] = []
        self.headings: list[tuple[str, str]] = []
        self._heading: str | None = None
        self._parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(Tag(tag, {k: v or "" for k, v in attrs}))
        if tag in ("style", "script"):
            self._skip += 1
        if tag in HEADINGS:
            self._heading, self._parts = tag, []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skip -= 1
        if tag == self._heading:
            self.headings.append((tag, " ".join("".join(self._parts).split())))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.texts.append(data)
        if self._heading is not None:
            self._parts.append(data)

    @property
    def text(self) -> str:
        """All visible text, whitespace folded: what a reader sees."""
        return " ".join(" ".join(self.texts).split())

    def named(self, name: str) -> list[Tag]:
        return [t for t in self.tags if t.name == name]

    def svgs(self) -> list[ET.Element]:
        """Every chart, decoded from its data: URI and parsed as XML (so it is well formed)."""
        charts = []
        for img in self.named("img"):
            source = img.attrs["src"]
            assert source.startswith(DATA_SVG), source[:60]
            svg = base64.b64decode(source.removeprefix(DATA_SVG)).decode("utf-8")
            charts.append(ET.fromstring(svg))  # noqa: S314 - our own output, parsed to inspect it
        return charts


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def svg_texts(svg: ET.Element) -> list[str]:
    return [t.text for t in svg.iter() if t.tag.endswith("text") and t.text]


def section(html: str, element_id: str) -> str:
    """The source of the element with ``id`` up to the end of its own kind of tag: enough to
    say a figure is shown for this theme and not another."""
    start = html.index(f'id="{element_id}"')
    tag = html[html.rindex("<", 0, start) + 1 :].split(maxsplit=1)[0]
    return html[start : html.index(f"</{tag}>", start)]


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class _Rows(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(" ".join(" ".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def table_rows(html: str) -> list[list[str]]:
    """Every table row's cells as folded text, header rows included."""
    parser = _Rows()
    parser.feed(html)
    return parser.rows
