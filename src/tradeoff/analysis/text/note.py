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
        kept.append(line)
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return body or text.strip()


def _labels(line: str, title: str) -> bool:
    """A short line set as a label ("Next steps:", "**Context**"), not a sentence that ends
    with a colon ("They listed three problems with the export run:")."""
    return line.rstrip().endswith((":", "**", "__")) and len(title.split()) <= 4
