"""Pleasantries around a customer's message: "Happy Friday!", "Hope you're well.", "Sorry to
bother you again.", "Thanks in advance for looking into this.", "Looking forward to hearing
from you."

A QA corpus's quotes opened with them one time in five, and the counter-evidence reader took
"Happy Friday!" for praise. A sentence is a pleasantry when every word of it is one of
``COURTESY`` (words of wellbeing, apology, thanks and "let me know"), it has two or more
and one of them is kind (``KIND``: "Please help me!" is a plea), so a sentence that names
anything else ("I hope you can fix the export", "Still broken.") never is.
``message_body`` drops whole pleasantry sentences at the start and end of the message
only, so the words of the complaint stay as the customer typed them.

A message can be nothing more: a greeting and a thanks ("Hi Stockroom support,\\n\\nthanks!",
"Bonjour l'équipe, merci !"). ``only_greeting`` tells it, in English, German, French,
Spanish, Portuguese, Italian and Dutch, and the thanks alone in Polish, Swedish, Danish,
Norwegian, Finnish and Czech too ("Dzięki", "Tack!", "Mange tak", "Kiitos", "Díky"), so the
theme engine leaves it unsorted: one was filed
in a problem theme because the team's name it greets is no pleasantry's word.

    >>> after_courtesies("Hope you're well. The export fails.")
    'The export fails.'
"""

from __future__ import annotations

import re

_COURTESY_WORDS = """hope hoping hoped trust you your yours re ve ll m s d i we all everyone
everybody folks guys team y this email message note finds find is are well doing good great fine
nice lovely wonderful a an the had have having weekend week day morning afternoon evening
going better than ours happy friday monday tuesday wednesday thursday saturday sunday new
year holidays holiday start off sorry to bother bothering again disturb disturbing trouble
thanks thank getting back me last time quick reply response help as always and safe healthy
in advance for looking into it let know if need anything else from my side appreciate
appreciated please advise at earliest convenience forward hearing feel free call reach out
that easier any update would be patience with us much kindly so very lot hi hello hey there
dear on end side"""
COURTESY = frozenset(_COURTESY_WORDS.split())
#: A pleasantry wishes, apologises, thanks or offers: "Please help me" is a plea.
_KIND_WORDS = """hope hoping hoped trust happy sorry bother bothering disturb disturbing
trouble thanks thank appreciate appreciated forward advance weekend well patience
convenience advise know free great nice lovely wonderful doing safe healthy holidays"""
KIND = frozenset(_KIND_WORDS.split())
#: Words a message opens with to greet: "Hi", "Dear", "Bonjour", "Hallo", "Hola"…
_GREETING_WORDS = """hi hello hey hiya howdy dear greetings hallo
moin servus bonjour bonsoir salut coucou hola buenos buenas ciao salve buongiorno buonasera
spettabile egregio egregi estimado estimada estimados estimadas prezado prezada
prezados prezadas olá oi hoi goedemorgen goedemiddag goedenavond witam witajcie cześć
hej hejsan hallå tjena hei hejka kära kære ahoj"""
GREETING = frozenset(_GREETING_WORDS.split())
#: A time of day greets after "Good" or "Guten", or alone before whom it greets in
#: pleasantries' words ("Morning all,"): "Evening shifts, thanks" is about shifts.
_TIME_OF_DAY_WORDS = """morning afternoon evening day morgen tag abend"""
TIME_OF_DAY = frozenset(_TIME_OF_DAY_WORDS.split())
#: Thanks and well-wishing in the other languages a greeting is known in ("merci beaucoup",
#: "vielen Dank", "muchas gracias", "muito obrigado", "grazie mille e buon lavoro",
#: "hartelijk bedankt"): the words of ``sign_offs.SIGN_OFF``'s closings, case-folded ("Grüße"
#: reads "grüsse").
_THANKS_WORDS = """merci beaucoup bien à vous d avance bonne journée soirée et cordialement
danke vielen dank schön sehr im voraus und viele grüsse liebe beste gracias muchas mil de
antemano saludos un saludo cordiales y buen día obrigado obrigada muito e abraços
atenciosamente grazie mille tante ancora buon buona lavoro giornata serata saluti cordiali
distinti bedankt dank je wel hartelijk alvast groeten groetjes en fijne dag
dzięki dziękuję dziękujemy wielkie bardzo serdecznie z góry za pomoc pozdrawiam pozdrowienia
dzień dobry tack så mycket stort tusen på förhand för hjälpen med vänliga hälsningar hej
tak takk mange for hjælpen hjelpen hilsen venlig vennlig kiitos paljon terveisin díky
děkuji moc ok okej okay super"""
THANKS = frozenset(_THANKS_WORDS.split())
_THANKFUL = KIND | frozenset({"merci", "danke", "dank", "gracias", "obrigado", "obrigada"})
_THANKFUL |= frozenset({"grazie", "bedankt", "dzięki", "dziękuję", "dziękujemy", "tack"})
_THANKFUL |= frozenset({"tak", "takk", "kiitos", "díky", "děkuji"})
#: An opening greeting: its word, at most ``ADDRESS_WORDS`` words of whom it greets ("Hi
#: Stockroom support", "Dear Sir/Madam"), closed by a mark or a line's end. Without the close,
#: "Hi reorder points are wrong" would be a greeting.
ADDRESS_WORDS = 4
_GREETING_CLAUSE = re.compile(
    rf"^\W*((?:good|guten)\s+)?(\w+)((?:[ \t'’/-]+[\w.&]+){{0,{ADDRESS_WORDS}}})"
    r"[^\w\n]*?([,:!.;]|\n|$)"
)
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def courtesy(sentence: str) -> bool:
    """Every word of the sentence is a pleasantry's (see the module docstring)."""
    count, kind = 0, False
    for match in _WORD.finditer(sentence.casefold()):
        word = match.group(0)
        if word not in COURTESY:
            return False  # most sentences: at their first words
        count += 1
        kind = kind or word in KIND
    return count > 1 and kind


