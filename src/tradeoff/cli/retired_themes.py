"""What the rebuild summary says of a theme with a person's name that it retired: where its
items went, and the commands that make it again (``storage.theme_name_checks.RetiredName``).

There is no command that brings a retired theme back as it was, so the commands are the
edits a person would make by hand: ``tradeoff split`` carves the theme's items out of the
theme holding most of them into a theme of one's own with the name, and ``tradeoff move``
files the rest under it (or, when the theme holding most of them holds nothing else,
``tradeoff rename`` names that one). Each is one line, quoted for the shell, so it can be
copied and run.

The commands name the ids as they are filed (``RetiredName.went``): a copy is filed under
its own id, maybe in another theme than its original, and ``tradeoff split`` takes only
ids of the theme it splits. The counts said fold a copy into its original, as ``tradeoff
themes`` counts.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable

from tradeoff.storage.theme_name_checks import RetiredName
from tradeoff.wording import plural

#: A name a shell reads as written between double quotes.
PLAIN_IN_QUOTES = re.compile(r'[^"$`\\!]*')


def retired_words(theme: RetiredName) -> tuple[str, list[str]]:
    """What happened to the theme, and the commands that make it again, in order.

    Example: ``theme 3 "Stock counts": its 93 items went to themes 5 (21), 9 (17) and 5
    are unsorted. Bring it back (ID: the theme the split makes):``, then
    ``tradeoff split 5 --items 12,… --name "Stock counts"`` and
    ``tradeoff move 40 41 … --to ID``.
    """
    kind = "sub-theme" if theme.subtheme else "theme"
    head = f'{kind} {theme.theme_id} "{theme.name}"'
    if not theme.items:
        return f"{head}: none of its items is in the workspace any more.", []
    nowhere = "in no sub-theme" if theme.subtheme else "unsorted"
    if not theme.went:
        verb = "is" if theme.items == 1 else "are all"
        return (
            f"{head}: its {plural(theme.items, 'item')} {verb} {nowhere} now. File them "
            f"under a {kind} you choose (ID):",
            [f"tradeoff move {_spaced(theme.nowhere)} --to ID"],
        )
    went = ", ".join(f"{theme_id} ({theme.count(ids):,})" for theme_id, ids in theme.went)
    where = f"{kind}s {went}" if len(theme.went) > 1 else f"{kind} {went}"
    if count := theme.unsorted:
        where += f" and {count:,} {'is' if count == 1 else 'are'} {nowhere}"
    said = f"{head}: its {plural(theme.items, 'item')} went to {where}."
    largest, there = theme.went[0]
    others = sorted({e for _, ids in theme.went[1:] for e in ids} - set(there) | set(theme.nowhere))
    name = shell_word(theme.name)
    if theme.largest_is_only_these:  # a split would leave it empty: it is the theme
        # "--" ends the options, so a name such as "-Foo" is read as the name, not an option.
        ends = "-- " if theme.name.startswith("-") else ""
        commands = [f"tradeoff rename {largest} {ends}{name}"]
        if others:
            commands.append(f"tradeoff move {_spaced(others)} --to {largest}")
        return f"{said} Bring it back:", commands
    commands = [f"tradeoff split {largest} --items {','.join(map(str, there))} --name {name}"]
    if not others:
        return f"{said} Bring it back:", commands
    commands.append(f"tradeoff move {_spaced(others)} --to ID")
    return f"{said} Bring it back (ID: the {kind} the split makes):", commands


def shell_word(name: str) -> str:
    """A theme's name as one shell word: in double quotes, as the other hints write it,
    unless the shell would read something in it (``"``, ``$``, a backquote, ``\\``, ``!``);
    then as ``shlex.quote`` quotes it, so a pasted command does what it says. A name
    starting with ``-`` is still one an argument parser reads as an option: a positional
    one needs ``--`` before it (``retired_words`` writes it); an option's value (``--name``)
    is taken as it is.

    >>> print(shell_word("Card hasn't arrived"), shell_word("Fees $$$"))
    "Card hasn't arrived" 'Fees $$$'
    """
    if PLAIN_IN_QUOTES.fullmatch(name):
        return f'"{name}"'
    return shlex.quote(name)


def _spaced(evidence_ids: Iterable[int]) -> str:
    return " ".join(map(str, evidence_ids))
