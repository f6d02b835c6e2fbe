"""Praise words said in politeness: the words around a complaint that are not about the
product, so that a praise word in them is no praise of the area (``counter.read_praise``).

A help-desk ticket is wrapped in politeness, and politeness is full of praise words: a QA
tester's fleet-software corpus listed 28 complaints among 37 counter-evidence lines, each
read as praise by one of these:

- a **greeting** (``GREETINGS``): "Happy Friday!", "Happy holidays", "great to hear from
  you", "nice talking to you";
- a **sign-off** (``signs_off``): a line that opens with "Best" and a comma or nothing else
  ("Best,", "Best, Mike"), as "Best regards" already was;
- **praise of the person answering** (``said_to_reader``): "you're the best", "you guys
  are great", "you were very helpful" — like a helpdesk satisfaction rating it rates the
  conversation, not the area;
- **a preamble** (``opens_a_preamble``): praise that opens the way to something else ("First
  of all thank you for the quick onboarding last year, it went smoothly.") or that judges
  the product as a whole ("overall the product has been solid for us", "all in all") or
  most of it ("Most things work well.", "for the most part"): faint praise, as a QA
  tester's inventory corpus opened seven complaints and requests ("Most things work well.
  User roles are all or nothing, we need granular permissions."). Followed by a sentence
  that names something and praises nothing, it is the concession before a complaint or
  request, not praise; alone, or followed by more praise, it counts.

Praise can also name words that are no area of the product, which ``unnamed`` takes out
before ``counter.names_something`` looks for one, so that such praise joins only a praise
theme (``analysis.praise_filing``), and is no counter evidence of an area:

- **an attachment notice**: "Great product 🙌 Screenshot attached." named "screenshot", so
  a QA tester's two such chats sat in a PagerDuty escalation theme, counted in its demand;
  "see attached", "logs attached" are the message's housekeeping too;
- **a comparison with every product used**: "Best uptime monitoring we've used", "Easiest
  expense tool we've used" name the product's category, as "app" names the product; so
  does "the best dashboard we've ever used", which is the price of the rule.

Message reading may already drop whole pleasantry sentences at a message's start and end;
these rules read whatever stays there, and the chats, answers and notes it does not read.
The customer's own setup after a praise word ("Chrome, fast office internet, new laptops")
is read in ``counter`` with the setup before one ("internet connection is fast").
"""

from __future__ import annotations

import re
from collections.abc import Sequence


def _phrases(lines: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(line.split()) for line in lines.split(",") if line.strip())


#: Greetings built on a praise word: skipped before any cue is looked for, as "good
#: morning" and "have a great day" are.
GREETINGS = _phrases(
    """happy monday, happy tuesday, happy wednesday, happy thursday, happy friday,
    happy saturday, happy sunday, happy weekend, happy hump day, happy holidays,
    happy holiday, happy new year, happy thanksgiving, happy easter, happy birthday,
    nice to meet, great to meet, nice meeting, great meeting, nice to hear from,
    great to hear from, nice talking, great talking, nice speaking, great speaking,
    nice chatting, great chatting, nice catching up, great catching up, nice seeing,
    great seeing, nice to see you, great to see you"""
)
#: The first word of a sign-off line: "Best," "Best, Mike".
SIGN_OFFS = frozenset({"best", "warmest", "warmly", "kindest"})
#: Words that open a preamble: what follows in the item is the point.
PREAMBLE_OPENERS = _phrases(
    """first of all, first off, firstly, first things first, to start with, to begin with,
    before i start, before anything else, before i forget"""
)
#: Words that judge the product as a whole, or most of it, wherever they stand in the
#: sentence ("Most things work well.").
WHOLE = _phrases(
    """overall, all in all, on the whole, by and large, in general, most things,
    most of it, most of the app, most of the product, most features, for the most part"""
)
#: A note that something is attached: "Screenshot attached.", "see attached", "attached
#: is the log".
_ATTACHED_THING = (
    r"(?:screen\s*shots?|(?:har\s+)?(?:logs?|files?)|images?|photos?|pictures?|videos?|"
    r"recordings?|traces?)"
)
_ATTACHED = re.compile(
    rf"\b(?:{_ATTACHED_THING}\s+(?:is\s+|are\s+)?attached"
    rf"|(?:please\s+)?(?:see|find)\s+(?:the\s+)?attach(?:ed|ments?)(?:\s+{_ATTACHED_THING})?"
    r"|attached\s+(?:is|are|you'll\s+find|please\s+find)"
    rf"(?:\s+(?:the|a|our|my))?(?:\s+{_ATTACHED_THING})?)\b"
)
#: Praise of the product against every other one used: "best uptime monitoring we've used",
#: "the easiest CRM I have ever tried" — what it names is the product's category. Not
#: "had", "seen" or "worked with": "the best support team we've ever worked with" and "the
#: easiest onboarding I have ever had" name the service praised.
_EVER_USED = re.compile(
    r"\b(?:best|greatest|finest|nicest|easiest|simplest|fastest)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:(?:that|which)\s+)?(?:we|i)(?:'ve|\s+have)\s+(?:ever\s+)?"
    r"(?:used|tried|bought)\b"
)


def unnamed(folded: str) -> str:
    """A folded (lower-case) text without the words that name no area of the product: an
    attachment notice, a comparison with every product used.

    >>> unnamed("great product 🙌 screenshot attached.")
    'great product 🙌  .'
    >>> unnamed("best uptime monitoring we've used, love it")
    ' , love it'
    >>> unnamed("best routing tool we've used, stop sequences are spot on")
    ' , stop sequences are spot on'
    """
    return _EVER_USED.sub(" ", _ATTACHED.sub(" ", folded))


#: Who the praise is said to: the person answering the ticket.
ADDRESSEE = frozenset({"you", "you're", "youre", "you've", "youve", "ya", "y'all", "yall"})


def signs_off(tokens: Sequence[str]) -> bool:
    """Whether a line is a sign-off: "Best," or "Best, Mike" (not "Best app ever").

    >>> signs_off(["best", ","]), signs_off(["best", "app", "ever"])
    (True, False)
    """
    return bool(tokens) and tokens[0] in SIGN_OFFS and tokens[1:2] in ([], [","])


def opens_a_preamble(tokens: Sequence[str]) -> bool:
    """Whether a sentence is a preamble: it opens with "first of all" or the like (after a
    greeting word or "and"), or judges the product as a whole or most of it ("overall",
    "all in all", "most things").

    >>> opens_a_preamble("first of all thank you it went smoothly".split())
    True
    >>> opens_a_preamble("the route optimizer is great".split())
    False
    """
    start = 1 if tokens[:1] in (["and"], ["so"], ["ok"], ["hi"], ["hey"]) else 0
    if any(_at(tokens, start, opener) for opener in PREAMBLE_OPENERS):
        return True
    return any(_at(tokens, k, whole) for k in range(len(tokens)) for whole in WHOLE)


def said_to_reader(tokens: Sequence[str], start: int, i: int) -> bool:
    """Whether the praise word at ``i`` is said of the person reading ("you're the best",
    "you guys were great"): a word of ``ADDRESSEE`` between the clause's ``start`` and it."""
    return not ADDRESSEE.isdisjoint(tokens[start:i])


def _at(tokens: Sequence[str], k: int, phrase: tuple[str, ...]) -> bool:
    return tuple(tokens[k : k + len(phrase)]) == phrase
