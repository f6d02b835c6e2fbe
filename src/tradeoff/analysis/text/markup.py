"""An HTML text read as the plain text a person sees: the reading every consumer starts from.

Help-desk exports (Zendesk, Freshdesk, Help Scout bodies) and imported emails often hold
HTML, which ``tradeoff import csv`` and ``import jsonl`` store verbatim. Read raw, a message
is mostly markup: tag names and ``style="font-family:Arial"`` outweigh the customer's words
in its embedding and keywords (a refund ticket stayed unsorted, and ranked 28th for "jacket
refund" with the best keyword score), the greeting, signature and quoted-thread rules of
``message_body`` see one long line, and quotes and snippets show the tags. ``plain_text``
reads it as text instead:

- **Which texts**: a text is HTML when it holds at least two tags of HTML elements, one of
  them a block (``<p>``, ``<div>``, ``<br>``, ``<table>``, ``<li>``, ``<blockquote>``, the
  ``<html>`` or ``<body>`` of a document…) or one with an attribute (``<a href=…>``,
  ``<span style=…>``). Prose is left as it is: "<3", "x < y and y > z", "use the <b> tag",
  or "wrap it in <b>…</b>" (inline tags without attributes) hold no such pair; entities in
  a text that is not HTML ("R&amp;D") are left too. A plain text that quotes block markup
  twice ("I typed <p>hi</p>") is read as HTML: only the tag names go, its words stay.
- **Layout**: blocks and ``<br>`` become line breaks, paragraphs and headings blank lines,
  so ``message_body`` reads the email line by line as it reads a plain one; spaces collapse
  within a line; entities are unescaped (``&amp;``, ``&nbsp;``, ``&#39;``).
- **Quoted thread**: a ``<blockquote>``, or a mail client's quote container (Gmail's
  ``gmail_quote``, Yahoo's ``yahoo_quoted``, Thunderbird's ``moz-cite-prefix``, Proton's
  ``protonmail_quote``), becomes lines quoted with ">", as a mail client writes the plain
  version of a reply, so ``message_body`` drops it like a plain quoted thread. A Gmail
  signature (``gmail_signature``) follows a "--" separator line, as in Gmail's plain text.
- **Hidden**: ``<script>``, ``<style>``, ``<head>``, ``<title>`` and ``<template>`` are
  dropped when they close; one left open (a stray "<script>" in a message's prose) keeps
  what follows it, so no words are lost to a stray tag.
- **Never fails**: malformed HTML reads as far as the parser makes sense of it, and a text
  the parser gives up on is read as it was.

A text without "<" costs one substring test, and one with "<" but no tag pair one regex
scan: the engine reads a million texts (an HTML one costs about 0.1-0.2 ms to read). The
stored text is never changed (``tradeoff evidence`` exports it whole, HTML and all).
Embeddings are cached by the hash of what is read, so this reading re-embedded only the
HTML items.

    >>> plain_text("<p>Hello,</p><p>The <b>export</b> fails &amp; times out.<br>Dana</p>")
    'Hello,\\n\\nThe export fails & times out.\\nDana'
"""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser

#: Elements that start a line of their own.
BLOCKS = frozenset(
    """html head body div br hr table thead tbody tfoot tr td th caption ul ol li dl dt dd
    blockquote pre p h1 h2 h3 h4 h5 h6 section article header footer main nav aside figure
    figcaption address center form fieldset""".split()  # noqa: SIM905 - a word list reads better
)
#: Elements set apart by a blank line.
PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "ul", "ol", "table"})
#: Elements whose content is not text a person reads.
HIDDEN = frozenset({"script", "style", "head", "title", "template"})
#: Classes of the element a mail client wraps the quoted earlier message in.
QUOTE_CLASSES = frozenset(
    {"gmail_quote", "gmail_quote_container", "yahoo_quoted", "moz-cite-prefix", "protonmail_quote"}
)
_INLINE = "a b i u s em strong span font img small big sub sup strike code tt".split()  # noqa: SIM905
_TAG = re.compile(
    r"<(/?)(" + "|".join(sorted(BLOCKS | set(_INLINE), key=len, reverse=True)) + r")(?=[\s/>])"
    r"([^<>]*)>",
    re.IGNORECASE,
)
_BLANKS = re.compile(r"\n{3,}")

_TEXT, _LINE, _BLOCK, _PARAGRAPH = range(4)


def plain_text(text: str) -> str:
    """The text as a person reads it: an HTML text's words and lines (see the module
    docstring), any other text as it is."""
    return _read_html(text) if is_html(text) else text


