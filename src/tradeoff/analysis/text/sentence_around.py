"""The sentence around a span of text, read only near the span.

A competitor's name is read in its own sentence: whether it is a system the buyer connects
to (``competitor_scan``) and how the customer stands towards it (``mention_stance``). A text
with no sentence marks (a pasted log, a hostile upload) would otherwise be read whole once
per name in it: 50,000 characters of "doing nothing" took 16 s.
"""

from __future__ import annotations

#: What ends a sentence for these reads (a semicolon and a line break too).
SENTENCE_MARKS = ".!?;\n"


def sentence_around(text: str, start: int, end: int, reach: int) -> tuple[int, int]:
    """Where the sentence holding ``text[start:end]`` opens and closes, looking at most
    ``reach`` characters each side of the span.

    >>> text = "Lost the deal. Went with Datadog; sad."
    >>> opens, closes = sentence_around(text, 25, 32, 400)
    >>> text[opens:closes]
    ' Went with Datadog'
    """
    floor, ceiling = max(0, start - reach), min(len(text), end + reach)
    opens = max(floor - 1, *(text.rfind(mark, floor, start) for mark in SENTENCE_MARKS)) + 1
    closes = min(
        (i for mark in SENTENCE_MARKS if (i := text.find(mark, end, ceiling)) >= 0),
        default=ceiling,
    )
    return opens, closes
