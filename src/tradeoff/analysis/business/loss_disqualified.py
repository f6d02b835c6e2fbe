"""Lost deals that were never real deals: duplicates, spam, tests, unqualified leads.

CRMs close such records "Closed Lost" like any other, so counted as losses they lower the
win rate and inflate lost revenue. The rule is a word list, like the taxonomy's, so a person
can read why a deal was left out (its cues) and correct it (``tradeoff loss-reason``). It
reads the loss reason (the CRM's close reason) and the stage name, never the notes: notes are
free text, where "test" or "duplicate" says nothing about the record itself.

1. Text is folded as the taxonomy folds it (``loss_reasons.fold``: accents dropped, so the
   Spanish, Portuguese, French and German words below are written without them), in *parts* split at
   " - ", ":", "/", "|", ";" and brackets (picklist values and "Closed - Duplicate" stages).
2. **A label.** A part is disqualifying when, once the words a CRM puts around a label are
   dropped (``FRAME``: closed, lost, deal, opportunity, lead, record, ... and ids with
   digits), what is left is one of ``LABELS`` ("duplicate", "spam", "test", "unqualified",
   "not qualified", ...). "Unqualified" or "Duplicate opportunity" as the whole reason is a
   label; "lost to a duplicate-detection tool vendor" is not.
3. **A phrase anywhere.** ``PHRASES`` ("duplicate of", "created in error", "test deal",
   "bad lead", ...) name the record, not a product, wherever they stand; one with "not" or
   "nor" in the two words before it does not count ("not a duplicate record").
4. It comes before the taxonomy (``loss_taxonomy.loss_verdict``): a deal it marks is
   ``disqualified`` whatever else its reason says ("Not a fit / bad lead").
"""

from __future__ import annotations

import re

from tradeoff.analysis.business.loss_cue_index import fold
from tradeoff.analysis.business.loss_negation import NEGATORS

#: Words dropped around a label ("Closed Lost - Duplicate opportunity" reads "duplicate").
FRAME = frozenset(
    {
        "closed", "close", "lost", "deal", "deals", "opportunity", "opportunities", "opp",
        "opps", "oppty", "record", "records", "lead", "leads", "entry", "as", "marked", "a",
        "an", "the", "this", "is", "was", "it", "reason", "other", "see", "into", "of", "with",
        # The same words in Spanish, Portuguese, French and German, without accents.
        "cerrado", "cerrada", "perdido", "perdida", "oportunidad", "oportunidade", "negocio",
        "registro", "fechado", "fechada", "ferme", "fermee", "perdu", "perdue", "opportunite",
        "affaire", "geschlossen", "verloren", "chance", "datensatz", "el", "la", "o",
        "le", "un", "una", "um", "uma", "une", "es", "e", "est", "ist", "de", "del", "da",
        "do", "du", "des", "como", "comme", "als",
    }
)  # fmt: skip
#: What is left of a part that is only a disqualifying label.
LABELS = frozenset(
    {
        "duplicate", "duplicates", "duplicated", "dupe", "dup", "spam", "test", "testing",
        "unqualified", "disqualified", "not qualified", "junk", "merged", "invalid", "fake",
        "created in error", "error", "mistake", "never qualified",
        "duplicado", "duplicada", "duplicata", "doublon", "dublette", "duplikat", "prueba",
        "teste", "no calificado", "no calificada", "nao qualificado", "nao qualificada",
        "non qualifie", "non qualifiee", "nicht qualifiziert", "descalificado",
        "descalificada", "desqualificado", "desqualificada", "disqualifie", "disqualifiee",
        "disqualifiziert", "erro", "erreur", "fehlerhaft angelegt",
    }
)  # fmt: skip
#: Phrases that name the record as not a real deal wherever they stand. Left out on
#: purpose: what a real reason says about the buyer's data ("duplicate records", "test
#: data", "bad data": a product gap); as a whole reason such words are labels all the same.
PHRASES = (
    "duplicate opportunity", "duplicate opportunities", "duplicate opp", "duplicate deal",
    "duplicate of", "dupe of", "duplicated opportunity", "duplicated deal",
    "merged opportunity", "merged deal", "merged record", "merged duplicate",
    "opportunity merged", "deal merged", "created in error", "entered in error",
    "opened in error", "logged in error", "created by mistake", "entered by mistake",
    "opened by mistake", "created by accident", "test deal", "test opportunity", "test opp",
    "testing only", "please ignore", "spam lead", "spam submission", "spam form",
    "spam signup", "spam sign up", "spam entry", "bot signup", "bot submission", "junk lead",
    "junk record", "fake lead", "fake company", "fake email", "bad lead", "invalid lead",
    "invalid contact", "invalid email", "unqualified lead", "unqualified prospect",
    "disqualified lead", "lead disqualified", "lead unqualified", "never qualified",
    "not a real opportunity", "not a real deal", "not a real lead", "no real opportunity",
    "oportunidad duplicada", "negocio duplicado", "oportunidade duplicada",
    "opportunite en double", "affaire en double", "doublon de",
    "duplicado de", "duplicada de", "duplicata de", "dublette von", "duplikat von",
    "creado por error", "creada por error", "criado por engano", "criada por engano",
    "cree par erreur", "creee par erreur", "versehentlich angelegt", "registro de prueba",
    "oportunidad de prueba", "registro de teste", "oportunidade de teste", "testdatensatz",
    "favor ignorar", "por favor ignorar", "merci d ignorer", "bitte ignorieren",
)  # fmt: skip
#: A phrase followed by one of these words is about something else ("bad lead times" is a
#: delivery complaint, not a bad lead).
NOT_FOLLOWED_BY = frozenset({"time", "times"})
STAGE_PREFIX = "stage: "
_PARTS = re.compile(r"\s[-\u2013\u2014]+\s|[:/|;()\[\]]")
_PHRASE_WORDS = tuple(tuple(p.split()) for p in PHRASES)


def _label(part: str) -> str | None:
    kept = [w for w in fold(part) if w not in FRAME and not any(c.isdigit() for c in w)]
    said = " ".join(kept)
    return said if said in LABELS else None


def _phrases(text: str) -> list[str]:
    words = fold(text)
    found = []
    for phrase in _PHRASE_WORDS:
        size = len(phrase)
        for start in range(len(words) - size + 1):
            if tuple(words[start : start + size]) != phrase:
                continue
            if any(w in NEGATORS for w in words[max(0, start - 2) : start]):
                continue
            if words[start + size : start + size + 1] and words[start + size] in NOT_FOLLOWED_BY:
                continue
            found.append(" ".join(phrase))
            break
    return found


def disqualifying_cues(text: str | None) -> tuple[str, ...]:
    """The labels and phrases in ``text`` that say the deal was never real (none: it was).

    Example: disqualifying_cues("Closed Lost - Duplicate") → ("duplicate",)
    """
    if not text:
        return ()
    labels = [label for part in _PARTS.split(text) if (label := _label(part))]
    return tuple(dict.fromkeys([*labels, *_phrases(text)]))


def disqualified_by(reason: str | None, stage: str | None) -> tuple[str, ...]:
    """Cues from the loss reason, then from the stage (written ``stage: <cue>``); empty when
    neither says the deal was never real."""
    return disqualifying_cues(reason) + tuple(
        STAGE_PREFIX + cue for cue in disqualifying_cues(stage)
    )
