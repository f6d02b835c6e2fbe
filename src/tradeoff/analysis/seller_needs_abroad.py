"""How a seller's description of a deal states a need or a problem in the languages besides
English that the loss taxonomy reads (``seller_notes.states_need``).

The taxonomy's lists give part of it: its need frame ("necesitan", "precisa", "braucht"),
the words that say a thing is absent ("falta", "manque", "fehlt", "ontbreekt") and those that
open an absence ("sin", "sem", "geen", "senza", "keine", "no tiene", "pas de", "non ha").
Those lists were written for loss reasons, which are mostly in the past tense ("voleva",
"wilden"). A seller who describes an open deal writes in the present tense, third person:
on a QA corpus "Serve l'integrazione con il registratore telematico." (20 deals) and "Wil
QR-bestellen aan tafel." (14) joined no theme, while "Needs Deliveroo and Uber Eats orders
straight into the POS." did. So each language adds what its sellers write here (``SELLERS``):
wanting and needing in the present and the conditional ("vuole", "vorrebbe", "wil",
"quiere", "quer", "veut", "möchte", "wünscht"), and things going wrong ("lento", "traag",
"plante", "stürzt ab"). These are the parts of the English ``NEEDS`` (requests and
problems, ``label.counter``) that a description uses.

Left out on purpose:
- asking and looking for ("chiede", "richiesta", "vraagt", "pide", "demande", "zoekt",
  "cerca", "busca"): "Richiesta di preventivo per 3 locali" and "Zoekt een kassasysteem voor
  de keten" say what the deal is;
- importance ("importante", "wichtig", "belangrijk"): "Importante catena di ristoranti" is
  about the size of the account;
- problem words that also describe the state of a deal ("pendiente de firma", "in ritardo",
  "contract verlopen", "loopt vast");
- "graag" alone ("Graag een demo"), and Dutch "storing" (English "storing").

Two need words are English words too. Italian "serve" means "is needed" in "Serve
l'integrazione"; in English it is the verb of "Serve 300 covers a night". German "will"
means "wants" in "Will eine DATEV-Schnittstelle"; in English it is the auxiliary of "Will
roll out to 3 sites". Each one counts only when the note does not lean English, that is,
when it holds at least as many function words of its own language
(``text.language.FUNCTION_WORDS``) as English ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tradeoff.analysis.business import loss_cues_abroad as abroad
from tradeoff.analysis.business.loss_language import plain, spellings
from tradeoff.analysis.text.language import ENGLISH, FUNCTION_WORDS


@dataclass(frozen=True)
class SellerNeeds:
    """One language's words for a need or a problem, as sellers describe a deal. Words are
    written with their accents and separated by spaces; phrases are separated by commas,
    and an apostrophe is a space ("n'a pas" is "n a pas")."""

    #: Wanting, needing, lacking: words that say something is missing or wanted, not what
    #: (``seller_notes.GAP_WORDS``, as "wants" and "needs" are).
    wants: str
    #: Things going wrong ("lento", "traag"), as ``label.counter.PROBLEMS`` in English.
    problems: str
    #: Phrases whose words mean nothing of the kind alone ("non funziona", "werkt niet").
    phrases: str


SELLERS: dict[str, SellerNeeds] = {
    "it": SellerNeeds(
        wants="""vuole vogliono vorrebbe vorrebbero desidera desiderano bisogno necessario
        necessaria necessari necessarie servirebbe servirebbero mancante mancanti""",
        problems="""lento lenta lenti lente lentezza errore errori problema problemi instabile
        inaffidabile""",
        phrases="""non funziona, non funzionano, non riesce, non riescono, non hanno, si blocca,
        si bloccano, si pianta, si piantano""",
    ),
    "nl": SellerNeeds(
        wants="wil willen wilt wenst wensen nodig behoefte noodzakelijk",
        problems="traag trage langzaam storingen fouten crasht crashen onbetrouwbaar",
        phrases="werkt niet, werken niet, hebben geen, valt uit, vallen uit",
    ),
    "es": SellerNeeds(
        wants="""quiere quieren gustaría gustarían desea desean necesario necesaria necesarios
        imprescindible""",
        problems="lento lenta lentos lentitud errores fallos falla fallan",
        phrases="""no tienen, no funciona, no funcionan, se cae, se caen, se cuelga,
        se bloquea""",
    ),
    "pt": SellerNeeds(
        wants="""quer querem gostaria gostariam deseja desejam necessário necessária
        imprescindível""",
        problems="lento lenta lentidão erros falhas travando",
        phrases="não têm, não funciona, não funcionam, fica travado, cai muito",
    ),
    "fr": SellerNeeds(
        wants="""veut veulent voudrait voudraient souhaite souhaitent souhaiterait
        souhaiteraient nécessaire indispensable""",
        problems="lente lenteur lenteurs plante plantages bugs erreurs pannes",
        phrases="n a pas, n ont pas, ne fonctionne pas, ne marche pas",
    ),
    "de": SellerNeeds(
        wants="möchte möchten wünscht wünschen wollen notwendig",
        problems="langsam abstürze fehler instabil",
        phrases="""funktioniert nicht, stürzt ab, hat kein, hat keine, haben kein,
        haben keine""",
    ),
}
#: Need words that are English words too, and their language: they count only in a note
#: that does not lean English (``leans_away_from_english``).
HOMOGRAPHS: dict[str, str] = {"serve": "it", "will": "de"}

_WORD = re.compile(r"[^\W\d_]+")


def _spelled(phrases: Iterable[str]) -> frozenset[str]:
    return frozenset(s for phrase in phrases for s in spellings(phrase))


def _split(phrases: str) -> list[str]:
    return [" ".join(part.split()) for part in phrases.split(",") if part.strip()]


_TAXONOMY = (*abroad.NEED_FRAME, *abroad.ABSENCE_MARKERS, *abroad.ABSENT_OPENERS)
#: Need words of the taxonomy and the sellers: single words, and stems ending "*"
#: ("necesit*" is "necesita", "necesitan"...), as matched: without accents.
WORDS = frozenset(p for p in _TAXONOMY if " " not in p) | _spelled(
    w for needs in SELLERS.values() for w in f"{needs.wants} {needs.problems}".split()
)
#: The sellers' words of wanting and needing, as written and without accents: they say
#: something is wanted, not what (``seller_notes.GAP_WORDS``).
WANTS = frozenset(
    spelled
    for needs in SELLERS.values()
    for word in needs.wants.split()
    for spelled in (word, *spellings(word))
)
_STEMS = tuple(w[:-1] for w in WORDS if w.endswith("*"))
_WHOLE = frozenset(w for w in WORDS if not w.endswith("*"))
#: Need phrases ("non funziona", "pas de", "no tiene"), as matched: without accents.
PHRASES = frozenset(p for p in _TAXONOMY if " " in p) | _spelled(
    p for needs in SELLERS.values() for p in _split(needs.phrases)
)


def states_need_abroad(text: str) -> bool:
    """Whether ``text`` holds a need or a problem word of another language.

    >>> states_need_abroad("Serve l'integrazione con il registratore telematico.")
    True
    >>> states_need_abroad("Wil QR-bestellen aan tafel.")
    True
    >>> states_need_abroad("Evaluatie voor de keten")
    False
    >>> states_need_abroad("Serve 300 covers a night")
    False
    """
    folded = _WORD.findall(text.casefold())
    words = [plain(w) for w in folded]
    if any(w in _WHOLE or w.startswith(_STEMS) for w in words):
        return True
    joined = f" {' '.join(words)} "
    if any(f" {phrase} " in joined for phrase in PHRASES):
        return True
    return any(
        HOMOGRAPHS.get(w) is not None and leans_away_from_english(folded, HOMOGRAPHS[w])
        for w in words
    )


def leans_away_from_english(words: list[str], code: str) -> bool:
    """Whether ``words`` (folded) hold at least as many function words of the language
    ``code`` as of English: "Serve un modulo per la cucina" (3 to 0), "Serve integrazione
    RT" (0 to 0), not "Serve 300 covers a night" (0 to 1)."""
    own = FUNCTION_WORDS.get(code, frozenset())
    return sum(w in own for w in words) >= sum(w in ENGLISH for w in words)
