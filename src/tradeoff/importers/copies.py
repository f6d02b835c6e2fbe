"""What makes an imported item a copy of another: the same words said, from the same speaker.

The words compared are the words the theme engine reads as said (``theme_text.as_said``),
not the stored text: a help desk's HTML body (``<div>…</div>``, every Freshdesk CSV export),
an email's greeting and sign-off, and its quoted thread are not words a person said twice.
Compared raw, a ticket re-sent as a survey answer was never found: the ticket's tags,
"Hi team," and "Thanks, Maria" made the two texts differ. The subject is not compared: a
survey answer or a chat has none, and a CRM note's title describes the note.

Each item's key (``copy_fingerprint``) is stored in its ``fingerprint`` column by the loader,
so the earlier items it may copy are found through that column's index.

    >>> copy_fingerprint("ticket", "Hi team,<br><br>Exports time out.<br>Thanks,<br>Maria") == (
    ...     copy_fingerprint("survey", "exports  TIME OUT!")
    ... )
    True
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from tradeoff.analysis.text.theme_text import as_said
from tradeoff.domain.enums import INTERNAL_PROXY_ROLES, EvidenceKind
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.storage.tables import PersonRow
from tradeoff.storage.tables.evidence import fingerprint_of

#: Shorter texts ("card not working") recur honestly; only longer ones are copies.
DUPLICATE_MIN_CHARS = 20
#: Well under SQLite's 32,766 bound parameters.
PEOPLE_PER_QUERY = 5000


def said_words(kind: EvidenceKind | str, text: str) -> str:
    """The words a copy is told by: the text as the theme engine reads what was said."""
    return as_said(kind, text).strip()


def copy_fingerprint(kind: EvidenceKind | str, text: str) -> str:
    """The key two items with the same words said share (case, spacing and punctuation
    aside): ``fingerprint_of`` the ``said_words``."""
    return fingerprint_of(said_words(kind, text))


def may_be_a_copy(item: EvidenceItem, said: str) -> bool:
    """Whether ``item``, whose ``said_words`` are ``said``, is one a copy can be: one with
    an account or a person, and 20 characters or more said, and no deal note
    (``never_copied``). A consumer product's users write from free-mail addresses and have
    no account: their ticket re-sent word for word as in-app feedback is still one voice
    said twice (``loader`` then asks for the same person on both)."""
    has_speaker = item.account_id is not None or item.person_id is not None
    return has_speaker and len(said) >= DUPLICATE_MIN_CHARS and not never_copied(item.kind)


def never_copied(kind: EvidenceKind | str) -> bool:
    """Whether items of ``kind`` are never a copy nor the original of one: a CRM's deal
    notes. A deal note is one deal's field, counted with that deal's money and read with its
    loss class; two deals of one account with the same canned "Went with Cin7" are two lost
    deals, not one voice said twice. Nor is it a copy of a customer's ticket (or a ticket of
    it): the ticket is the customer's voice, which themes are found in, and a note that
    followed it into a theme would skip the rule that keeps a lost-on-price deal's notes out
    of themes (``analysis.seller_notes``)."""
    return kind == EvidenceKind.DEAL_NOTE


class Speakers:
    """Who speaks in an item for telling copies from voices: its person, unless someone
    relayed it or the person is one of our own (an internal proxy role): then nobody."""

    def __init__(self, session: Session, person_ids: set[int | None]) -> None:
        known = sorted(i for i in person_ids if i is not None)
        self._ours: set[int] = set()
        # In chunks: an auto-reply's words may come from tens of thousands of people.
        for start in range(0, len(known), PEOPLE_PER_QUERY):
            chunk = known[start : start + PEOPLE_PER_QUERY]
            internal = PersonRow.role.in_(INTERNAL_PROXY_ROLES)
            self._ours.update(
                session.scalars(select(PersonRow.id).where(PersonRow.id.in_(chunk), internal))
            )

    def __call__(self, person_id: int | None, relayed_by_id: int | None) -> int | None:
        if person_id is None or relayed_by_id is not None or person_id in self._ours:
            return None
        return person_id
