"""A clause that opens by saying a thing is absent, and whether that thing is a feature: the
gap saying of ``loss_sayings`` ("No CFDI 4.0 payroll stamping", "Sin timbrado de nómina CFDI
4.0", "Pas de DSN mensuelle").

A verbless "No X" says X is missing, as "no budget" does, but most of what a deal can lack is
no feature: "No bandwidth to implement", "No appetite for change", "No authority to sign",
"No formal evaluation", "No pilot", Spanish "No hablan inglés" (a verb), French "Sans suite"
(no follow-up). A list of such words can never be complete, so the thing must show that it
is a feature (``names_a_feature``): a feature word of the taxonomy in any language read
("No union dues calculation", "Sin cálculo de aguinaldo"), the shape of a capability's name
("No e-invoicing", "No geofencing", "No dark mode", "Sin facturación electrónica":
``loss_capability``), or a product's name written as one, an acronym or a word capitalised
mid-sentence or inside ("No CFDI 4.0 payroll stamping", "Pas de DSN", "No garnishment
handling for Quebec", "Sem integração com eSocial"). A person, a role, a reply or a problem
(``NOT_A_FEATURE``) in the thing still says it is none ("No IT support", "No one called
back", "No CFO sign-off").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tradeoff.analysis.business import loss_cues_abroad as abroad
from tradeoff.analysis.business.loss_capability import (
    compound_tail,
    e_compounds,
    made_electronic,
    shows_capability,
)
from tradeoff.analysis.business.loss_cues import FEATURE_NOUNS
from tradeoff.analysis.business.loss_language import typed
from tradeoff.analysis.business.loss_language import words as listed

#: What a saying's "*" never stands for, and what says the thing after an absent opener is
#: no feature: people, roles and departments ("No exec support", "No IT support" is the
#: buyer's backing, not our product), documents and steps of a deal ("No NDA", "No PO"),
#: and what a deal lacked that is no feature ("We had no reply after March", "We have no
#: case study in their industry", "no 24/7 phone support" is the service desk), nor "to",
#: which makes a verb of the next word ("Chose to stay because they have a contract" names
#: no rival).
NOT_A_FEATURE = frozenset(
    """to exec execs executive executives vp vps ceo cfo cto coo cio ciso board owner owners it
    hr rh rrhh management leadership internal partner partners local 24 phone reply replies
    response responses answer answers case presence reference references budget decision
    champion sponsor contact contacts time urgency money funds funding headcount staff team
    people speakers resources approval ok okay buy signoff sign customer customers user users
    interest need show go one longer more further other idea reason feedback info information
    details deal clear real good pain fit movement progress traction po nda msa sla slas sow
    rfp rfi rfq contract signature meeting demo call follow next compelling way chance history
    complaint complaints issue issues problem problems concern concerns objection objections
    question questions thanks lag bugs errors worries its how what which who why when where
    this that these those there here such all some much many few authority commitment
    appetite""".split()  # noqa: SIM905
)
#: Words that open a clause saying a thing is absent: "No CFDI 4.0 payroll stamping",
#: "Without Spanish payslips" (and ``loss_cues_abroad.ABSENT_OPENERS``: "Sin timbrado de
#: nómina", "Sem integração").
ABSENT_OPENERS = ("no", "without", *abroad.ABSENT_OPENERS)
#: Words between an opener and the thing, and inside the thing: articles, possessives,
#: "of"/"de"/"an" ("Sin timbrado de nómina CFDI").
ABSENT_FILLER = frozenset(
    """a an the any their our of de del d da do das dos du des el la los las le les un una
    uno um uma une o os su sus seu sua seus suas nosso nossa leur leurs notre nos ihr ihre
    ihren unser unsere""".split()  # noqa: SIM905
)
#: Words after which a product's name still says what the thing is for ("No garnishment
#: handling for Quebec", "Sem integração com eSocial"); a feature word after them is what the
#: thing was wanted for, not the thing ("No appetite for automation").
FOR_WORDS = frozenset(abroad.spelled(listed("for with para con com pour avec für mit")))
#: Words that end the thing: what follows them is another matter ("No bandwidth to implement
#: SSO", "No office in Mexico", "No capacity this quarter").
#: Written as sellers spell them, accents and all; Portuguese "e" and Spanish "u" ("and",
#: "or") are left out, as letters of a thing ("No e-invoicing", "No U.S. payroll").
THING_ENDS = frozenset(
    abroad.spelled(
        listed(
            """to in into on at by from since until after before during about and or but because
        as than per via y pero porque que en al por desde hasta tras ao em na nas até ou mas
        et mais car dans par depuis aux und oder aber weil dass zu zum zur im am auf bei
        beim seit bis nach"""
        )
    )
)
#: How many words the thing may have, and how many a name may stand after a ``FOR_WORDS``.
THING_WORDS = 5
NAME_REACH = 3

_NOT_A_FEATURE = NOT_A_FEATURE | abroad.NOT_A_FEATURE
_NOT_A_FEATURE_PREFIXES = tuple(w[:-1] for w in _NOT_A_FEATURE if w.endswith("*"))
_FEATURE_NOUNS = FEATURE_NOUNS + abroad.FEATURE_NOUNS
#: Openers of a language that joins nouns into one word, and of one that capitalises every
#: noun.
_JOINING = frozenset(tuple(opener.split()) for opener in abroad.JOINING_OPENERS)
_CAPITALISING = frozenset(tuple(opener.split()) for opener in abroad.CAPITALISING_OPENERS)
_OPENERS = tuple(tuple(opener.split()) for opener in ABSENT_OPENERS)
#: English openers, after which a noun of doing ("invoicing") shows a capability.
_ENGLISH = frozenset({("no",), ("without",)})


def a_feature(word: str) -> bool:
    """Whether ``word`` (folded) may name a feature: no ``NOT_A_FEATURE`` in any language."""
    return word not in _NOT_A_FEATURE and not word.startswith(_NOT_A_FEATURE_PREFIXES)


def _matches(pattern: str, word: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


def _a_feature_word(word: str, joined: bool) -> bool:
    """Whether ``word`` is a feature word of any language read, or, after an opener of a
    language that joins nouns, ends in one ("Lohnabrechnung", "Reisekostenabrechnung")."""
    if any(_matches(p, word) for p in _FEATURE_NOUNS):
        return True
    return joined and any(
        _matches(p, word[cut:]) for p in abroad.JOINED_FEATURE_NOUNS for cut in range(3, len(word))
    )


def _a_name(word: str, capitals_say: bool) -> bool:
    """Whether ``word``, as typed, is written as a product's name: an acronym ("CFDI", "B2B"),
    a capital inside ("eSocial", "QuickBooks"), or, where ``capitals_say``, a capital first
    ("Xero", "Quebec")."""
    letters = [c for c in word if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    lower = len(letters) - upper
    if upper >= 2 and not lower:
        return True
    if lower and any(c.isupper() for c in word[1:]):
        return True
    return capitals_say and word[:1].isupper() and len(letters) > 1


@dataclass(frozen=True)
class _Thing:
    """The words an opener names as absent: ``own`` the thing itself, ``named`` what a
    ``FOR_WORDS`` word says it is for."""

    own: range
    named: range


def _thing(words: Sequence[str], at: int, stop: int) -> _Thing:
    end = at
    while end < stop and end - at < THING_WORDS and words[end] not in THING_ENDS | FOR_WORDS:
        end += 1
    if end < stop and words[end] in FOR_WORDS:
        tail = end + 1
        while tail < min(stop, end + 1 + NAME_REACH) and words[tail] not in THING_ENDS:
            tail += 1
        return _Thing(range(at, end), range(end + 1, tail))
    return _Thing(range(at, end), range(end, end))


@dataclass(frozen=True)
class _Opened:
    """How the opener of a thing says to read it: whether its language joins nouns (a
    feature word may end a word) or capitalises them (a capital first names nothing), whether
    it is English (a noun of doing is a capability), and the reason's "e-" compounds."""

    joined: bool = False
    capitalised: bool = False
    english: bool = False
    compounds: frozenset[str] = frozenset()


