"""What the buyer keeps instead of buying, in the seven languages the product reads.

Real competitors include doing nothing and the buyer's own way of working (principle 3).
A QA round's restaurant CRM named "Our old till" in its competitor field, and its sellers
wrote "Staying with their old till", "Blijven bij hun oude kassa", "Restano con il
vecchio registratore di cassa" and "Continuano con carta e penna": the field was read as a
direct rival and none of the notes linked a deal to the status quo or to "Pen and paper".
These are the words, per language — English, Spanish, Portuguese, French, German, Italian
and Dutch:

- **the status quo**: no decision, doing nothing ("no decision", "nessuna decisione",
  "geen beslissing", "keine Entscheidung", "ne rien faire", "no hacer nada", "não fazer
  nada"), and what the buyer already has — an old, current or existing system of theirs
  ("our old till", "the current system", "il vecchio registratore di cassa", "hun oude
  kassa", "ihre alte Kasse", "leur ancienne caisse", "su sistema actual", "o sistema
  antigo") or "what they have" ("lo que tienen", "ce qu'ils ont", "quello che hanno");
- **work by hand**: pen and paper ("carta e penna", "pen en papier", "papel y lápiz",
  "papel e caneta", "papier et crayon", "Zettel und Stift"), a whiteboard, by hand ("a
  mano", "met de hand", "von Hand", "à la main", "à mão"), manually.

A competitor field is the whole name (``STATUS_QUO_NAME``, ``BY_HAND_NAME``: read folded,
``importers.competitors``). In free text (``KEPT_PHRASES``: the scan's status-quo phrase,
``competitor_scan``) what the buyer has counts after a verb of keeping it, in any person
("staying with their old till", "restano con il vecchio registratore di cassa", "bleiben
bei ihrer alten Kasse"; German and Dutch also with the verb last: "bij hun oude kassa
blijven"), since "the current system crashes" keeps nothing. Work by hand counts only as
the buyer's decision — a verb in the past ("stayed on paper", "sono rimasti su carta"), one
of deciding ("decided to keep pen and paper", "decidieron seguir con papel y lápiz"), a
third person ("continuano con carta e penna", "they keep paper forms"), or a seller's
note with no subject ("Blijven bij pen en papier", "Staying with pen and paper") — since a
ticket's "we continue on paper until the app is fixed" is a complaint, not a rival — or as
the buyer's old way compared with us ("Honestly our old paper diary was more reliable
than this", "unser alter Papierkalender war zuverlässiger"): a row of work by hand named
in such a phrase ("Paper diary") is the row it names, written in lower case or not. The
system words are a buyer's general ones (system, till, register, provider, software,
process; "Kasse", "cassa", "kassa", "caisse", "caja", "caixa"): "we kept the old layout"
and "keep the old version of the report" keep no alternative.
"""

from __future__ import annotations

import re

LANGUAGES = ("en", "es", "pt", "fr", "de", "it", "nl")

