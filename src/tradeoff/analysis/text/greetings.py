"""How an email opens: the greeting line ``message.message_body`` drops, and the short
greeting clause it cuts from the message's first line.

A greeting's own words are ``courtesy.GREETING`` (one list for both modules: "Hi",
"Bonjour", "Hallo", "Hej", "Witam"…); the greetings of more than one word are spelled here
("Good morning", "Guten Tag", "Buenos días", "Bom dia", "Sehr geehrte", "Dzień dobry",
"Szanowni Państwo", "God morgon"). "Dzień" alone is a day and "God" a god: each greets
only with the word after it, so "Dzień po aktualizacji, aplikacja…" stays. A QA corpus's
Polish and Swedish tickets kept "Dzień dobry," and "Hej hej," in their quotes, and theme
names were made of them.

    >>> bool(GREETING_LINE.match("Dzień dobry,")), bool(GREETING_LINE.match("Hej hej,"))
    (True, True)
"""

from __future__ import annotations

import re

from tradeoff.analysis.text.courtesy import GREETING

# "Buenos"/"Buenas" greet only before the time of day.
_GREETING_WORD = "|".join(sorted(GREETING - {"buenos", "buenas"}, key=lambda w: (-len(w), w)))
# A bare "Morning" greets only before "all", "team"… or a comma: "Morning reports are
# empty" is a complaint.
_GREETING = (
    rf"({_GREETING_WORD}|good\s+(morning|afternoon|evening|day)"
    r"|(morning|afternoon|evening)(?=\s+(all|team|everyone|folks|guys|y'all|there)\b|\s*[,!])"
    r"|to\s+whom\s+it\s+may\s+concern|guten\s+(morgen|tag)"
    r"|buen[oa]s\s+(días|dias|tardes)|bom\s+dia|boa\s+(tarde|noite)|sehr\s+geehrte[rs]?"
    r"|dzień\s+dobry|dobry\s+wieczór|szanown[iya]\s+(państwo|panie|pani)"
    r"|god\s+(morgon|middag|kväll|dag|morgen|aften)|dobrý\s+den)"
)
#: An opening line that is only a greeting. "Dear Sir/Madam,", "Hi there 👋": a greeting's
#: words may hold a slash, and emoji or other symbols may close it. "Dear Haulwise Customer
#: Support Team,": a longer address closes with a comma or colon.
GREETING_LINE = re.compile(
    rf"^\s*{_GREETING}\b((\s+[\w.'/-]+){{0,3}}(\s*[^\w\s]+)*|(\s+[\w.'/&-]+){{4,5}}\s*[,:])\s*$",
    re.IGNORECASE,
)
#: A greeting clause of at most three words before a comma that opens the message ("Hi
#: there, my card…").
GREETING_CLAUSE = re.compile(rf"^\s*{_GREETING}\b(\s+[\w.'/-]+){{0,2}}\s*[,!:]\s*", re.IGNORECASE)
