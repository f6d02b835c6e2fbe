"""Which competitor a name means: exactly, for the edits a person makes; as meant, for reading.

A merge or a split changes who is who for every later import, so it acts only on a name or
alias as stored (ignoring case and accents). Reading a profile is safe to be generous
about: "Pipe drive", "Zoho Inc" and "microsoft dynamics" each mean one known competitor by
the same rule an import files aliases by (``domain.competitor_names``), so they show it
rather than ask; a name several competitors could be is answered with all of them.
"""

from __future__ import annotations

from sqlalchemy import Engine

from tradeoff.domain.competitor_names import SAME_AT, close_names, key_similarity, name_key
from tradeoff.domain.deals import Competitor
from tradeoff.domain.names import fold
from tradeoff.errors import NotFound
from tradeoff.storage import competitors as store
from tradeoff.storage.session import read_session


def find_competitor(engine: Engine, name: str) -> Competitor:
    """The competitor ``name`` means, read as ``look_up_competitor_in`` reads it."""
    with read_session(engine) as session:
        return look_up_competitor_in(store.competitors(session), name)


def find_competitor_in(known: list[Competitor], name: str) -> Competitor:
    """The competitor called exactly ``name`` or with it as an alias (ignoring case and
    accents): what a merge or a split acts on, so an edit never lands on a guess.
    NotFound lists close names."""
    found = _called(known, name)
    if found is None:
        raise _unknown(known, name)
    return found


def look_up_competitor_in(known: list[Competitor], name: str) -> Competitor:
    """The competitor a person typing ``name`` to read about them means: the one called
    that, else the only one ``name`` can mean — one of its names written with other spacing
    or punctuation ("Pipe drive"), or a name an import would file under it without asking
    (``SAME_AT``: "Zoho Inc", "Pipedrvie", "microsoft dynamics" for an alias "Microsoft
    Dynamics CRM"). A name several competitors could be is NotFound naming them all.

    Example: ``look_up_competitor_in(known, "pipedrvie").name == "Pipedrive"``
    """
    found = _called(known, name)
    if found is not None:
        return found
    meant = _meant(known, name)
    if len(meant) == 1:
        return meant[0]
    if meant:
        could_be = ", ".join(repr(c.name) for c in meant)
        raise NotFound(f"no competitor called {name!r}; did you mean {could_be}?")
    raise _unknown(known, name)


def _called(known: list[Competitor], name: str) -> Competitor | None:
    wanted = fold(name)
    for competitor in known:
        if competitor.matches(name) or any(
            fold(n) == wanted for n in (competitor.name, *competitor.aliases)
        ):
            return competitor
    return None


def _meant(known: list[Competitor], name: str) -> list[Competitor]:
    """Every competitor ``name`` reads as, by spacing and punctuation or at ``SAME_AT``."""
    squashed, key = _squashed(name), name_key(name)
    if not squashed:
        return []
    return [
        c
        for c in known
        if any(
            _squashed(n) == squashed or key_similarity(key, name_key(n)) >= SAME_AT
            for n in (c.name, *c.aliases)
        )
    ]


def _squashed(name: str) -> str:
    """``name`` folded with every space and punctuation mark gone: "Pipe-Drive" → "pipedrive"."""
    return "".join(fold(name).split())


def _unknown(known: list[Competitor], name: str) -> NotFound:
    names = [c.name for c in known]
    close = close_names(name, names) or close_names(name, [a for c in known for a in c.aliases])
    hint = f"; did you mean {', '.join(repr(n) for n in close)}?" if close else ""
    if not known:
        hint = "; there are no competitors yet (import deals, or run tradeoff scan-competitors)"
    return NotFound(f"no competitor called {name!r}{hint}")
