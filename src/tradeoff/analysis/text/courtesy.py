"""Pleasantries around a customer's message: "Happy Friday!", "Hope you're well.", "Sorry to
bother you again.", "Thanks in advance for looking into this.", "Looking forward to hearing
from you."

A QA corpus's quotes opened with them one time in five, and the counter-evidence reader took
"Happy Friday!" for praise. A sentence is a pleasantry when every word of it is one of
``COURTESY`` (words of wellbeing, apology, thanks and "let me know"), it has two or more
and one of them is kind (``KIND``: "Please help me!" is a plea), so a sentence that names
anything else ("I hope you can fix the export", "Still broken.") never is.
``message_body`` drops whole pleasantry sentences at the start and end of the message
only, so the words of the complaint stay as the customer typed them.

    >>> after_courtesies("Hope you're well. The export fails.")
    'The export fails.'
"""

from __future__ import annotations

import re

_COURTESY_WORDS = """hope hoping hoped trust you your yours re ve ll m s d i we all everyone
everybody folks guys team y this email message note finds find is are well doing good great fine
nice lovely wonderful a an the had have having weekend week day morning afternoon evening
going better than ours happy friday monday tuesday wednesday thursday saturday sunday new
year holidays holiday start off sorry to bother bothering again disturb disturbing trouble
thanks thank getting back me last time quick reply response help as always and safe healthy
in advance for looking into it let know if need anything else from my side appreciate
appreciated please advise at earliest convenience forward hearing feel free call reach out
that easier any update would be patience with us much kindly so very lot hi hello hey there
dear on end side"""
COURTESY = frozenset(_COURTESY_WORDS.split())
#: A pleasantry wishes, apologises, thanks or offers: "Please help me" is a plea.
_KIND_WORDS = """hope hoping hoped trust happy sorry bother bothering disturb disturbing
trouble thanks thank appreciate appreciated forward advance weekend well patience
convenience advise know free great nice lovely wonderful doing safe healthy holidays"""
KIND = frozenset(_KIND_WORDS.split())
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def courtesy(sentence: str) -> bool:
    """Every word of the sentence is a pleasantry's (see the module docstring)."""
    count, kind = 0, False
    for match in _WORD.finditer(sentence.casefold()):
        word = match.group(0)
        if word not in COURTESY:
            return False  # most sentences: at their first words
        count += 1
        kind = kind or word in KIND
    return count > 1 and kind


def after_courtesies(line: str) -> str:
    """The line without the pleasantry sentences it opens with ("" when it is only those)."""
    rest = line.strip()
    while rest:
        first = _WORD.search(rest)
        if first is None or first.group(0).casefold() not in COURTESY:
            break  # most lines: one look at a word
        end = _SENTENCE_END.search(rest)
        if not courtesy(rest[: end.start()] if end else rest):
            break
        rest = rest[end.end() :] if end else ""
    return line if rest == line.strip() else rest


def before_courtesies(line: str) -> str:
    """The line without the pleasantry sentences it ends with ("" when it is only those)."""
    tail = _WORD.findall(line[-24:])
    if not tail or tail[-1].casefold() not in COURTESY:
        return line
    parts = _SENTENCE_END.split(line.strip())
    at = len(parts)
    while at > 0 and courtesy(parts[at - 1]):
        at -= 1
    return line if at == len(parts) else " ".join(parts[:at])
