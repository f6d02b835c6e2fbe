"""Which turns of a call or interview transcript are the customer's, and which are ours.

A transcript (``analysis.text.transcript``) holds both sides of a conversation: read
whole, 31 of a QA corpus's 46 calls made one theme named from the rep's name and the rep's
own questions ("clara nunes payroo · run payroll today"), whatever the customer said. The
evidence is what the customer said, so a note's text keeps the customer's turns, without
labels and timestamps, and the lines outside any turn; the whole transcript stays in the
item's raw record (``transcript``), with the speakers left out (``our_speakers``).

A turn is ours, by the first rule that decides:

1. Its label is a role: "Interviewer", "Moderator", "Rep", "Q" are ours; "Customer",
   "Interviewee", "Participant", "A" are not (``transcript.ROLES``, in seven languages).
2. It is the customer's when it names the note's ``person`` (or its ``email``), or a
   speaker of the same company in parentheses, or a company that is the note's
   ``account`` ("(Koala)" for "Koala Retail Ltd").
3. It is ours when it names the note's ``interviewer`` or ``relayed_by`` ("Aisha" or
   "Aisha R." name Aisha Rahman, as does aisha.rahman@...), a name given with
   ``--ours``, or a speaker labelled with the company of one of those, or a company
   given with ``--ours``.
4. Without ``--ours``: it is ours when its company labels a speaker in every transcript
   of the import, while the other companies differ (two transcripts or more, and at
   least two customers): a vendor's calls all have the vendor on them.

Any other turn is kept. A transcript in which no turn is the customer's (an internal
call) keeps every turn's words, labels and timestamps aside.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tradeoff.analysis.text.transcript import Transcript, Turn, read_transcript, same_person
from tradeoff.domain.names import company_name_key

#: What separates the names given with ``--ours``.
NAME_SEPARATORS = (",", ";")


@dataclass(frozen=True)
class CallPeople:
    """Who the note's front matter says took part: the customer, their account, and our
    people (its interviewer and whoever relayed it)."""

    customers: tuple[str, ...] = ()
    account: str | None = None
    ours: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return self.customers + self.ours


@dataclass(frozen=True)
class OurSide:
    """What tells our people in an import's transcripts: the names given with ``--ours``
    (our company, our people), else the company on every call of the import."""

    names: tuple[str, ...] = ()
    batch_company: str | None = None

    @classmethod
    def given(cls, option: str | None) -> OurSide:
        """The ``--ours`` option: names separated by commas or semicolons; a piece that is
        only a legal form ("Ledgerly, Inc.") belongs to the name before it."""
        names: list[str] = []
        for piece in (option or "").replace(";", ",").split(","):
            piece = piece.strip()
            if not piece:
                continue
            if names and _legal_form(piece):
                names[-1] = f"{names[-1]}, {piece}"
            else:
                names.append(piece)
        return cls(names=tuple(names))

    def with_batch(self, calls: Iterable[tuple[Transcript, CallPeople]]) -> OurSide:
        """This side, with the company on every call when no name was given (rule 4)."""
        if self.names:
            return self
        return OurSide(batch_company=batch_company(list(calls)))


@dataclass(frozen=True)
class CustomerWords:
    """A transcript's customer turns as text, and the speakers left out."""

    text: str
    our_speakers: tuple[str, ...]


def customer_words(body: str, people: CallPeople, side: OurSide) -> CustomerWords | None:
    """What the customer said in ``body``, by the rules of the module docstring; None when
    the body is no transcript."""
    transcript = read_transcript(body, people.names)
    if transcript is None:
        return None
    ours = our_turns(transcript, people, side)
    theirs = [t for t in transcript.turns if t not in ours]
    kept = theirs if any(t.said for t in theirs) else list(transcript.turns)
    speakers = sorted({_label(t) for t in ours if t not in kept})
    return CustomerWords(transcript.text(keep=kept), tuple(speakers))


def our_turns(transcript: Transcript, people: CallPeople, side: OurSide) -> set[Turn]:
    turns = transcript.turns
    customer_companies = {
        _company(t) for t in turns if t.company and _names(t, people.customers)
    } | ({company_name_key(people.account)} if people.account else set())
    named_ours = list(people.ours) + list(side.names)
    our_companies = {_company(t) for t in turns if t.company and _names(t, named_ours)}
    our_companies |= {company_name_key(n) for n in side.names}
    if side.batch_company:
        our_companies.add(side.batch_company)
    ours: set[Turn] = set()
    for turn in turns:
        if turn.role is not None:
            if turn.role == "ours":
                ours.add(turn)
            continue
        company = _company(turn) if turn.company else None
        if _names(turn, people.customers) or (
            company and any(_of_account(company, c) for c in customer_companies)
        ):
            continue
        if _names(turn, named_ours) or (company and company in our_companies):
            ours.add(turn)
    return ours


def batch_company(calls: list[tuple[Transcript, CallPeople]]) -> str | None:
    """The one company labelling a speaker in every transcript that labels companies (two
    or more), that is no note's account, beside at least two other companies."""
    labelled = [
        ({_company(t) for t in transcript.turns if t.company}, people)
        for transcript, people in calls
    ]
    labelled = [(companies, people) for companies, people in labelled if companies]
    if len(labelled) < 2:
        return None
    common = set.intersection(*(companies for companies, _ in labelled))
    accounts = {company_name_key(p.account) for _, p in labelled if p.account}
    common = {c for c in common if not any(_of_account(c, a) for a in accounts)}
    others = set().union(*(companies for companies, _ in labelled)) - common
    if len(common) != 1 or len(others) < 2:
        return None
    return common.pop()


def _names(turn: Turn, names: Iterable[str]) -> bool:
    return any(same_person(turn.speaker, name) for name in names if name)


def _company(turn: Turn) -> str:
    return company_name_key(turn.company or "")


def _of_account(label: str, account: str) -> bool:
    """A company label names the account: the same name, or its first words ("Koala" for
    "Koala Retail")."""
    said, full = label.split(), account.split()
    return bool(said) and full[: len(said)] == said


def _legal_form(piece: str) -> bool:
    return company_name_key(f"x {piece}") == "x"


def _label(turn: Turn) -> str:
    return f"{turn.speaker} ({turn.company})" if turn.company else turn.speaker
