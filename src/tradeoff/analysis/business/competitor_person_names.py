"""Where a competitor named like a person is a person: "Our receptionist Jane".

A clinic product's rival Jane (jane.app) is a first name: a QA round's tickets counted 14
of its 20 mentions from people ("Our receptionist Jane spent the whole morning phoning
patients", "Jane at the front desk noticed it first", "Jane aus der Anmeldung hat es
bemerkt"). Rivals are named so in every trade (Ada, Otto, Rosie, Maya, Bob), so a name that
is a common first name (``competitor_first_names``: a list, since nothing in one text
tells a first name from a brand, and the workspace's capitals do not either — both are
capitalised) is read by the words right around it, in every language the product reads:

- **a person** with a role, a relation or a title right before it ("our receptionist
  Jane", "my colleague", "Dr.", "Mrs", "Frau", "Mme", "la recepcionista"), a greeting ("Hi
  Jane") or a sign-off ("Thanks, Jane" at a line's end), the desk or the team it works in
  right after it ("Jane at the front desk", "Jane from support", "Jane aus der
  Anmeldung", "Jane de l'accueil", "Jane van de receptie"; a team a product also has only
  with an article: "Jane in our support team", not "Jane on billing is simpler"), someone
  from an organisation where the sentence has no product's words ("Jane from Cliniko
  called"; not "Jane from Australia has better pricing"), a role after a comma ("Jane, our
  practice manager"), a person's verb right after it ("Jane noticed", "said", "spent", "is
  off sick", "hat es bemerkt", "a remarqué", "dijo"; not "Jane is off the shortlist"), or
  a surname ("Jane Smith": a capitalised word that is no function word, no company's word
  and no rival's name — "Jane Healthcare", "Jane Cliniko and Semble" — in a sentence not
  written in title case; not in German, which capitalises every noun);
- **the product** wherever its words show one, and they win over a person's: a word of
  moving, choosing or comparing right before it ("switched to Jane", "moved from Jane":
  ``competitor_product_words``), one of using it ("we use Jane at reception", "clinics on
  Jane"), a web address ("jane.app"), or its possessive with a product's part ("Jane's
  booking widget"). Without a person's words the name is the
  product, as before ("Jane is cheaper", "Cliniko, Jane and Semble", "Jane App").

Only the words right around the name count: a person's words further off ("Jane said
Cliniko is cheaper") say nothing of Jane, and a company's words for a name that is no
first name are never read so ("Doctolib said the fix ships Monday").
"""

from __future__ import annotations

import re
from collections.abc import Collection

from tradeoff.analysis.business import competitor_product_words as product_words
from tradeoff.analysis.business.competitor_first_names import FIRST_NAMES
from tradeoff.analysis.business.competitor_word_shapes import NOUNS_CAPITALISED
from tradeoff.analysis.text.language import ENGLISH
from tradeoff.domain.names import LEGAL_SUFFIXES, fold