def after_courtesies(line: str) -> str:
    """The line without the pleasantry sentences it opens with ("" when it is only those)."""
    rest = line.strip()
    while rest:
        first = _WORD.search(rest)
        if first is None or first.group(0).casefold() not in COURTESY:
            break  # most lines: one look at a word
        end = _SENTENCE_END.search(rest)
        if not courtesy(rest[: end.start()] if end else rest):
            break
        rest = rest[end.end() :] if end else ""
    return line if rest == line.strip() else rest


def before_courtesies(line: str) -> str:
    """The line without the pleasantry sentences it ends with ("" when it is only those)."""
    tail = _WORD.findall(line[-24:])
    if not tail or tail[-1].casefold() not in COURTESY:
        return line
    parts = _SENTENCE_END.split(line.strip())
    at = len(parts)
    while at > 0 and courtesy(parts[at - 1]):
        at -= 1
    return line if at == len(parts) else " ".join(parts[:at])


def only_greeting(text: str) -> bool:
    """The text is an opening greeting ("Hi Stockroom support,") followed by nothing but
    pleasantries and thanks ("thanks!", "Hope you're well, thank you", "merci !"), or those
    alone, as they are once ``message_body`` has dropped the greeting ("Vielen Dank!", "Hope
    you are well. Thanks in advance!"): it says nothing a theme could be about. A
    greeting alone says nothing either when a mark or a line's end closes whom it greets; one
    that runs on ("Hi reorder points are wrong") may be the message."""
    folded = text.casefold()
    clause = _GREETING_CLAUSE.match(folded)
    if clause is None or not _greets(*clause.groups()[:3]):
        return _thanks(_WORD.findall(folded))
    rest = _WORD.findall(folded[clause.end() :])
    if not rest:  # a greeting alone: closed, or greeting no one by name ("Hi team")
        return bool(clause.group(4)) or all(w in COURTESY for w in _WORD.findall(clause.group(3)))
    return _thanks(rest)


def _thanks(words: list[str]) -> bool:
    """The words are pleasantries' or thanks', and thank or wish well."""
    return (
        bool(words)
        and all(w in COURTESY or w in THANKS for w in words)  # most texts: at their first word
        and any(w in _THANKFUL for w in words)
    )


def _greets(good: str | None, word: str, address: str) -> bool:
    """A greeting's word ("Hi", "Bonjour"), or a time of day after "Good" or "Guten" or
    before whom it greets in pleasantries' words ("Morning all")."""
    if word in GREETING and not good:
        return True
    return word in TIME_OF_DAY and (
        good is not None or all(w in COURTESY for w in _WORD.findall(address))
    )