#: No decision, doing nothing, the status quo.
_NO_DECISION = {
    "en": r"no decision|status quo|do(?:ing)? nothing",
    "es": r"sin decisi[oó]n|ninguna decisi[oó]n|no hacer nada|statu quo",
    "pt": r"sem decis[aã]o|nenhuma decis[aã]o|n[aã]o fazer nada|status quo",
    "fr": r"aucune d[eé]cision|pas de d[eé]cision|ne rien faire|statu quo",
    "de": r"keine entscheidung|nichts (?:zu )?tun|nichts unternehmen|status quo",
    "it": r"nessuna decisione|non fare (?:nulla|niente)|status quo",
    "nl": r"geen beslissing|geen besluit|niets (?:te )?doen|status quo",
}
#: What a business runs on: the buyer's system, till, register, provider.
_SYSTEMS = {
    "en": (
        r"(?:cash )?registers?|tills?|e?pos(?: system)?|systems?|setup|provider|vendor|"
        r"supplier|tools?|software|process(?:es)?|solution|platform|bank|way|ways|"
        r"workflows?|approach|method|crm|erp|terminals?"
    ),
    "es": (
        r"sistemas?|proveedor(?:es)?|herramientas?|procesos?|software|programas?|"
        r"plataformas?|tpv|caja(?: registradora)?|banco|soluci[oó]n|m[eé]todo"
    ),
    "pt": (
        r"sistemas?|fornecedor(?:es)?|ferramentas?|processos?|software|programas?|"
        r"plataformas?|pdv|caixa(?: registradora)?|banco|solu[cç][aã]o|m[eé]todo"
    ),
    "fr": (
        r"syst[eè]mes?|fournisseurs?|prestataires?|outils?|processus|logiciels?|"
        r"plate-?formes?|caisses?(?: enregistreuses?)?|tpe|banques?|solutions?|m[eé]thodes?"
    ),
    "de": (
        r"\w*systeme?|anbieter[ns]?|tools?|prozesse?|software|programme?|plattform|"
        r"\w*kassen?|bank|l[oö]e?sung|methode|dienstleister"
    ),
    "it": (
        r"sistem[ai]|fornitor[ei]|strument[oi]|process[oi]|software|programm[ai]|"
        r"piattaform[ae]|registrator[ei](?: di cassa)?|cass[ae]|gestional[ei]|banca|"
        r"soluzion[ei]|metod[oi]"
    ),
    "nl": (
        r"systeem|systemen|leveranciers?|tools?|proces|processen|software|programma|"
        r"platform|kassa(?:systeem|s)?|bank|oplossing(?:en)?|methode|pakket|werkwijze"
    ),
}
#: Words that say the buyer already has it: old, current, existing.
_OLD = {
    "en": r"old|previous|legacy|existing|current|incumbent",
    "es": r"viej[oa]s?|antigu[oa]s?|actual(?:es)?|anterior(?:es)?|de siempre",
    "pt": r"velh[oa]s?|antig[oa]s?|atua(?:l|is)|anterior(?:es)?|de sempre",
    "fr": (
        r"ancien(?:ne)?s?|vieux|vieil(?:le)?s?|actuel(?:le)?s?|pr[eé]c[eé]dente?s?|"
        r"existante?s?|de toujours"
    ),
    "de": r"alte[nmrs]?|bisherige[nmrs]?|aktuelle[nmrs]?|bestehende[nmrs]?|vorherige[nmrs]?",
    "it": r"vecchi[oae]?|attual[ei]|precedent[ei]|esistent[ei]|di sempre",
    "nl": r"oude|oud|huidige?|bestaande|vorige",
}
#: Articles and possessives before the buyer's system ("their old till", "il loro").
_DETERMINERS = {
    "en": r"the|their|our|its|his|her|my",
    "es": r"el|la|los|las|su|sus|nuestr[oa]s?",
    "pt": r"o|a|os|as|seu|sua|seus|suas|noss[oa]s?|no|na|do|da",
    "fr": r"le|la|les|l['’]?|leur|leurs|notre|nos|son|sa|ses",
    "de": r"der|die|das|den|dem|des|ihre?[mnrs]?|unsere?[mnrs]?|seine?[mnrs]?",
    "it": r"il|lo|la|i|gli|le|l['’]?|loro|nostr[oaie]|su[oaei]",
    "nl": r"de|het|hun|onze|ons|zijn|haar",
}
#: "what they have": the buyer keeps what it knows.
_WHAT_THEY_HAVE = {
    "en": r"what (?:we|they) (?:already )?(?:have|had|use|used|know|knew)",
    "es": r"lo que (?:ya )?(?:tienen|ten[ií]an|tenemos|usan|usaban|conocen)",
    "pt": r"o que (?:j[aá] )?(?:t[eê]m|tinham|temos|usam|usavam|conhecem)",
    "fr": r"ce qu(?:['’]|['’]? )(?:ils|elles|on|nous) (?:ont|avaient|a|avons|utilis\w+|conna\w+)",
    "de": r"(?:dem|das),? was (?:sie|wir) (?:schon |bereits )?(?:haben|hatten|kennen|nutzen)",
    "it": r"(?:quello|ci[oò]) che (?:gi[aà] )?(?:hanno|avevano|abbiamo|usano|conoscono)",
    "nl": r"wat (?:ze|zij|we|wij) (?:al )?(?:hebben|hadden|kennen|gebruiken)",
}
#: Verbs of keeping, in any person, with what may follow them before the thing kept.
_KEEP = {
    "en": (
        r"(?:stick|sticks|sticking|stuck|stay|stays|stayed|staying|keep|keeps|kept|keeping|"
        r"remain|remains|remained|remaining|continue|continues|continued|continuing)"
        r"(?: with| on| to| using)?"
    ),
    "es": (
        r"(?:seguir|sigue|siguen|seguir[aá]n?|sigui[oó]|siguieron|continuar|contin[uú]an?|"
        r"continuar[aá]n?|continu[oó]|continuaron|quedarse|se quedan?|se quedar[aá]n?|"
        r"se qued[oó]|se quedaron|permanecer|permanecen|permanecieron|mantener|mantienen|"
        r"mantendr[aá]n|mantuvieron)(?: con| en| usando| utilizando)?"
    ),
    "pt": (
        r"(?:continuar|continuam?|continuar[aã]o|continuou|continuaram|ficar|ficam?|"
        r"ficar[aã]o|ficou|ficaram|permanecer|permanecem?|permaneceu|permaneceram|manter|"
        r"mant[eé]m|mantiveram)(?: com| no| na| usando| utilizando| a usar)?"
    ),
    "fr": (
        r"(?:rester|restent|reste|resteront|sont rest[eé]s|rest[eé]s?|continuer|continuent|"
        r"continue|continueront|continu[eé]|garder|gardent|garde|garderont|gard[eé]|"
        r"conserver|conservent|conserve|conserv[eé])(?: avec| sur| chez| [aà] utiliser)?"
    ),
    "de": (
        r"(?:bleiben|bleibt|blieb|blieben|geblieben|behalten|beh[aä]lt|behielten|"
        r"beibehalten|weiter)(?: bei| beim| mit| auf)?"
    ),
    "it": (
        r"(?:restano|restare|resteranno|restati|rimangono|rimanere|rimarranno|rimasti|"
        r"continuano|continuare|continueranno|continuato|tengono|tenere|terranno|"
        r"mantengono|mantenere|manterranno)(?: con| col| su| sul| sulla| ad? usare)?"
    ),
    "nl": (
        r"(?:blijven|blijft|bleef|bleven|gebleven|houden|houdt|hield|hielden|gaan door|"
        r"gaat door|gingen door|werken nog|werkt nog)(?: bij| met| op| vast aan| het bij)?"
    ),
}
#: German and Dutch put the verb last: "bei ihrer alten Kasse bleiben", "bij hun oude
#: kassa blijven".
_PREPOSITION_VERB_LAST = {
    "de": (r"bei|beim|mit", r"(?:zu )?(?:bleiben|geblieben)"),
    "nl": (r"bij|met|op", r"(?:te )?(?:blijven|gebleven)"),
}
#: Work by hand.
_BY_HAND = {
    "en": (
        r"(?:(?:the|their|our) )?(?:pen (?:and|&) paper|paper\w*|white ?boards?|clipboards?)|"
        r"(?:it )?manually|by hand"
    ),
    "es": (
        r"papel y l[aá]piz|l[aá]piz y papel|(?:el )?papel|en papel|a mano|manualmente|"
        r"(?:la )?pizarra"
    ),
    "pt": r"papel e caneta|caneta e papel|em papel|[aà] m[aã]o|manualmente|(?:o )?quadro branco",
    "fr": (
        r"papier(?: et |-)(?:crayon|stylo)|(?:crayon|stylo) et papier|(?:le )?papier|"
        r"[aà] la main|manuellement|(?:le )?tableau blanc"
    ),
    "de": (
        r"(?:zettel|papier) und stift|stift und (?:zettel|papier)|(?:dem )?papier|"
        r"von hand|h[aä]ndisch|manuell|(?:dem )?whiteboard"
    ),
    "it": r"carta e penna|penna e carta|su carta|a mano|manualmente|(?:la )?lavagna",
    "nl": r"pen en papier|papier en pen|(?:het )?papier|met de hand|handmatig|(?:het )?whiteboard",
}
#: A comparison with us after the buyer's old way of working by hand: "our old paper diary
#: was more reliable than this", "unser alter Papierkalender war zuverlässiger".
_COMPARED = {
    "en": (
        r"(?:was|were|is|are|has been|used to be) (?:\w+ ){0,2}?(?:more|less|better|worse|"
        r"faster|quicker|easier|simpler|safer|clearer|\w+er than)"
    ),
    "es": r"(?:era|eran|es|fue) (?:\w+ ){0,2}?(?:m[aá]s|mejor(?:es)?|menos|peor(?:es)?)",
    "pt": r"(?:era|eram|[eé]|foi) (?:\w+ ){0,2}?(?:mais|melhor(?:es)?|menos|pior(?:es)?)",
    "fr": (
        r"(?:[eé]tait|[eé]taient|est|a [eé]t[eé]) (?:\w+ ){0,2}?"
        r"(?:plus|mieux|meilleure?s?|moins|pire)"
    ),
    "de": (
        r"(?:war|waren|ist) (?:\w+ ){0,2}?(?:besser|schneller|einfacher|zuverl[aä]ssiger|"
        r"sicherer|praktischer|[uü]bersichtlicher|mehr|weniger)"
    ),
    "it": r"(?:era|erano|[eè]|[eè] stato) (?:\w+ ){0,2}?(?:pi[uù]|meglio|migliore|meno|peggio)",
    "nl": (
        r"(?:was|waren|is) (?:\w+ ){0,2}?(?:beter|sneller|makkelijker|betrouwbaarder|"
        r"eenvoudiger|meer|minder)"
    ),
}
#: Where a seller's note with no subject starts ("Staying with pen and paper").
_OPENS = r"(?:^|(?<=[.!?;:\n])\s*)"
#: Verbs of keeping work by hand as the buyer's decision: in the past, after a verb of
#: deciding, in the third person, or opening a seller's note.
_DECIDED = {
    "en": (
        r"(?:(?:decided|chose|opted|preferred|wanted) to (?:keep|stay|stick|remain|continue)|"
        r"stayed|stuck|remained|they(?:['’]re| are)? (?:still )?(?:stick\w*|stay\w*|keep\w*|"
        rf"remain\w*|continu\w*)|{_OPENS}(?:staying|sticking|keeping|remaining|continuing))"
        r"(?: with| on| to| using| doing(?: it| things| everything)?)?"
    ),
    "es": (
        r"(?:(?:decidieron|optaron por|prefirieron|eligieron) (?:seguir|quedarse|continuar|"
        r"mantener)|siguieron|se quedaron|continuaron|mantuvieron|siguen|se quedan|"
        r"contin[uú]an|mantienen|permanecen)(?: con| en| usando)?"
    ),
    "pt": (
        r"(?:(?:decidiram|optaram por|preferiram) (?:continuar|ficar|manter)|continuaram|"
        r"ficaram|mantiveram|permaneceram|continuam|ficam|mant[eê]m|permanecem)"
        r"(?: com| no| na| em| usando| a usar)?"
    ),
    "fr": (
        r"(?:(?:ont )?(?:d[eé]cid[eé] de|choisi de|pr[eé]f[eé]r[eé]) (?:rester|continuer|"
        r"garder|conserver)|sont rest[eé]s|ont continu[eé]|ont gard[eé]|ont conserv[eé]|"
        r"restent|continuent|gardent|conservent)(?: avec| sur| au| [aà])?"
    ),
    "de": (
        r"(?:blieben|sind geblieben|behielten|haben behalten|sie bleiben|bleiben sie|"
        rf"{_OPENS}bleiben)(?: bei| beim| mit| auf)?"
    ),
    "it": (
        r"(?:(?:hanno deciso di|hanno scelto di|hanno preferito) (?:restare|rimanere|"
        r"continuare|tenere|mantenere)|sono rimasti|sono restati|hanno continuato|"
        r"hanno tenuto|restano|rimangono|continuano|tengono|mantengono)"
        r"(?: con| col| su| sul| sulla| a usare)?"
    ),
    "nl": (
        r"(?:bleven|zijn gebleven|hielden vast aan|(?:ze|zij) blijven|blijven (?:ze|zij)|"
        rf"{_OPENS}blijven)(?: bij| met| op)?"
    ),
}


