"""What an interview or call note says, without the note-taker's scaffolding.

A research note is a template around what was heard: a heading naming the call, who
attended, a context paragraph ("Acme runs payroll for ~130 people"), and next steps
("Follow up in two weeks"). Read whole, forty notes of one template sat closer to one
another than to the tickets about the same problems: a QA corpus's payroll complaints were
filed with praise notes, and their quotes began "# Northstar Roofing call / Attendees: …".
So headings and roster lines ("Attendees:", "Interviewer:", "Date:", "**Context:** …") are
left out, and so is a section whose heading names scaffolding (context, background,
agenda, next steps, action items, follow-up); every other line, bullets and quoted words
alike, is what was heard.
A transcript's lines that hold no words said go too: a speaker line with its timestamp
("**Dana (Acme)** [00:01:16]"), a timestamp alone, WebVTT cue timings and numbers, and a
turn's leading timestamp (``transcript.spoken_lines``). Read, 31 of a QA corpus's 46 calls
were grouped by them and named after the rep. Which turns are the customer's is decided
when the note is imported (``importers.transcripts``), where its interviewer is known.
A note with no such structure is read whole, and one that would be left empty too.

What is kept is read as the words, not their Markdown (``plain_line``): a line's block-quote
and list markers ("> …", "- …", "1. …") and emphasis marks ("**bold**", "_italics_",
"`code`") go, so a quote shows "Deleted appointments keep coming back", not "- Deleted…"
(a QA corpus's interview quotes showed them). The stored note keeps them.

    >>> note_body("## What they said\\n\\n> Exports **fail** daily.\\n- _Sync_ is slow.")
    'Exports fail daily.\\nSync is slow.'
"""

from __future__ import annotations

import re

from tradeoff.analysis.text.transcript import spoken_lines

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
#: A bold or underlined line standing as a heading ("**Next steps**", "Next steps:").
_LABEL_LINE = re.compile(r"^\s*(?:\*\*|__)?\s*([^*_:]{2,40}?)\s*(?:\*\*|__)?\s*:?\s*$")
#: A line that opens with a roster or context label ("Attendees: …", "**Context:** …"),
#: read with its emphasis marks taken out. Not "Customer:" or "Interviewee:": in a
#: transcript they introduce the customer's own words.
_ROSTER = re.compile(
    r"^\s*[-*]?\s*(attendees?|participants?|present|interviewers?|date|time|duration|"
    r"location|recording|call type|context|background|agenda|next steps?|action items?)\s*:",
    re.IGNORECASE,
)
_EMPHASIS = re.compile(r"\*\*|__")
#: What opens a Markdown line before its words: block-quote marks ("> ", "> > "), then a
#: list item's bullet or number ("- ", "* ", "+ ", "• ", "1. ", "2) ") and a task box. A
#: mark that says what a figure means stays: ">" before a number ("> 50 seats needs SSO":
#: more than 50; "> 1. …" is still a quoted list), "-" or "+" before a percentage or an
#: amount ("- 20% discount", "+ $5 a seat"); before a bare count it is a bullet ("- 3 users
#: complained"), a sign there being rare.
_CURRENCY = "$€£¥"
_LINE_MARKERS = re.compile(
    r"^(\s*)(?:>(?!\s?\d(?!\d{0,2}[.)]\s))\s?)*"
    r"(?:\s*(?:[*•]|[-+](?!\s+(?:[" + _CURRENCY + r"]\s?\d|\d[\d.,]*\s?(?:[%" + _CURRENCY + r"]"
    r"|percent\b)))|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?)?"
)
#: Emphasis around words: "**bold**", "__bold__", "*italics*", "_italics_", "`code`". A mark
#: must touch a word on its inner side and none on its outer side, so "5 * 3 * 2" and
#: "user_id" stay as they are; a single "*" opens after a space, a line's start or an
#: opening bracket or quote, and closes the nearest one, so "the *nix build" keeps its star.
_INLINE_MARKS = re.compile(
    r"(?<![\w*])\*\*(?=\S)(.+?)(?<=\S)\*\*(?![\w*])|(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)"
    r"|(?<![^\s(\[\"'])\*(?=[^\s*])([^*\n]+?)(?<=\S)\*(?![\w*])"
    r"|(?<!\w)_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)"
    r"|`([^`\n]+)`"
)
_SCAFFOLDING = re.compile(
    r"^(context|background|agenda|attendees|participants|next steps?|action items?|"
    r"actions|follow[- ]?ups?|to ?dos?|logistics|admin|internal notes?|notes to self)\b",
    re.IGNORECASE,
)


def note_body(text: str) -> str:
    """The note without headings, roster lines and scaffolding sections (module docstring)."""
    kept: list[str] = []
    skipping = False
    for line in spoken_lines(text.replace("\r\n", "\n")).split("\n"):
        heading = _HEADING.match(line)
        label = None if heading else _LABEL_LINE.match(line)
        found = heading or (label if label and _labels(line, label.group(1)) else None)
        if found is not None:
            skipping = bool(_SCAFFOLDING.match(found.group(1).strip()))
            continue
        if skipping or _ROSTER.match(_EMPHASIS.sub("", line)):
            continue
        kept.append(plain_line(line))
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return body or text.strip()


def plain_line(line: str) -> str:
    """The line's words without Markdown's block-quote and list markers and emphasis marks
    (see the module docstring); its indent is kept."""
    line = _LINE_MARKERS.sub(r"\1", line, count=1)
    if "*" not in line and "_" not in line and "`" not in line:
        return line  # most lines
    return _INLINE_MARKS.sub(lambda m: next(g for g in m.groups() if g is not None), line)


def _labels(line: str, title: str) -> bool:
    """A short line set as a label ("Next steps:", "**Context**"), not a sentence that ends
    with a colon ("They listed three problems with the export run:")."""
    return line.rstrip().endswith((":", "**", "__")) and len(title.split()) <= 4