def names_a_feature(
    words: Sequence[str], typed_words: Sequence[str] | None, thing: _Thing, opened: _Opened
) -> bool:
    """Whether the thing an opener names is a feature: none of its own words is a
    ``NOT_A_FEATURE``, and one is a feature word, or it has the shape of a capability's
    name (``loss_capability``), or one of it or of what it is for is written as a product's
    name. Capitals say nothing in a clause typed in title case ("No Power User") or opened
    in a language that capitalises every noun (German "Keine Kapazität"); acronyms still
    do ("Ohne DATEV")."""
    if not thing.own or not all(
        a_feature(words[at]) or made_electronic(words, at, opened.compounds) for at in thing.own
    ):
        return False
    if any(_a_feature_word(words[at], opened.joined) for at in thing.own):
        return True
    if shows_capability(words, thing.own, opened.compounds, opened.english):
        return True
    if typed_words is None:
        return False
    spanned = [*thing.own, *thing.named]
    long_words = [typed_words[at] for at in spanned if len(typed_words[at]) > 3]
    title_case = all(w[:1].isupper() for w in long_words if w.isalpha())
    capitals_say = not opened.capitalised and not title_case
    return any(_a_name(typed_words[at], capitals_say) for at in spanned)


def absent_things(
    reason: str, words: Sequence[str], starts: frozenset[int]
) -> list[tuple[int, int]]:
    """Where the clauses of ``reason`` (folded to ``words``, clauses starting at ``starts``)
    open by saying a feature is absent: from the opener to the thing's first word, "no
    cfdi", "sin timbrado". A clause of its opener alone names nothing."""
    as_typed = typed(reason)
    # A case fold that split a word ("İ") leaves no word to align: capitals say nothing.
    capitals = as_typed if len(as_typed) == len(words) else None
    compounds = e_compounds(reason)
    found = []
    ordered = sorted(starts)
    for i, start in enumerate(ordered):
        stop = ordered[i + 1] if i + 1 < len(ordered) else len(words)
        for opener in _OPENERS:
            end = start + len(opener)
            if tuple(words[start:end]) != opener:
                continue
            while end < stop and words[end] in ABSENT_FILLER:
                end += 1
            if end >= stop:
                continue
            thing = _thing(words, end, stop)
            opened = _Opened(
                opener in _JOINING, opener in _CAPITALISING, opener in _ENGLISH, compounds
            )
            if names_a_feature(words, capitals, thing, opened):
                tail = end + 1 < stop and compound_tail(words, end + 1, compounds)
                found.append((start, end + 2 if tail else end + 1))
    return found