def _spaced(pattern: str) -> str:
    """A pattern whose spaces match any whitespace."""
    return pattern.replace(" ", r"\s+")


def _incumbent(code: str) -> str:
    """The buyer's old, current or existing system in ``code``: "their old till", "il
    vecchio registratore di cassa", "el sistema actual"."""
    determiners = rf"(?:(?:{_DETERMINERS[code]})(?: |(?<=['’])))"
    old, systems = _OLD[code], _SYSTEMS[code]
    return rf"{determiners}{{0,2}}(?:(?:{old}) (?:{systems})|(?:{systems}) (?:{old}))"


def _old_way_compared(code: str) -> str:
    """The buyer's old way of working by hand, compared with us: "our old paper diary was
    more reliable than this" (the old word and a determiner before it, a comparison after
    it; up to two words between, "nuestra vieja agenda de papel era más fiable")."""
    determiner, old, by_hand = _DETERMINERS[code], _OLD[code], _BY_HAND[code]
    return (
        rf"(?:{determiner})(?: |(?<=['’]))(?:{old}) (?:[\w'’]+ ){{0,2}}?(?:{by_hand})\w*"
        rf"(?: [\w'’]+)? (?:{_COMPARED[code]})"
    )


def _status_quo_phrase(code: str) -> str:
    kept = rf"(?:{_KEEP[code]}) (?:{_incumbent(code)}|{_WHAT_THEY_HAVE[code]})"
    parts = [_NO_DECISION[code], kept, rf"(?:{_DECIDED[code]}) (?:{_BY_HAND[code]})"]
    parts.append(_old_way_compared(code))
    if code in _PREPOSITION_VERB_LAST:
        before, verb = _PREPOSITION_VERB_LAST[code]
        parts.append(rf"(?:{before}) {_incumbent(code)} {verb}")
    return "|".join(f"(?:{part})" for part in parts)


