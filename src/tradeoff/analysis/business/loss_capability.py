"""Words that show the thing an absent opener names is a capability, though no list holds it:
"No e-invoicing", "No geofencing", "No dark mode", "Sin facturación electrónica"
(``loss_absent`` reads them beside the feature words and product names).

Software names a capability in shapes, not only in words a list can hold:

- an "e-" compound ("e-invoicing", "e-signature", "E-Rechnung", "e-facturatie");
- a word saying it is electronic ("facturación electrónica", "firma elettronica",
  "elektronische Rechnung");
- in English, a noun of doing ending in "-ing" ("invoicing", "geofencing", "ticketing",
  "billing"), but for the ``NOT_CAPABILITIES`` that end so ("No funding", "No buying
  committee", "No existing contract", "No engineering bandwidth"); other languages read
  make nouns of doing their own way, and Dutch ones ending so are any noun ("beslissing",
  a decision);
- a head noun of a capability after what it is of (``HEADS``: "dark mode", "guest access",
  "calendar view"), but not when the thing is what someone has access to ("No direct
  access to the CFO");
- a thing said not to be available (``AVAILABLE`` after it: "Keine Videosprechstunde
  verfügbar", "No Outlook sync available", "Pas de téléconsultation disponible"): what a
  product makes available is a capability; a person or time ("No one available", "Kein
  Personal verfügbar") is still none by ``loss_absent.NOT_A_FEATURE``.

The thing must still name no person, reply or need (``loss_absent.NOT_A_FEATURE``): "No
bandwidth", "No appetite for change", "No pilot" and "No budget" name none of these shapes
and stay what they were.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tradeoff.analysis.business.loss_language import plain

#: An "e-" compound as typed: "e-invoicing", "E-Rechnung" (any hyphen).
E_COMPOUND = re.compile(r"(?<![\w-])e[-\u2010\u2011]([^\W_]+)", re.IGNORECASE)
#: "Electronic" in the languages read, folded: a prefix each.
ELECTRONIC = ("electronic", "eletronic", "electroniq", "elettronic", "elektronisch")
ING_LENGTH = 6
#: Words ending in "-ing" that name no capability of a product.
NOT_CAPABILITIES = frozenset(
    """nothing something anything everything morning evening meeting funding spending hiring
    buying selling understanding feeling willing warning timing pricing during according
    pending existing remaining outstanding interesting ongoing upcoming building marketing
    engineering purchasing consulting staffing thinking wording offering bring string
    spring swing wedding ceiling licensing""".split()  # noqa: SIM905
)
#: Head nouns of a capability, after what it is of.
HEADS = frozenset(
    "mode modes view views access editor builder login logins".split()  # noqa: SIM905
)

#: "Available" in the languages read, folded: the thing before it is offered by a product.
AVAILABLE = frozenset(
    """available verfügbar verfugbar verfuegbar vorhanden erhältlich erhaltlich erhaeltlich
    disponible disponibles disponivel disponível disponibile disponibili beschikbaar""".split()  # noqa: SIM905
)


def e_compounds(reason: str) -> frozenset[str]:
    """The folded words that follow an "e-" in ``reason``: {"invoicing"} for "No e-invoicing"."""
    return frozenset(plain(word.casefold()) for word in E_COMPOUND.findall(reason))


def compound_tail(words: Sequence[str], at: int, compounds: frozenset[str]) -> bool:
    """Whether the word at ``at`` ends an "e-" compound: "signature" in "No e-signature" is
    no contract's signature."""
    return at > 0 and words[at - 1] == "e" and words[at] in compounds


def made_electronic(words: Sequence[str], at: int, compounds: frozenset[str]) -> bool:
    """Whether the word at ``at`` is the thing of an "e-" compound or one said electronic
    beside it ("No e-signature", "Pas de signature électronique", "Sin firma electrónica"):
    it then names a capability, not a contract's signature."""
    beside = (words[i] for i in (at - 1, at + 1) if 0 <= i < len(words))
    return compound_tail(words, at, compounds) or any(w.startswith(ELECTRONIC) for w in beside)


def shows_capability(
    words: Sequence[str], own: range, compounds: frozenset[str], english: bool
) -> bool:
    """Whether the words ``own`` of ``words`` (a thing an absent opener names, folded) show a
    capability by their shape (the module docstring); ``compounds`` are the reason's
    ``e_compounds``, ``english`` whether its opener is English ("no", "without")."""
    for at in own:
        word = words[at]
        if at + 1 in own and compound_tail(words, at + 1, compounds):
            return True
        if word.startswith(ELECTRONIC):
            return True
        if english and _names_doing(word):
            return True
    last = own[-1] if own else None
    if last is not None and last > own[0] and words[last] in AVAILABLE:
        return True
    after = words[last + 1] if last is not None and last + 1 < len(words) else None
    return last is not None and last > own[0] and words[last] in HEADS and after != "to"


def _names_doing(word: str) -> bool:
    return word.endswith("ing") and len(word) >= ING_LENGTH and word not in NOT_CAPABILITIES
