"""A day's or a month's name read as the day, by its context: "every Monday", "am Montag".

English and German capitalise the days and the months, so capitals cannot tell the rival
Monday (monday.com) from the day the sync fails; and a day's name is mostly a date. A day
or month name of the item's language (``day_or_month``) is the day where its words date
something (``dated``):

- a word of time right before it, an article or "next"/"last" between at most: "on
  Monday", "every Monday", "next Monday", "by Monday", "until Monday", "since Monday",
  "this Monday", "from Monday", "postponed to Monday", "after the Monday"; for a month also
  "in March", "of March", "early March", "mid-March"; in German "am Montag", "bis
  Montag", "seit Montag", "ab Montag", "jeden Montag", "nächsten Montag", "im März";
- a number before a month ("3 March", "the 3rd of March");
- a time or a date right after it: "Monday morning", "Monday at 9", "Monday 9am", "Monday
  3 March", "Monday, March 3", "March 2026", "Montag früh", "Montag um 9";
- another day or month joined to it: "Monday to Friday", "Monday and Tuesday",
  "Montag bis Freitag".

Anywhere else it is read like any other name: "Half the team prefers Monday", "Monday has
a much nicer timeline view" and "They evaluated Monday and HubSpot" name the product.
Languages that write the days in lower case ("lunes", "lundi") need no list: the
workspace's own usage tells that they are words (``competitor_common_words``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tradeoff.domain.names import fold

_DAYS = {
    "en": "monday tuesday wednesday thursday friday saturday sunday",
    "de": "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag",
}
_MONTHS = {
    "en": """january february march april may june july august september october november
        december""",
    "de": """januar jänner februar märz april mai juni juli august september oktober
        november dezember""",
}
#: Folded day and month names of each language that capitalises them.
DAYS = {code: frozenset(map(fold, words.split())) for code, words in _DAYS.items()}
MONTHS = {code: frozenset(map(fold, words.split())) for code, words in _MONTHS.items()}
#: Words of time right before a day or a month, and between them ("by next Monday").
_TIME_BEFORE = {
    "en": (
        r"on|next|last|every|each|this|by|until|till|til|since|from|to|through|thru|"
        r"before|after|coming|following|past|starting|due|as of"
    ),
    "de": (
        r"am|an|bis|seit|ab|vom|von|zum|jeden|jedem|nächsten|naechsten|letzten|diesen|"
        r"kommenden|vergangenen|vor|nach"
    ),
}
_MONTH_BEFORE = {
    "en": r"in|of|early|late|mid|mid-|end of|beginning of|start of",
    "de": r"im|anfang|ende|mitte|seit|bis",
}
_BETWEEN = {
    "en": r"the|a|next|last|this|every|other|coming|following|first|second|third|fourth",
    "de": r"den|dem|nächsten|naechsten|letzten|kommenden|ersten",
}
#: A time or a date right after the name (a comma may stand between).
_TIME_AFTER = {
    "en": (
        r"mornings?|afternoons?|evenings?|nights?|noon|midnight|lunch\w*|eod|"
        r"(?:at|around|before|after|by)\s+(?:\d|noon|midnight)|the\s+\d|\d"
    ),
    "de": r"früh|frueh|morgen|vormittag|mittag|nachmittag|abend|nacht|um\s+\d|den\s+\d|\d",
}
_JOINED = {"en": r"to|through|thru|till|until|and|or|&|-|–|—|/", "de": r"bis|und|oder|-|–|/"}


def _names(code: str) -> str:
    return "|".join(sorted(DAYS[code] | MONTHS[code], key=len, reverse=True))


def _compile(code: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    between = rf"(?:(?:{_BETWEEN[code]})\s+){{0,2}}"
    day = rf"(?<![\w-])(?:{_TIME_BEFORE[code]})\s+{between}$"
    number = r"\d{1,2}(?:st|nd|rd|th|\.)?\s+(?:of\s+)?"  # "3 March", "the 3rd of March"
    month = rf"(?:(?<![\w-])(?:{_MONTH_BEFORE[code]})\s*|{number}){between}$"
    after = (
        rf"^,?\s*(?:(?:{_TIME_AFTER[code]})(?!\w)|(?:,\s*|\s+)?(?:{_JOINED[code]})?\s*"
        rf"(?:{_names(code)})(?!\w))"
    )
    return (
        re.compile(day, re.IGNORECASE),
        re.compile(month, re.IGNORECASE),
        re.compile(after, re.IGNORECASE),
    )


_PATTERNS = {code: _compile(code) for code in _DAYS}


def day_or_month(key: str, languages: Iterable[str]) -> bool:
    """Whether the folded name ``key`` is a day or a month of one of ``languages`` that
    capitalises them (English, German)."""
    return any(key in DAYS.get(code, ()) or key in MONTHS.get(code, ()) for code in languages)


def dated(text: str, start: int, end: int, languages: Iterable[str]) -> bool:
    """Whether the day or month name at ``text[start:end]`` dates something, in one of
    ``languages`` whose days it is (see the module docstring).

    >>> dated("The sync fails every Monday.", 21, 27, ["en"])
    True
    >>> dated("Half the team prefers Monday.", 22, 28, ["en"])
    False
    """
    key = fold(text[start:end])
    before, after = text[max(0, start - 40) : start], text[end : end + 40]
    for code in languages:
        if code not in _PATTERNS or not day_or_month(key, [code]):
            continue
        day, month, following = _PATTERNS[code]
        if day.search(before) or following.match(after):
            return True
        if key in MONTHS[code] and month.search(before):
            return True
    return False