#: A phrase of keeping what the buyer has, in any of the languages: the scan's status-quo
#: phrase (``competitor_scan.CUES``), read ignoring case.
KEPT_PHRASES = _spaced("|".join(f"(?:{_status_quo_phrase(code)})" for code in LANGUAGES))

_FOLDED_NOTHING = r"nothing|nobody|no one|no vendor|nada|nadie|rien|nichts|niente|nulla|niets"
#: A competitor field that names the status quo, read folded (lower case, no accents, no
#: punctuation: ``domain.names.fold``): "No decision", "Our old till", "Sistema actual",
#: "Nessuna decisione", "Keep what they have".
STATUS_QUO_NAME = re.compile(
    _spaced(
        "|".join(
            rf"\b(?:{_NO_DECISION[code]}|{_incumbent(code)}|(?:{_KEEP[code]} )?"
            rf"{_WHAT_THEY_HAVE[code]})\b"
            for code in LANGUAGES
        )
        + rf"|^(?:{_FOLDED_NOTHING})$"
    )
)
#: Work by hand in a competitor field, read folded: "Carta e penna", "Pen en papier",
#: "Zettel und Stift", "A mano" (English: ``competitor_alikes.MANUAL``).
BY_HAND_NAME = re.compile(
    _spaced(
        r"\b(?:papel y lapiz|lapiz y papel|papel e caneta|caneta e papel|papier(?: et | )"
        r"(?:crayon|stylo)|(?:crayon|stylo) et papier|(?:zettel|papier) und stift|"
        r"stift und (?:zettel|papier)|carta e penna|penna e carta|pen en papier|"
        r"papier en pen|en papel|em papel|sur papier|auf papier|su carta|op papier|a mano|"
        r"a mao|a la main|von hand|handisch|met de hand|handmatig|manualmente|"
        r"manuellement|manuell|pizarra|quadro branco|tableau blanc|lavagna)\b"
    )
)
_BY_HAND_WORDS = re.compile(
    _spaced("|".join(f"(?:{_BY_HAND[code]})" for code in LANGUAGES)), re.IGNORECASE
)


def keeps_work_by_hand(phrase: str) -> bool:
    """Whether a phrase of keeping (``KEPT_PHRASES``) keeps work done by hand, filed under
    the workspace's row for it (``competitor_alikes.by_hand``) whatever its words: a row
    named "Pen and paper" is what "Continuano con carta e penna" kept.

    >>> keeps_work_by_hand("Continuano con carta e penna")
    True
    >>> keeps_work_by_hand("Staying with their old till")
    False
    """
    return _BY_HAND_WORDS.search(phrase) is not None
