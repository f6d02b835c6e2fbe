"""How an email signs off, in the languages customers write: the line ``message_body`` cuts
a signature from, and the device and mail-app footers it drops.

A QA corpus's Italian tickets kept "Cordiali saluti, / Chiara Romano / Osteria La Pergola ·
www…" in 27 of 40 quotes while English and Dutch ones were clean: the sign-off was known in
English and in a few words of other languages only. So each language's closings are listed
here side by side, in the same two parts:

- **thanks**, perhaps strengthened ("many thanks", "grazie mille", "muchas gracias", "vielen
  Dank", "alvast bedankt", "merci d'avance", "muito obrigado");
- **regards and wishes** ("Best regards", "Cordiali saluti", "Un saluto", "Buona giornata",
  "Saludos cordiales", "Atentamente", "Atenciosamente", "Cordialement", "Bien à vous", "Mit
  freundlichen Grüßen", "Viele Grüße", "Met vriendelijke groet", "Groetjes").

A sign-off line is one of those, or two joined by a comma or an "and" ("Thanks and
regards", "Grazie e buon lavoro", "Merci et bonne journée", "Danke und viele Grüße"),
followed by at most three words (a name: "Cheers, Dana"), or a closing formula of its own
("Veuillez agréer… salutations distinguées", "In attesa di un vostro riscontro").
Abbreviations that are also names ("LG", "VG", "GR") are left out: "LG display" is a
screen.

A **device footer** is what a phone or a mail app appends: "Sent from my iPhone", "Inviato
da iPhone", "Enviado desde mi Samsung", "Enviado do meu iPhone", "Envoyé de mon iPad",
"Von meinem iPhone gesendet", "Verzonden vanaf mijn iPhone", "Get Outlook for iOS",
"Scarica Outlook per Android".

    >>> lines = ("Cordiali saluti,", "Grazie e buon lavoro", "Grazie, ma la cassa è offline")
    >>> [bool(SIGN_OFF.match(line)) for line in lines]
    [True, True, False]
    >>> bool(DEVICE_FOOTER.match("Inviato da iPhone"))
    True
"""

from __future__ import annotations

import re

#: Thanks in each language, with what strengthens it.
_THANKS = {
    "en": r"""(many\s+|kind\s+|best\s+|warm\s+|warmest\s+|with\s+)?(thanks|thank\s+you|thx|tia)
        (\s+(again|so\s+much|very\s+much|in\s+advance|a\s+lot))?""",
    "it": r"""(mille\s+|tante\s+)?grazie(\s+(mille|tante|ancora|infinite|di\s+tutto
        |in\s+anticipo|anticipatamente))? | (vi|ti|la)\s+ringrazio(\s+(molto|anticipatamente))?
        | ringraziando(vi|la)?(\s+anticipatamente)? | ringrazio(\s+anticipatamente)?""",
    "es": r"""(muchas\s+|mil\s+)?gracias(\s+(de\s+antemano|por\s+adelantado|de\s+nuevo
        |otra\s+vez|por\s+todo))?""",
    "pt": r"""(muito\s+)?(obrigad[oa]s?|grat[oa])(\s+(desde\s+já|antecipadamente|mais\s+uma\s+vez))?
        | agradeço(\s+desde\s+já)?""",
    "fr": r"""merci(\s+(beaucoup|encore|bien|infiniment))?(\s+(d['’]avance|par\s+avance))?""",
    "de": r"""(vielen|besten|herzlichen|tausend)\s+dank(\s+(im\s+voraus|vorab))?
        | danke(\s+(schön|sehr|vielmals|im\s+voraus|vorab))?""",
    "nl": r"""(alvast\s+|hartelijk\s+|heel\s+erg\s+|erg\s+)?bedankt(\s+alvast)?
        | (hartelijk\s+)?dank(\s+(je|u|jullie))?(\s+wel)?(\s+alvast)? | bij\s+voorbaat\s+dank""",
}
#: Regards and wishes in each language.
_CLOSINGS = {
    "en": r"""(best|kind|warm|warmest|kindest)(\s+(regards|wishes))? | warmly
        | respectfully(\s+yours)? | regards | cheers | sincerely | yours(\s+(truly|sincerely))?
        | all\s+the\s+best | take\s+care | talk\s+soon | speak\s+soon | appreciate\s+it | br""",
    "it": r"""((cordiali|distinti|cari|tanti|migliori|con\s+i\s+migliori)\s+)?saluti
        (\s+cordiali)? | (un\s+)?(caro\s+|cordiale\s+)?saluto | cordialmente
        | buon[ao]?\s+(giornata|serata|lavoro|weekend|fine\s+settimana|continuazione
        |proseguimento|domenica) | a\s+presto | un\s+abbraccio""",
    "es": r"""(un\s+)?(cordial\s+)?saludos?(\s+cordiales)? | (muy\s+)?atentamente | cordialmente
        | un\s+(fuerte\s+)?abrazo | que\s+tengas?\s+(un\s+)?buen\s+día
        | quedo\s+(atent[oa]|a\s+la\s+espera)""",
    "pt": r"""atenciosamente | ((melhores|com\s+os\s+melhores)\s+)?cumprimentos | cordialmente
        | (um\s+)?abraço | abraços | saudações | att(?=\s*[.,])""",
    "fr": r"""(bien\s+)?cordialement | bien\s+(à\s+vous|à\s+toi|amicalement)
        | ((sincères|meilleures|cordiales)\s+)?salutations(\s+distinguées)? | amicalement
        | à\s+bientôt | bonne\s+(journée|soirée|fin\s+de\s+journée|semaine)""",
    "de": r"""(mit\s+)?((freundlichen|besten|herzlichen|lieben|vielen|schönen)\s+)?(grüßen|grüssen)
        | ((freundliche|beste|liebe|viele|herzliche|schöne)\s+)?(grüße|grüsse|gruß|gruss)
        | mfg | schönen\s+tag(\s+noch)?""",
    "nl": r"""((met\s+)?(vriendelijke|hartelijke|beste)\s+)?groet(en)? | met\s+groet | groetjes
        | mvg | fijne\s+dag | prettige\s+dag""",
}
#: What may join two parts of a sign-off: "and" in each language, or a comma.
_AND = r"(\s*,\s*|\s+(and|&|e|y|et|und|en)\s+|\s+)"
_PART = "|".join(f"{_THANKS[code]} | {_CLOSINGS[code]}" for code in _THANKS)
#: Formulas that close a letter whole, longer than a sign-off ("Je vous prie d'agréer, Madame,
#: l'expression de mes salutations distinguées.", "In attesa di un vostro cortese riscontro,
#: porgo distinti saluti."), but not a sentence that goes on ("In attesa di una vostra
#: risposta la cassa resta bloccata e perdiamo clienti ogni sera").
_FORMULA = r"""(je\s+vous\s+prie\s+d['’]|veuillez\s+)agréer\b.{0,120}
        \b(salutations|sentiments|considération)\b.{0,30}
    | ((resto|rimango|restiamo|rimaniamo)\s+)?in\s+attesa\s+di\s+(un[a']?\s+)?
        (vostr[oa]|su[oa]|tu[oa])\s+((cortese|gentile|gradit[oa])\s+)?(riscontro|risposta)\b
        (\s*[,.]?\s*[\w']+){0,5}\s*[.!]?"""
