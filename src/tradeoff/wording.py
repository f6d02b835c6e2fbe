"""How a count is said in English, in one place.

Every layer prints counts (an import summary, a data note, a brief, a report page), so the
rule lives here, below them all: one helper, so "1 deals" cannot come back in one command
while the next says it right.
"""

from __future__ import annotations

import re

#: Endings that take "es": status → statuses, batch → batches.
SIBILANT = re.compile(r"(s|x|z|ch|sh)$")
#: A consonant before a final "y": opportunity → opportunities (but key → keys).
CONSONANT_Y = re.compile(r"[^aeiou]y$")


def plural(count: int, singular: str, many: str | None = None) -> str:
    """The count with its noun agreeing; ``many`` for a plural no rule makes.

    Example: ``plural(1, "lost deal") == "1 lost deal"``,
    ``plural(1200, "evidence item") == "1,200 evidence items"``,
    ``plural(2, "opportunity") == "2 opportunities"``
    """
    return f"{count:,} {singular if count == 1 else many or plural_of(singular)}"


def plural_of(noun: str) -> str:
    """The regular plural of ``noun`` (its last word, for "lost deal" or "account id").

    Example: ``plural_of("theme") == "themes"``, ``plural_of("batch") == "batches"``
    """
    if CONSONANT_Y.search(noun):
        return noun[:-1] + "ies"
    if SIBILANT.search(noun):
        return noun + "es"
    return noun + "s"


def its(count: int) -> str:
    """The possessive agreeing with a count: "1 deal … its stage", "3 deals … their stage"."""
    return "its" if count == 1 else "their"
