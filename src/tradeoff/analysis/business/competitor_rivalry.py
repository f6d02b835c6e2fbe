"""When a sentence sets a product against us, read close to the product's name.

Two reads use it. The scan keeps a product named in a sentence of connecting as a rival when
a word that sets two things side by side — vs, versus, against, instead, rather than —
stands right by its name (``set_against``): "route everything through PagerDuty instead"
weighs it against us, "route to different PagerDuty services by tag (env:prod vs
env:staging)" does not. And an integration partner (``tradeoff competitor-partner``), a
product the customer connects to us, is named as a rival only where the words near its name
compete with it (``competes_with_partner``): "Lost to PagerDuty", "we are evaluating
PagerDuty's own status pages instead", "moving to PagerDuty" — not "PagerDuty pages arrive
instantly" or "the PagerDuty incident isn't resolved", which is every other ticket about
the integration.
"""

from __future__ import annotations

import re

from tradeoff.analysis.business.mention_stance import stance_of
from tradeoff.analysis.text.sentence_around import sentence_around
from tradeoff.domain.enums import MentionStance

#: Words that set two things side by side, competing only next to the name they set
#: against another ("Datadog instead", "Zoho vs us"): a sentence of connecting may set
#: other things side by side ("route to different PagerDuty services by tag (env:prod vs
#: env:staging)", "incidents land on the default service instead of the team's").
_SET_AGAINST = re.compile(
    r"(?<!\w)(?:vs\.?|versus|against|instead|rather than)(?!\w)", re.IGNORECASE
)
#: How many words may stand between a name and a word of ``_SET_AGAINST`` that sets it
#: against another ("use Datadog's API instead": two).
SET_AGAINST_WORDS = 3

#: Words of competing with a partner. Narrower than the scan's words of competing, which
#: only keep a connecting sentence's product a rival: here they are the only way a
#: partner is named as one, so words a ticket about the integration uses for other things
#: are left out — "like" ("we'd like PagerDuty incidents to resolve"), "select" and "pick"
#: ("select the PagerDuty service"), a bare "switch" ("switch the PagerDuty toggle"), a
#: "lost" that is not lost to ("alerts got lost"), "trial" and "pilot" (a partner's own
#: trial account). A customer weighing a move to it is read by ``mention_stance`` too.
_RIVALRY = re.compile(
    r"(?<!\w)(?:"
    r"los(?:t|e|es|ing)(?:\s+(?:the\s+)?(?:deal|account|customer|renewal|them|it|us|out))?"
    r"\s+to|won(?!['’]t)|beat|beats|beaten|win(?:s|ning)?\s+(?:against|over)|"
    r"chose|chosen|opted for|went with|going with|go with|decided on|"
    r"switch\w*\s+(?:over\s+)?(?:to|from|back|away)|mov(?:e|es|ed|ing)\s+(?:over\s+)?to|"
    r"migrat\w*\s+(?:over\s+)?(?:to|from|off)|replac\w*|"
    r"evaluat\w*|compar\w*|shortlist\w*|bake-?off|"
    r"cheaper|pricier|more expensive|less expensive|better|worse|over us|"
    r"alternatives?|competitors?|competing|competition|incumbent|rivals?|"
    r"stay(?:s|ed|ing)?\s+with|stick(?:s|ing)?\s+with"
    r")(?!\w)",
    re.IGNORECASE,
)
#: How many words may stand between a partner's name and a word of competing with it:
#: "We're evaluating a few options for status pages, including PagerDuty" is seven.
PARTNER_NEAR_WORDS = 8
#: Characters read each side of a name for its sentence.
_REACH = 400
_WORD = re.compile(r"\w+")


def set_against(text: str, opens: int, closes: int, start: int, end: int) -> bool:
    """Whether a word of ``_SET_AGAINST`` stands within ``SET_AGAINST_WORDS`` words of the
    name at ``text[start:end]``, in its sentence ``text[opens:closes]``."""
    return _near(_SET_AGAINST, SET_AGAINST_WORDS, 120, text, opens, closes, start, end)


def competes_with_partner(text: str, start: int, end: int) -> bool:
    """Whether the integration partner named at ``text[start:end]`` is named as a rival: a
    word of competing within ``PARTNER_NEAR_WORDS`` words of it in its sentence, a word
    that sets it against another right by it, or a customer who came from it or may leave
    for it.

    >>> text = "Lost to PagerDuty. PagerDuty pages arrive instantly."
    >>> competes_with_partner(text, 8, 17), competes_with_partner(text, 19, 28)
    (True, False)
    """
    opens, closes = sentence_around(text, start, end, _REACH)
    return (
        _near(_RIVALRY, PARTNER_NEAR_WORDS, 240, text, opens, closes, start, end)
        or set_against(text, opens, closes, start, end)
        or stance_of(text, start, end) is not MentionStance.NAMED
    )


def _near(
    words: re.Pattern[str],
    most: int,
    reach: int,
    text: str,
    opens: int,
    closes: int,
    start: int,
    end: int,
) -> bool:
    """Whether a match of ``words`` stands within ``most`` words of ``text[start:end]``
    inside ``text[opens:closes]``, looking ``reach`` characters each side: that many words
    lie within a few dozen characters, so the look never walks a long sentence once per
    match in it."""
    for match in words.finditer(text, max(opens, start - reach), min(closes, end + reach)):
        if match.start() < end and start < match.end():
            continue  # inside the name itself ("Better Stack")
        between = text[end : match.start()] if match.start() >= end else text[match.end() : start]
        if len(_WORD.findall(between)) <= most:
            return True
    return False