#: Roles and relations a person has, in every language read (a role, not a team).
_ROLES = (
    r"receptionists?|colleagues?|co-?workers?|(?:practice |office |clinic )?managers?|"
    r"secretary|assistants?|admins?|administrators?|nurses?|hygienists?|dentists?|physios?|"
    r"physiotherapists?|therapists?|doctors?|owners?|boss|wife|husband|daughter|son|mum|mom|"
    r"mother|father|dad|sister|brother|friends?|director|accountant|bookkeeper|intern|locum|"
    r"practitioners?|clinicians?|patients?|team lead|"
    r"kollegin|kollege|rezeptionistin|empfangsdame|praxismanagerin|praxismanager|"
    r"sekret[äa]rin|assistentin|arzthelferin|helferin|chefin|chef|mitarbeiterin|"
    r"[äa]rztin|patientin|"
    r"coll[èe]gue|r[ée]ceptionniste|secr[ée]taire|assistante|g[ée]rante|infirmi[èe]re|"
    r"compa[ñn]era|compa[ñn]ero|recepcionista|secretaria|asistente|gerente|enfermera|doctora|"
    r"collega|segretaria|assistente|infermiera|dottoressa|colega|secret[áa]ria|enfermeira|"
    r"doutora|receptioniste|secretaresse|praktijkmanager|kole[żz]anka|kolega|recepcjonistka|"
    r"kollega|receptionisten"
)
#: Titles written before a name, with or without a full stop.
_TITLES = (
    r"dr|mrs|mr|ms|miss|prof|frau|herr|fr|hr|mme|mlle|madame|monsieur|sra|srta|sr|se[ñn]ora|"
    r"se[ñn]or|do[ñn]a|signora|signor|sig\.ra|dott\.ssa|senhora|dona|mevrouw|mevr|meneer|"
    r"dhr|pani|pan|fru"
)
_SALUTES = r"hi|hello|hey|dear|hallo|liebe|lieber|bonjour|hola|ciao|ol[áa]|hoi|hej|cze[śs][ćc]"
#: Sign-offs: the name after one ends its line.
_SIGN_OFFS = (
    r"thanks|thank you|cheers|many thanks|best|best wishes|kind regards|regards|danke|"
    r"viele gr[üu][ßs]e|gr[üu][ßs]e|merci|cordialement|saludos|gracias|grazie|un saluto|"
    r"obrigad[oa]|groeten|bedankt|pozdrawiam|dzi[ęe]kuj[ęe]|tack|h[äa]lsningar"
)
#: A role, a title or a greeting right before the name ("our receptionist Jane", "Dr.
#: Jane", "Hi Jane"), a comma between allowed.
_BEFORE = re.compile(
    rf"(?<![\w-])(?:(?:{_ROLES})|(?:{_TITLES})\.?|(?:{_SALUTES}))[ \t]*,?[ \t]*$",
    re.IGNORECASE,
)
#: Where a person works, after a preposition of each language: "at the front desk",
#: "aus der Anmeldung", "de l'accueil", "de recepción", "dalla segreteria", "van de receptie".
_PLACES = (
    r"front desk|desk|reception|front|front office|support|accounts|billing|admin|helpdesk|"
    r"anmeldung|rezeption|empfang|verwaltung|buchhaltung|abrechnung|tresen|theke|accueil|"
    r"r[ée]ception|secr[ée]tariat|comptabilit[ée]|compta|standard|recepci[óo]n|mostrador|"
    r"administraci[óo]n|soporte|contabilidad|accettazione|segreteria|amministrazione|"
    r"contabilit[àa]|recep[çc][ãa]o|rece[çc][ãa]o|secretaria|administra[çc][ãa]o|receptie|"
    r"balie|administratie|boekhouding|recepcji|rejestracji|administracji|receptionen|kassan|"
    r"expeditionen"
)
_PREPOSITIONS = (
    r"at|from|in|on|of|aus|von|vom|am|an|im|bei|beim|de|du|des|à|au|del|en|desde|della|"
    r"dell['’]|alla|all['’]|dalla|dall['’]|da|do|na|no|van|aan|bij|op|z|i|fr[åa]n|p[åa]"
)
_ARTICLES = r"the|our|my|their|der|dem|den|die|das|unserer|unserem|l['’]|la|le|el|lo|het|de"
_AT_A_PLACE = re.compile(
    rf"[ \t]+(?:{_PREPOSITIONS})(?:[ \t]+|(?<=['’]))(?:(?:{_ARTICLES})(?:[ \t]+|(?<=['’])))?"
    rf"(?:{_PLACES})(?!\w)",
    re.IGNORECASE,
)
#: Teams a product also has: "Jane on billing is simpler" is the product's billing, "Jane
#: in our support team" a person; so after "on" or "in" these are a place only with an
#: article or a possessive.
_BARE_TEAM = re.compile(r"[ \t]+(?:on|in)[ \t]+(?:support|accounts|billing)(?!\w)", re.IGNORECASE)
#: "Jane from Cliniko": a person from another organisation.
_FROM_A_NAME = re.compile(r"[ \t]+(?:from|aus|von|de|da|van|z|fr[åa]n)[ \t]+[A-Z]\w+")
#: A product's words in the sentence: "Jane from Australia has better pricing" is the
#: product from a country, not a person from an organisation.
_PRODUCT_CUE = re.compile(
    r"(?<!\w)(?:cheap\w*|expensive|pricey|pric(?:e|es|ed|ing)|costs?|better|worse|"
    r"features?|integrat\w*|plans?|subscriptions?|simpler|easier|faster|slower|"
    r"billig\w*|teurer|teuer|preis\w*|moins cher|plus cher|prix|tarifs?|m[áa]s barato|"
    r"precios?|pi[uù] economico|prezzo|goedkoper|duurder|prijs)(?!\w)",
    re.IGNORECASE,
)
#: "Jane, our practice manager": a role after a comma.
_ROLE_AFTER = re.compile(
    rf"[ \t]*,[ \t]*(?:our|my|the|their|unsere|notre|nuestra|nuestro|la|il|a|onze)[ \t]+"
    rf"(?:{_ROLES})(?!\w)",
    re.IGNORECASE,
)
#: A person's verbs right after the name, an adverb between allowed.
_ADVERBS = r"already|also|just|then|first|finally|actually|herself|himself|again|even"
_VERBS = (
    r"noticed|spotted|said|says|told|tells|asked|asks|mentioned|spent|phoned|rang|thinks|"
    r"thought|realised|realized|complained|explained|forgot|remembered|reckons|wondered|"
    r"noted|reported|flagged|found out|had to|has to|called in sick|"
    r"(?:is|was|'s) off (?:today|tomorrow|yesterday|sick|ill|work|on leave|this week|"
    r"next week|last week|this afternoon|this morning|until|till|for (?:the|a|two|three))|"
    r"is on (?:holiday|leave|vacation|maternity leave)|"
    r"hat (?:es |das |gestern |heute )?(?:bemerkt|gemerkt|gesagt|gefragt|angerufen|gemeldet|"
    r"erw[äa]hnt)|bemerkte|merkte|sagte|meinte|fragte|meldete|erw[äa]hnte|"
    r"a (?:remarqu[ée]|dit|demand[ée]|appel[ée]|signal[ée]|not[ée]|pass[ée])|"
    r"dijo|not[óo]|se dio cuenta|llam[óo]|pregunt[óo]|coment[óo]|pas[óo]|"
    r"ha (?:notato|detto|chiamato|chiesto|segnalato|passato)|not[òo]|disse|"
    r"notou|ligou|perguntou|comentou|passou|percebeu|"
    r"merkte|zag|zei|zegt|belde|vroeg|heeft (?:het )?(?:gemerkt|gezien|gezegd|gevraagd|gebeld)|"
    r"zauwa[żz]y[łl]a|powiedzia[łl]a|zadzwoni[łl]a|m[äa]rkte|sade|ringde"
)
_ACTS = re.compile(rf"(?:[ \t]+(?:{_ADVERBS}))*[ \t]+(?:{_VERBS})(?!\w)", re.IGNORECASE)
#: A surname: a capitalised word right after the name.
_SURNAME = re.compile(r" ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w.-])")
#: Another name listed after a surname's word: "Jane Cliniko and Semble", "Jane Cliniko,
#: Semble": names of products when the next one is no first name ("Jane Smith and Tom").
_LISTED = re.compile(r"[ \t]*(?:,|&|and|or|und|et|y|e|en)[ \t]+([A-Z][\w-]+)")
#: A sign-off's name ends its line: "Thanks, Jane\n".
_LINE_END = re.compile(r"[ \t]*[,.!]?[ \t]*(?:\n|$)")
_SIGN_OFF = re.compile(rf"(?<![\w-])(?:{_SIGN_OFFS})[ \t]*,?[ \t]*\n?[ \t]*$", re.IGNORECASE)
#: Parts of a product after its possessive: "Jane's booking widget".
_PRODUCT_PART = re.compile(
    r"['’]s[ \t]+(?:\w+[ \t]+)?(?:app|widget|booking|calendar|software|pricing|prices?|"
    r"plans?|system|platform|integration|features?|module|portal|notes|reminders|"
    r"invoicing|billing|support team|website|site|api|sync)(?!\w)",
    re.IGNORECASE,
)
#: Capitalised words after a name that a product's name takes, no surname: "Jane App".
_NO_SURNAME = (
    frozenset(
        {"app", "apps", "pro", "plus", "online", "go", "cloud", "payments", "pay", "health"}
        | {"software", "booking", "bookings", "system", "systems", "suite", "hub", "desk"}
        | {"web", "mobile", "lite", "max", "business", "practice", "clinic", "ai"}
        | {"healthcare", "medical", "med", "care", "labs", "lab", "tech", "technologies"}
        | {"group", "solutions", "digital", "platform", "clinics", "dental", "practices"}
    )
    | LEGAL_SUFFIXES
)
#: Using the product right before its name: "we use Jane at reception", "clinics on Jane".
_USED_BEFORE = re.compile(
    r"(?<!\w)(?:use|uses|used|using|run|runs|ran|running|via|through|on|onto|off)"
    r"(?:[ \t]+(?:the|our|their))?[ \t]+$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]{3,}")


