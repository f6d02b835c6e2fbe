"""Whether a customer names a competitor as the tool they left, or one they may leave for.

"Before Tracewell we used Pingdom" and "we switched from Pingdom last spring" count as
mentions of Pingdom, but they are a win story, not a rival in the account today; "we are
evaluating Datadog" and "thinking of moving to Datadog" are a risk. A competitor's profile
shows the mentions split this way (docs/competitors.md). The reading is kept to the name's
own clause and to words right before or after it: most names are neither (``NAMED``), and
a negation before the verb ("we are not moving to Datadog", "would never go back to
Pingdom") leaves the name plain.
"""

from __future__ import annotations

import re

from tradeoff.analysis.text.sentence_around import sentence_around
from tradeoff.domain.enums import MentionStance

#: The look stays in the name's sentence (``sentence_around``) and reads no further than
#: this many characters each side of the name.
_REACH = 200
#: Articles and possessives between a verb and the name: "moved off our old Pingdom".
_DETERMINER = r"(?:(?:the|our|their|my|a|an|its|using)\s+)?(?:(?:old|previous|former|legacy)\s+)?"

_CAME_FROM_BEFORE = re.compile(
    r"(?:"
    # Moving verbs with "from" / "off": "switched from", "migrating off", "we came over
    # from"; coming is a person's only at the clause's start or after one ("Coming from
    # Datadog, ..."), never a thing's ("Alerts coming from PagerDuty have no title").
    r"(?:switch\w*|mov(?:e|ed|ing)|migrat\w*|transition\w*|convert\w*|"
    r"graduat\w*|upgrad\w*|port(?:ed|ing)?|jump(?:ed|ing)?|went|hopp(?:ed|ing)|"
    r"(?:^\s*|\b(?:we|i|they|who|you)\s+(?:\w+\s+)?)(?:c[ao]me|coming))\s+"
    r"(?:over\s+|here\s+|across\s+|away\s+)?(?:from|off(?:\s+of)?)\s+"
    # Leaving verbs: "ditched", "replaced", "outgrew", "got rid of", "gave up on".
    r"|(?:left|ditch(?:ed|ing)|dropp(?:ed|ing)|dump(?:ed|ing)|replac(?:ed|ing)|"
    r"abandon(?:ed|ing)|outgr[eo]w\w*|cancel+(?:ed|ing)|retir(?:ed|ing)|rip(?:ped|ping) out|"
    r"got rid of|gave up(?:\s+on)?|fed up with|moved away from)\s+"
    # Used before: "used to use", "previously on", "were on", "our old".
    r"|(?:used to (?:use|be on|run|have|pay for|rely on)|"
    r"(?:previously|formerly|originally)\s+(?:used|on|with|ran|had|using)|"
    r"(?:were|was)\s+(?:previously\s+|formerly\s+)?(?:on|using|with))\s+"
    r"|(?:our|their|my)\s+(?:old|previous|former|legacy)\s+(?:\w+\s+)?"
    # "Before Tracewell we used Pingdom", "Prior to switching, they ran Nagios".
    r"|(?:before|prior to)\b[^,.;!?\n]{0,60}?,?\s*\b(?:we|they|i|our team)\s+"
    r"(?:used|were on|were using|had|ran|relied on|paid for|lived in)\s+"
    r"|\bex-"
    r")" + _DETERMINER + r"$",
    re.IGNORECASE,
)
#: After the name: "we used Pingdom before", "ran Nagios for years until".
_CAME_FROM_AFTER = re.compile(
    r"^\s+(?:\w+\s+){0,3}?(?:before (?:us|you|switching|moving|this)|previously|in the past|"
    r"for years (?:before|until))\b",
    re.IGNORECASE,
)
_USED_BEFORE = re.compile(r"(?:used|were on|were using|had|ran)\s+" + _DETERMINER + "$", re.I)

_LEAVING_FOR_BEFORE = re.compile(
    r"(?:"
    r"(?:switch\w*|mov(?:e|es|ed|ing)|migrat\w*|go|goes|going|jump(?:ing)?|leav(?:e|ing)|"
    r"left|defect\w*|port(?:ing)?)\s+(?:over\s+|back\s+|across\s+)?(?:to|for)\s+"
    # "moved from Pingdom to Datadog": the tool they moved to.
    r"|(?:switch\w*|mov(?:e|es|ed|ing)|migrat\w*)\s+from\s+[\w .'&-]{1,40}?\s+to\s+"
    r"|(?:go|goes|going|went) with\s+"
    # Not "looking at" or "testing": "looking at the Datadog dashboard" is no move.
    r"|(?:consider\w*|evaluat\w*|trial(?:l?ing|l?ed)?|"
    r"demo(?:ing|ed)|pilot(?:ing|ed)?|talking to|thinking (?:about|of)|weigh(?:ing)?|"
    r"shopping around(?: for)?|got a quote from|quote from|(?:signed|sign) with|"
    r"(?:will|might|may|could) (?:go with|choose|pick))\s+"
    r")" + _DETERMINER + r"$",
    re.IGNORECASE,
)
#: A denial right before the verb leaves the name plain: "not moving to", "won't go back
#: to", "we can't switch to", "no plans to move to" (a typographic ’ read as ').
_NEGATION = re.compile(r"(?<!\w)(?:not|never|no longer|cannot|no plans?|\w+n't)(?!\w)", re.I)
#: How far before the verb a denial reaches, inside the clause part after a comma or colon:
#: "Not thrilled with the pricing, so we are evaluating Datadog" is no denial of the move.
_DENIAL_REACH = 30


def _denied(before: str) -> bool:
    part = re.split(r"[,:]", before.replace("’", "'"))[-1]
    return bool(_NEGATION.search(part[-_DENIAL_REACH:]))


def stance_of(text: str, start: int, end: int) -> MentionStance:
    """How the name at ``text[start:end]`` is named: left for us, weighed as a move, or
    neither. Example: ``stance_of("We moved off Pingdom.", 13, 20)`` is ``CAME_FROM``."""
    opens, closes = sentence_around(text, start, end, _REACH)
    before, after = text[max(opens, start - 90) : start], text[end:closes]
    for pattern, stance in (
        (_CAME_FROM_BEFORE, MentionStance.CAME_FROM),
        (_LEAVING_FOR_BEFORE, MentionStance.LEAVING_FOR),
    ):
        found = pattern.search(before)
        if found:
            return MentionStance.NAMED if _denied(before[: found.start()]) else stance
    if _USED_BEFORE.search(before) and _CAME_FROM_AFTER.match(after):
        return MentionStance.NAMED if _denied(before) else MentionStance.CAME_FROM
    return MentionStance.NAMED


#: How a quote's stance reads beside it; a plain naming says nothing.
STANCE_WORDS = {
    MentionStance.CAME_FROM: "came from them",
    MentionStance.LEAVING_FOR: "may leave for them",
    MentionStance.NAMED: "",
}


def mention_split(came_from: int, leaving_for: int) -> str:
    """``3 came from them, 1 may leave for them``: the mentions that say more than the name,
    or nothing when none does."""
    parts = [
        f"{count:,} {STANCE_WORDS[stance]}"
        for stance, count in (
            (MentionStance.CAME_FROM, came_from),
            (MentionStance.LEAVING_FOR, leaving_for),
        )
        if count
    ]
    return ", ".join(parts)