def html_as_text(html: str) -> str:
    """A text known to be HTML (a help desk's HTML body field) read as plain text, without
    ``is_html``'s test: what the Intercom and Freshdesk importers store as the text."""
    return _read_html(html).strip()


@lru_cache(maxsize=32)
def _read_html(text: str) -> str:
    """An HTML text read once for the calls that read it in turn: ``theme_text`` reads a
    ticket's body for its message, then to see whether it holds its subject. (A few texts
    only: a cell may hold a mebibyte.)"""
    reader = _Reader()
    try:
        reader.feed(text)
        reader.close()
    except Exception:  # a reading never fails: a text the parser gives up on is read raw
        return text
    return reader.text()


def is_html(text: str) -> bool:
    """Whether the text is HTML: two tags of HTML elements, one a block or with an
    attribute. "<3", "a < b" and "use the <b> tag" are prose."""
    if "<" not in text:
        return False
    structure = False
    for tags, tag in enumerate(_TAG.finditer(text), start=1):
        structure = structure or tag[2].lower() in BLOCKS or "=" in tag[3]
        if tags >= 2 and structure:
            return True
    return False


class _Reader(HTMLParser):
    """Text and line breaks in order, each text with the depth of quoting it sits at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[tuple[int, int, str]] = []
        #: Open <div> and <blockquote> elements, and whether each quotes an earlier message.
        self._containers: list[tuple[str, bool]] = []
        #: Open hidden elements, and where their content starts in ``pieces``.
        self._hidden: list[tuple[str, int]] = []
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN:
            self._hidden.append((tag, len(self.pieces)))
            return
        if tag == "br":
            self._emit(_LINE)
        elif tag in ("div", "blockquote"):
            classes = set(" ".join(v or "" for k, v in attrs if k == "class").split())
            self._emit(_BLOCK)
            self._containers.append((tag, tag == "blockquote" or bool(classes & QUOTE_CLASSES)))
            if "gmail_signature" in classes:
                self._text("--")
                self._emit(_LINE)
        elif tag in ("td", "th"):
            self._text(" ")  # cells of a row read as one line
        elif tag in PARAGRAPHS:
            self._emit(_PARAGRAPH)
        elif tag in BLOCKS:
            self._emit(_BLOCK)
        if tag == "pre":
            self._pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)  # <br/>, <div/>: HTML has no empty-element syntax

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self._close_hidden(tag)
            return
        if tag in ("div", "blockquote"):
            self._emit(_BLOCK)
            opened = [at for at, (name, _) in enumerate(self._containers) if name == tag]
            if opened:
                del self._containers[opened[-1] :]
        elif tag in PARAGRAPHS:
            self._emit(_PARAGRAPH)
        elif tag in BLOCKS and tag not in ("br", "td", "th"):
            self._emit(_BLOCK)
        if tag == "pre":
            self._pre = max(0, self._pre - 1)

    def handle_data(self, data: str) -> None:
        if not self._pre:
            self._text(data)
            return
        for at, line in enumerate(data.replace("\r\n", "\n").split("\n")):
            if at:
                self._emit(_LINE)
            self._text(line)

    def set_cdata_mode(self, elem: str, *, escapable: bool = False) -> None:
        """A <script> or <style> is read like any markup and dropped when it closes, so one
        left open in prose loses no words (the parser would swallow the rest of the text)."""

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """An unknown "<![…[" section is text, not an error."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.handle_data(self.rawdata[i : i + 3])
            return i + 3

    def text(self) -> str:
        """The pieces as lines: spaces collapsed, quoted lines prefixed with ">"."""
        lines: list[str] = []
        line: list[str] = []  # the words of the line being read, from its first non-space
        depth = 0  # how deep the line's first words are quoted
        for kind, quoted, text in [*self.pieces, (_BLOCK, 0, "")]:
            if kind == _TEXT:
                if line or text.strip():
                    depth = depth if line else quoted
                    line.append(text)
                continue
            words = " ".join("".join(line).split())
            if words or kind == _LINE:
                lines.append(f"{'> ' * depth}{words}" if words else "")
            line.clear()
            if kind == _PARAGRAPH and lines and lines[-1]:
                lines.append("")
        return _BLANKS.sub("\n\n", "\n".join(lines)).strip()

    def _text(self, text: str) -> None:
        if text:
            self.pieces.append((_TEXT, sum(q for _, q in self._containers), text))

    def _emit(self, kind: int) -> None:
        self.pieces.append((kind, 0, ""))

    def _close_hidden(self, tag: str) -> None:
        opened = [at for at, (name, _) in enumerate(self._hidden) if name == tag]
        if opened:
            del self.pieces[self._hidden[opened[-1]][1] :]
            del self._hidden[opened[-1] :]
