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

Polish, Swedish, Danish, Norwegian and Finnish were added the same way when a QA corpus's
quotes kept "Pozdrawiam, / Agnieszka Nowak / Kierownik gabinetu | … / Tel: +48 …" and
"Med vänliga hälsningar," in 8 of 10 ("Z poważaniem", "Dziękuję i pozdrawiam", "MVH", "Tack
på förhand", "Med venlig hilsen", "Med vennlig hilsen", "Ystävällisin terveisin"). Bare
"Tak" is left out: in Polish it is "yes".

A sign-off line is one of those, or two joined by a comma or an "and" ("Thanks and
regards", "Grazie e buon lavoro", "Merci et bonne journée", "Danke und viele Grüße"),
followed by at most three words (a name: "Cheers, Dana"), or a closing formula of its own
("Veuillez agréer… salutations distinguées", "In attesa di un vostro riscontro").
Emoji or other symbols may follow ("Best wishes, 😡", "Pozdrawiam 🙏"), a question mark
or colon may not ("Thanks?"). Abbreviations that are also names ("LG", "VG", "GR") are
left out: "LG display" is a screen.

A **device footer** is what a phone or a mail app appends: "Sent from my iPhone", "Inviato
da iPhone", "Enviado desde mi Samsung", "Enviado do meu iPhone", "Envoyé de mon iPad",
"Von meinem iPhone gesendet", "Verzonden vanaf mijn iPhone", "Get Outlook for iOS",
"Scarica Outlook per Android". Its line ends at the device or app, after at most a model,
an app or system ("for iOS", "Mail", "per Android"), a dash and a carrier, a link or a
"please excuse typos": a clause after it is the customer's message ("Inviato da iPhone ma
anche da Android il login fallisce sempre.", "Sent from my iPhone but the iPad app also
crashes") and stays.

    >>> lines = ("Cordiali saluti,", "Grazie e buon lavoro", "Grazie, ma la cassa è offline")
    >>> [bool(SIGN_OFF.match(line)) for line in lines]
    [True, True, False]
    >>> footers = ("Inviato da iPhone", "Enviado desde mi iPhone, y en Android tampoco funciona")
    >>> [bool(DEVICE_FOOTER.match(line)) for line in footers]
    [True, False]
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
    "pl": r"""((z\s+góry|bardzo|serdecznie|jeszcze\s+raz)\s+)?(dziękuję|dziękujemy
        |dzięki(?!\s+(temu|czemu|któremu)\b))  # "dzięki temu": thanks to this, no thanks
        (\s+(bardzo|serdecznie|z\s+góry|za\s+pomoc|za\s+odpowiedź))? | wielkie\s+dzięki""",
    "sv": r"""(stort\s+|tusen\s+)?tack(\s+(så\s+mycket|på\s+förhand|i\s+förväg|igen
        |för\s+hjälpen))?""",
    "da": r"""(mange|på\s+forhånd|tusen)\s+takk? | takk(\s+(for\s+hjelpen|på\s+forhånd|igjen))?
        | tak\s+(for\s+hjælpen|på\s+forhånd|igen)""",
    "fi": r"""(kiitos|kiittäen)(\s+(paljon|etukäteen|avusta))?""",
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
    "pl": r"""((serdecznie|serdeczne|gorąco)\s+)?pozdrawiam(\s+(serdecznie|gorąco))?
        | ((serdeczne|łączę|najlepsze)\s+)?pozdrowienia | z\s+(poważaniem|wyrazami\s+szacunku)
        | miłego\s+dnia | pozdr""",
    "sv": r"""((med\s+)?(vänliga|vänlig|bästa|varma|många)\s+)?hälsningar? | mvh
        | ha\s+en\s+(bra|trevlig|fin)\s+dag""",
    "da": r"""((med\s+)?(venlig|vennlig|venligst|bedste|beste|mange)\s+)?(hilsen|hilsner)""",
    "fi": r"""(ystävällisin\s+|parhain\s+)?terveisin""",
}
#: What may join two parts of a sign-off: "and" in each language, or a comma.
_AND = r"(\s*,\s*|\s+(and|&|e|y|et|und|en|i|oraz|och|og|ja)\s+|\s+)"
_PART = "|".join(f"{_THANKS[code]} | {_CLOSINGS[code]}" for code in _THANKS)
#: Emoji or other symbols after a sign-off ("Best wishes, 😡", "Pozdrawiam 🙏"): still one.
#: A question mark or colon is not among them: "Thanks?" asks, "Thanks: the export…" goes on.
_SYMBOLS = r"[^\w?:;\n]*"
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
    ){_SYMBOLS}\s*$""",
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


#: A phone, mail app or system a footer names: "iPhone", "Samsung", "Outlook", "Posta".
_DEVICE = r"""(iphone|ipad|android|galaxy|samsung|huawei|xiaomi|pixel|xperia|smartphone
    |blackberry|mobile|tablet|outlook|mail|gmail|yahoo|posta|correo|courrier|cellulare
    |telefono|móvil|movil|celular|teléfono|telemóvel|portable|handy|telefoon|mobiel
    |dispositivo|appareil|device|phone|iphone['’]a|smartfona|telefonu|komórki|telefonen
    |mobilen|mobil)"""
#: The other words a footer is written with, lower case: what a device is ("smartphone",
#: "wireless device", "réseau"), the app or system it runs ("Mail for Windows", "per iOS"),
#: and the little words between ("on the Vodafone network", "dal mio", "de mon"). No verb
#: and no "but", "ma", "y", "aber": a line that goes on with one is a message, "Sent from my
#: iPhone but the iPad app also crashes" is a complaint.
_FOOTER_WORD = r"""(smartphone|phone|cellphone|device|wireless|handheld|tablet|mobile|app|apps
    |application|applicazione|aplicación|aplicativo|aplicação|mail|e-?mail|ios
    |android|windows|mac|macos|os|network|rete|red|rede|réseau|netz|netzwerk|netwerk
    |dispositivo|telefono|cellulare|móvil|movil|celular|teléfono|telemóvel|appareil
    |téléphone|portable|mobiel|telefoon|handy|gerät|apparaat|toestel|posta|correo|courrier
    |for|per|para|pour|für|voor|on|su|em|sur|auf|op|via|with|from|con|com|avec|mit|met|by
    |the|an?|de|di|del|della|do|da|el|la|il|lo|le|les|der|die|das|dem|het|een|um|uma|un|una
    |une|my|mio|mia|mi|meu|minha|mon|ma|mijn|meinem|meiner)"""
#: One word of a footer: a device or one of the words above, a brand, model or carrier as
#: it is spelled (a capital or a digit: "Vodafone", "12", "S21", "AT&T", "Xperia™"; a
#: full stop ends it, so "Sent from my iPhone. Same on Android." is a message), or a link
#: ("Get Outlook for iOS <https://aka.ms/o0ukef>").
_TOKEN = rf"""({_DEVICE}|{_FOOTER_WORD}|(?-i:[A-Z0-9]|[a-z][A-Z])([\w®™&+'’-]|\.(?=\w))*
    |<[^>\s]+>|\(?https?://[^\s)]+\)?)(?![\w®™&+'’-])"""
#: Between two words of a footer: spaces, or a dash, comma or bar before a carrier.
_SEP = r"(\s*[-–—,|/·•]\s*|\s+)"
#: "Please excuse typos" after a footer, in seven languages: part of it, not a message.
_EXCUSE = r"""((please\s+)?(excuse|forgive|pardon)\s+(any\s+|my\s+|the\s+)?(typos|brevity
        |errors|mistakes|spelling)|(scusate?|scusa|perdonate?)\s+(gli\s+|eventuali\s+|la\s+)?
        (errori|refusi|brevità)|(disculpa|disculpe|perdona|perdone|disculpen)\s+(los\s+|la\s+)?
        (errores|brevedad)|(desculpe?|perdoe?)\s+(os\s+|a\s+)?(erros|brevidade)
        |(excusez|pardon\s+pour)\s+(les\s+|la\s+)?(fautes|brièveté|coquilles)
        |(bitte\s+)?(entschuldigen\s+sie\s+|entschuldige\s+)?(tippfehler|die\s+kürze)
        (\s+vorbehalten)?|excuses\s+voor\s+(de\s+)?(typfouten|tikfouten|beknoptheid))"""
#: How a footer ends: its line does, after the link Outlook writes right after its name
#: ("Get Outlook for iOS<https://aka.ms/o0ukef>"), punctuation and perhaps an excuse.
_END = rf"(\s*<[^>\s]+>)?(\s*[.!,;:-]*\s*{_EXCUSE}?)?\s*[.!]*\s*$"
#: "Sent from my …", "Inviato dal mio …", "Envoyé de mon …": a possessive after "sent from"
#: names the device, whatever its name ("Sent from my Huawei P30").
_SENT = r"""(sent|inviato|inviata|enviado|envoyé|verzonden|verstuurd|gesendet|skickat|skickad
    |sendt|wysłane|wysłano|wysłana)\s+(from|via
    |with|using|on|da|dal|dalla|desde|de|do|pelo|pela|com|con|tramite|depuis|à\s+partir\s+de
    |avec|vanaf|vanuit|met|van|von|vom|mit|från|fra|z|ze)"""
_MY = r"(my|mio|mia|mi|meu|minha|mon|ma|mijn|meinem|meiner|min|mitt|mojego|mojej)"
_PHRASE = rf"{_TOKEN}({_SEP}{_TOKEN}){{0,9}}"
DEVICE_FOOTER = re.compile(
    rf"""^\s*(
        {_SENT}\s+{_MY}\s+{_PHRASE}
        | {_SENT}\s+({_TOKEN}{_SEP}){{0,4}}\b{_DEVICE}\b({_SEP}{_TOKEN}){{0,9}}
        | von\s+meinem\s+{_PHRASE}\s+gesendet
        | (get|scarica|ottieni|obtener|obtenga|descarga|descargar|obter|obtenha|baixe|baixar
            |télécharger|téléchargez|obtenir|obtenez|download)\s+(l['’]\s*|o\s+)?(app\s+)?outlook
            ({_SEP}{_TOKEN}){{0,4}}
        | outlook\s+(für|voor)\s+\S+(\s+(beziehen|downloaden|herunterladen))?
    ){_END}""",
    re.IGNORECASE | re.VERBOSE,
)
