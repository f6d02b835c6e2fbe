"""What the rebuild summary says of a theme with a person's name that it retired: where its
items went, and the command that brings it back (``storage.theme_name_checks.RetiredName``).

``tradeoff restore ID`` reopens the theme under its own id and name with the items it held
(``storage.theme_restore``), so problems, decisions and links to the id lead to it again:
one command for every case (items in other themes, unsorted, copies filed apart from their
originals, a sub-theme). The counts said fold a copy into its original, as ``tradeoff
themes`` counts.
"""

from __future__ import annotations

from tradeoff.storage.theme_name_checks import RetiredName
from tradeoff.wording import plural


def retired_words(theme: RetiredName) -> tuple[str, list[str]]:
    """What happened to the theme, and the command that brings it back (none when nothing
    of it is left).

    Example: ``theme 3 "Stock counts": its 93 items went to themes 5 (21), 9 (17) and 5
    are unsorted. Bring it back, same id, with them:``, then ``tradeoff restore 3``.
    """
    kind = "sub-theme" if theme.subtheme else "theme"
    head = f'{kind} {theme.theme_id} "{theme.name}"'
    if not theme.items:
        return f"{head}: none of its items is in the workspace any more.", []
    nowhere = "in no sub-theme" if theme.subtheme else "unsorted"
    commands = [f"tradeoff restore {theme.theme_id}"]
    if not theme.went:
        verb = "is" if theme.items == 1 else "are all"
        return (
            f"{head}: its {plural(theme.items, 'item')} {verb} {nowhere} now. Bring it back, "
            f"same id, with {'it' if theme.items == 1 else 'them'}:",
            commands,
        )
    went = ", ".join(f"{theme_id} ({theme.count(ids):,})" for theme_id, ids in theme.went)
    where = f"{kind}s {went}" if len(theme.went) > 1 else f"{kind} {went}"
    if count := theme.unsorted:
        where += f" and {count:,} {'is' if count == 1 else 'are'} {nowhere}"
    return (
        f"{head}: its {plural(theme.items, 'item')} went to {where}. Bring it back, same id, "
        f"with {'it' if theme.items == 1 else 'them'}:",
        commands,
    )
