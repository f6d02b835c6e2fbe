"""Words no theme's name holds, or ends in, though no stop list drops them: the pronouns,
connectives, time adverbs and filler verbs of a complaint ("li", "because", "yesterday",
"happened", "we ask"), and the prepositions a phrase may hold but never ends in.

The stop lists (``text.language.STOP_WORDS`` and ``keywords.STOPWORDS``) drop articles,
most pronouns and prepositions; what is left of a sentence still holds the words that tie it
together or set it in time. On a QA corpus they named themes: "shift · staff app shows ·
hours because", "in Italian · abbonamento mese chiediamo" ("we ask for a refund"),
"arrivano cassa li" ("li vediamo": "we see them"), and "ieri sera servizio · successo
nuovo" from "È successo di nuovo ieri sera durante il servizio" ("it happened again last
night during service"), a sentence of context every topic's tickets held. So ``keywords``
reads, on top of the stop lists:

- ``NAME_STOP_WORDS`` as stopwords: dropped, and a phrase spans them ("li", as English
  "them"; "weer", "erneut", "novamente", as English "again");
- ``NAME_FILLER`` as its English ``FILLER``: no part of a name, and a phrase never runs
  through them. They are **connectives** that open a clause (because, since, although,
  omdat, siccome…), **time** (yesterday, today, recently, ieri, gisteren, letzten…: when
  it happened is no topic), and **filler verbs** (happen, seem, show, appear, and the "we
  ask", "we would like", "we report" a message is framed with, in the forms customers
  write): "app shows wrong hours because…" names "staff app" and "wrong hours";
- ``NAME_EDGES`` as words a name's phrase never starts or ends with, nor is alone: the
  prepositions the stop lists lack (during, between, via, tijdens, durante, dopo,
  während…), and the "new" of "again" ("di nuovo", "de nuevo", "de novo", "de nouveau",
  whose "di" a stop list drops). Inside a phrase they are its sense ("offline tijdens
  service", "transfer between accounts", "nuovo menu estivo"); at its edge a dangling
  "tijdens drukte", "hours during" or "nuovo".

A word that is a common English noun or adjective another theme may be named by is left out
("last": "the last line is cut"; "sera", "night": "evening service", "sunday night";
"volte", "keer": "charged twice"), as
are verbs that carry a topic ("arrivano": orders that do not arrive) and frequency adverbs,
which English names keep too ("always", "often").

    >>> sorted(NAME_FILLER & {"because", "chiediamo", "ieri", "cassa"}), "li" in NAME_STOP_WORDS
    (['because', 'chiediamo', 'ieri'], True)
"""

from __future__ import annotations

_NAME_STOP_WORDS = {
    "en": "",
    "it": "li",
    "es": "",
    "pt": "novamente",
    "fr": "",
    "de": "erneut nochmal nochmals",
    "nl": "weer opnieuw",
}
_NAME_FILLER = {
    "en": """because since although though unless whether whenever however whereas
        yesterday today tonight tomorrow ago lately recently currently anymore anyway
        actually basically literally happen happens happened happening seem seemed
        appear appears appeared appearing shows showing showed shown said told ask asks
        asking asked
        needs needed wants wanted""",
    "it": """poiché siccome invece inoltre quindi comunque purtroppo ieri oggi domani
        stasera stamattina stanotte adesso ultimamente succede succedono successo successa
        capita capitato sembra sembrano chiediamo chiedo chiederei chiederemmo vorremmo
        vorrei volevo volevamo potete potreste potrebbe possiamo dobbiamo devo segnaliamo
        segnalo segnalato vediamo notiamo riusciamo stiamo siamo sta stanno viene vengono""",
    "es": """ayer hoy anoche anteayer mañana últimamente pasada pasado pasa pasó ocurre
        ocurrió sucede sucedió vuelve volvió parece parecen pedimos solicitamos podrían
        podrías escribo""",
    "pt": """ontem hoje amanhã anteontem pois ultimamente passada passado acontece aconteceu
        acontecendo parece parecem pedimos gostaríamos gostaria queremos quero poderiam""",
    "fr": """hier aujourd'hui demain parce dernièrement récemment semble semblent demandons
        pourriez pourrions voulions""",
    "de": """letzte letzten letzter letztes vergangene vergangenen deshalb trotzdem dennoch
        morgen passiert passieren scheint scheinen bitten würden könnten""",
    "nl": """omdat doordat gisteren gisteravond vandaag vanavond vanochtend vanmorgen
        morgen vorige afgelopen dus echter daardoor gebeurd gebeurt gebeurde lijkt lijken
        blijkt melden meld zouden""",
}
_NAME_EDGES = {
    "en": """during within behind beyond despite toward towards upon via per along among
        near onto throughout except above below against between""",
    "it": "durante dopo prima verso presso contro dentro fuori sotto sopra oltre tramite nuovo",
    "es": "nuevo",
    "pt": "durante através perante novo",
    "fr": "malgré parmi durant envers via nouveau",
    "de": "während trotz wegen innerhalb außerhalb gegenüber",
    "nl": "tijdens via per binnen buiten vanaf volgens ondanks langs rond dankzij",
}


def _union(lists: dict[str, str]) -> frozenset[str]:
    """Every language's words: a theme's texts are not sorted by language before they are
    named, and none of these is a word another language names by."""
    return frozenset(word for words in lists.values() for word in words.split())


NAME_STOP_WORDS = _union(_NAME_STOP_WORDS)
NAME_FILLER = _union(_NAME_FILLER)
NAME_EDGES = _union(_NAME_EDGES)


def edged(term: str) -> bool:
    """The term starts or ends with a preposition (``NAME_EDGES``), or is one.

    >>> edged("tijdens drukte"), edged("offline tijdens service")
    (True, False)
    """
    first, _, rest = term.partition(" ")
    return first in NAME_EDGES or (rest.rpartition(" ")[2] or first) in NAME_EDGES
