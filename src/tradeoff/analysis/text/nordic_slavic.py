"""The words and letters that tell Polish and Swedish, beside the six languages of
``text.language``.

A QA corpus of a clinic-booking SaaS held 58 Polish and 73 Swedish items; every one read as
English, so they sat in English themes by language, not topic ("Hej hej, Jag kan inte logga
in..." beside login complaints), and no theme said "in Swedish". These are the lists
``text.language`` reads them by: the commonest function words, left out where they are
English words ("to", "do", "men", "till", "under", "ten", "min") or a name's particle
("de"), and the letters only one of them writes (Polish ą ę ł ń ś ź ż ć; Swedish å beside
its "är", "på"), which count only beside a function word of that language, so an English
ticket naming "Paweł Dąbrowski" stays English.

>>> sorted(FUNCTION_WORDS["sv"] & {"och", "inte", "men"})
['inte', 'och']
"""

from __future__ import annotations

import re

_FUNCTION_WORDS = {
    "pl": """nie się jest są że jak ale czy od dla przez przy mnie mój moja moje mojego
        nasz nasza nasze naszego naszej naszym naszych nam nas już tylko bardzo jeszcze
        tego tej tym tych który która które którzy może można mogę możemy był była było
        były będzie oraz lub gdy kiedy bo jeśli również też ich jego jej ze w z na za
        co tak jako żeby aby dlaczego ponieważ wszystkich wszystkie każdy dzień dobry
        witam pozdrawiam dziękuję proszę""",
    "sv": """och inte det jag är att på som ett för från har hade vi ni hon han den
        detta dessa vår våra vårt mig sig sina sitt inga ingen inget någon något
        några alla eller bara mycket hur vad när där här också ska skulle kunde kan
        finns blir blev varit igen längre efter hela hej tack""",
}
FUNCTION_WORDS = {code: frozenset(words.split()) for code, words in _FUNCTION_WORDS.items()}
#: The words of each that name nothing, which a theme's name never holds (as
#: ``text.language.STOP_WORDS``), none of them a word an English name may need.
_STOP_WORDS = {
    "pl": """się jest są był była było były będzie być że jak ale czy albo lub oraz ani
        od dla przez przy przed nad bez o w we z ze na za u do i a to ta te
        tego tej tym tych tę ja ty on ona ono my wy oni one mnie mi mną ciebie cię tobie
        nas nam nami was wam ich jego jej mu mój moja moje mojego mojej moim nasz
        nasza nasze naszego naszej naszym naszych wasz wasza swój swoja swoje swojego
        swoich który która które którzy którego której co kto gdzie kiedy gdy jeśli bo
        ponieważ żeby aby już jeszcze tylko bardzo też również tak jako tu tutaj teraz
        zawsze może można mogę możemy mam mamy ma mają jest proszę dziękuję dzięki
        dzień dobry witam pozdrawiam pozdrowienia serdecznie poważaniem szanowni
        szanowny szanowna państwo potrzebujemy potrzebuję chcemy chcę""",
    "sv": """och att det den de en ett är varit vara som på i för från
        om hos mot utan efter inför genom mellan sedan jag du han hon vi ni oss
        mig sig mitt mina din ditt dina vår vårt våra ert sitt sina
        hans hennes deras detta dessa denna något någon några ingen inget inga alla allt
        eller så när där här hur vad vem vilken vilket vilka också bara mycket mer
        redan fortfarande alltid igen nu då har hade ha kan kunde ska skulle vill ville
        måste får fick blir blev finns hej hejsan tack tacksam vänliga vänlig hälsningar
        hälsning mvh dag behöver""",
}
STOP_WORDS = {code: frozenset(words.split()) for code, words in _STOP_WORDS.items()}
_NEGATIONS = {
    "pl": "nie nigdy nic żaden żadna żadne żadnych bez ani",
    "sv": "inte aldrig ingen inget inga ingenting utan",
}
NEGATIONS = {code: frozenset(words.split()) for code, words in _NEGATIONS.items()}
_EVERY = {"pl": "każdy każda każde każdym", "sv": "varje"}
EVERY = {code: frozenset(words.split()) for code, words in _EVERY.items()}
#: Function words that are English words too, which a name in the language leaves out.
HOMOGRAPHS = {
    "pl": "to do po pod co ten a i im go one",
    "sv": "men till under var min dig dem med av vid god er era sin",
}
NAMES = {"pl": "Polish", "sv": "Swedish"}
#: Letters only one of the told languages writes: a word holding one counts for it.
LETTERS = {"pl": re.compile("[ąęłńśźżć]"), "sv": re.compile("å")}