def first_name(key: str) -> bool:
    """Whether the folded competitor name is a common first name (one word)."""
    return key in FIRST_NAMES


def read_as_person(
    text: str,
    start: int,
    end: int,
    languages: Collection[str],
    rivals: Collection[str] = (),
) -> bool:
    """Whether the first name at ``text[start:end]`` names a person, not the product: a
    person's words right around it and no product's words (see the module's doc).
    ``rivals``: the workspace's competitor names, folded; none is read as a surname
    ("Jane Cliniko and Semble": two rivals).

    >>> read_as_person("Our receptionist Jane spent the morning.", 17, 21, ["en"])
    True
    >>> read_as_person("We switched to Jane at the front desk.", 15, 19, ["en"])
    False
    """
    before, after = text[max(0, start - 120) : start], text[end : end + 120]
    if _a_product(before, after, languages):
        return False
    if _BEFORE.search(before) or _ROLE_AFTER.match(after):
        return True
    if _SIGN_OFF.search(before) and _LINE_END.match(after):
        return True  # "Thanks,\nJane"
    if _AT_A_PLACE.match(after) and not _BARE_TEAM.match(after):
        return True  # "Jane at the front desk", "Jane in our support team"
    if _FROM_A_NAME.match(after) and not _PRODUCT_CUE.search(_sentence(text, end)):
        return True  # "Jane from Cliniko called"; not "Jane from Australia is cheaper"
    if _ACTS.match(after):
        return True
    return _surname(text, end, after, languages, rivals)


