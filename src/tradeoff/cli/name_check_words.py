"""The words of a name to check, as the terminal says them: the rebuild summary, and (for
``tradeoff themes`` and ``tradeoff theme ID``) ``cli.theme_view``."""

from __future__ import annotations

from tradeoff.storage.theme_name_checks import NameCheck
from tradeoff.wording import plural


def since_named_words(check: NameCheck) -> str:
    """``31 of the 90 items it held when you named it are still in it; 40 came in since``:
    the figures against what it held when a person last renamed or pinned it, over every
    rebuild since, not only the last (``storage.theme_name_baselines``)."""
    still = "is" if check.items_kept == 1 else "are"
    return (
        f"{check.items_kept:,} of the {plural(check.items_named, 'item')} it held when you "
        f"named it {still} still in it; {check.items_new:,} came in since"
    )
