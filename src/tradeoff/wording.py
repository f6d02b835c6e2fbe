"""How a count is said in English, and a name put in a command, in one place.

Every layer prints counts (an import summary, a data note, a brief, a report page), so the
rule lives here, below them all: one helper, so "1 deals" cannot come back in one command
while the next says it right. Likewise every layer prints commands to paste that carry a
person's or a customer's words (``shell_word``): one quoting rule for the terminal and the
web.
"""

from __future__ import annotations

import re
import shlex

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


def shell_word(value: str) -> str:
    """``value`` as one shell word, quoted as ``shlex.quote`` quotes it, so a pasted command
    does what it says whatever the name holds (a quote, a space, ``$``, a backquote).

    A word starting with ``-`` is still one an argument parser reads as an option: where
    it is a positional argument, the command puts ``--`` before it (and its options before
    that); an option's value (``--name``) is taken as it is.

    Example: ``shell_word("Card hasn't arrived") == "'Card hasn'\"'\"'t arrived'"``,
    ``shell_word("PagerDuty") == "PagerDuty"``
    """
    return shlex.quote(value)


def named_command(command: str, name: str, options: str = "") -> str:
    """``command NAME options`` for a reader to paste, the name quoted by ``shell_word``;
    a name starting with ``-`` goes after ``--`` and the options before it, so the parser
    reads it as the name, not an option.

    Example: ``named_command("tradeoff competitor-partner", "-Dash", "--off") ==
    "tradeoff competitor-partner --off -- -Dash"``
    """
    word = shell_word(name)
    if name.startswith("-"):
        return " ".join(part for part in (command, options, "--", word) if part)
    return " ".join(part for part in (command, word, options) if part)