SIGN_OFF = re.compile(
    rf"""^\s*(
        (({_PART}) ({_AND}({_PART}))?)
        \s*[,.!]*(\s+[\w.'’-]+){{0,3}}\s*[,.!]?
        | {_FORMULA}
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

#: The words a sign-off can open with: those the patterns above spell first in a branch or
#: after an optional group, without their optional endings and letter classes ("saludos?"
#: spells "saludo", "obrigad[oa]" "obrigad"). A line whose first word is none of them, nor
#: starts with one of four letters or more, is no sign-off, told by a few set lookups: most
#: lines are not, and the whole pattern costs six times the English one it replaced.
_SPELLED_SOURCE = re.sub(
    r"(?<=[^\W\d_])[^\W\d_]\?",  # an optional last letter: "saludos?"
    "",
    re.sub(
        r"\[[^\]]*\]\??",  # a letter class: "obrigad[oa]"
        "",
        re.sub(r"\\.", "~", "|".join([*_THANKS.values(), *_CLOSINGS.values(), _FORMULA]).lower()),
    ),
)
_OPENERS = frozenset(re.findall(r"(?:^|[|(?])\s*([^\W\d_]+)", _SPELLED_SOURCE))
_FIRST_WORD = re.compile(r"\s*([^\W\d_]+)")


def sign_off(line: str) -> bool:
    """The line is a sign-off (``SIGN_OFF``): "Thanks,", "Cordiali saluti,", "Cheers, Dana"."""
    first = _FIRST_WORD.match(line)
    if first is None:
        return False
    word = first.group(1).lower()
    opens = word in _OPENERS or any(word[:end] in _OPENERS for end in range(4, len(word)))
    return opens and SIGN_OFF.match(line) is not None


#: Where a phone or mail app says it sent the message, with "my" or a device or app's name.
_DEVICE = r"""(iphone|ipad|android|galaxy|samsung|smartphone|blackberry|mobile|tablet|outlook
    |mail|gmail|yahoo|posta|cellulare|telefono|móvil|movil|celular|teléfono|telemóvel
    |portable|handy|telefoon|mobiel)"""
DEVICE_FOOTER = re.compile(
    rf"""^\s*(
        sent\s+(from|via)\s+my\s+\S.* | sent\s+from\s+(outlook|mail|yahoo|gmail)\b.*
        | sent\s+(from|via)\s+(the\s+|an?\s+)?.{{0,60}}\b(iphone|ipad|android|galaxy|smartphone
            |blackberry|mobile|tablet)\b.{{0,40}}
        | get\s+outlook\s+for\s+\S.*
        | von\s+meinem\s+\S.*\s+gesendet
        | gesendet\s+(von|mit)\s+(meinem\s+)?.{{0,40}}\b{_DEVICE}\b.*
        | envoyé\s+(de|depuis)\s+mon\s+\S.*
        | (inviato|enviado|verzonden|verstuurd)\s+(da|dal|dalla|dal\s+mio|desde|do|da|de|com|met
            |vanaf|via|con)\s+.{{0,40}}\b{_DEVICE}\b.{{0,40}}
        | (scarica|ottieni|obtener|obtenga|descarga|descargar|obter|obtenha|baixe|baixar
            |télécharger|téléchargez|obtenir|obtenez|download)\s+(l['’]\s*)?(app\s+)?outlook\s+\S.*
        | outlook\s+(für|voor)\s+\S+(\s+(beziehen|downloaden|herunterladen))?
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