def _a_product(before: str, after: str, languages: Collection[str]) -> bool:
    """Whether the words right around the name show the product."""
    if product_words.before(before, languages):
        return True  # "switched to Jane", "moved from Jane"
    if product_words.written_as_product(after, possessive=False):
        return True  # "jane.app"
    if _USED_BEFORE.search(before):
        return True  # "we use Jane at reception"
    return _PRODUCT_PART.match(after) is not None


def _sentence(text: str, end: int) -> str:
    """The sentence (or line) the name ending at ``end`` stands in."""
    line_start = max(text.rfind(mark, 0, end) for mark in ".!?\n") + 1
    line_end = min((at for mark in ".!?\n" if (at := text.find(mark, end)) >= 0), default=len(text))
    return text[line_start:line_end]


def _surname(
    text: str, end: int, after: str, languages: Collection[str], rivals: Collection[str]
) -> bool:
    """Whether a surname follows the name: a capitalised word that is no function word, no
    company's word ("Healthcare", "Inc") and no rival's name, in a sentence not in title
    case, in a language whose capitals mark names."""
    if any(code in NOUNS_CAPITALISED for code in languages):
        return False
    found = _SURNAME.match(after)
    if found is None or found.group(1).casefold() in ENGLISH | _NO_SURNAME:
        return False
    word = fold(found.group(1))
    if word in rivals or any(key.startswith(word + " ") for key in rivals):
        return False  # "Jane Cliniko and Semble": another rival, no surname
    listed = _LISTED.match(after, found.end())
    if listed is not None and fold(listed.group(1)) not in FIRST_NAMES:
        return False  # "Jane Cliniko and Semble": a list of names that are no people's
    words = _WORD.findall(_sentence(text, end))
    capitalised = sum(1 for word in words if word[0].isupper())
    return len(words) < 4 or capitalised < 0.75 * len(words)
