"""What follows a common-word name that opens a sentence: a company's verb, or the word's.

A competitor whose name is also a common word ("Remote", "Square", "Toast", "Gusto",
"Sage", "Deel") is read as the product only where its words show one
(``competitor_common_words``). Inside a sentence its capital does; at a sentence's start
every word has one, so what follows the name must tell. A company or a product does
things — it runs a service, offers, charges, quotes, sells, integrates, supports, handles
the work, has an entity or customers:

- "Remote already runs their EOR in Portugal", "Square charges 2.6% per tap",
  "Toast quoted us $69 a month", "Remote has an entity in Brazil";
- "Gusto ya gestiona la nómina de la filial", "Gusto nos cotizó 6 dólares por empleado";
- "Sage verwaltet bereits unsere Lohnabrechnung", "Sage hat eine Niederlassung in Wien";

while a word is followed by the noun it qualifies, a preposition, or a verb that is no
company's: "Remote work is fine for us", "Square footage", "Toast was cold", "Gusto en
saludarles", "Sage und schreibe drei Tage", "Deel van de uren is dubbel geteld".

Verbs that are also plural nouns in English ("runs", "offers", "charges", "processes")
are the noun when a verb or "of" follows them ("Remote offers are rare this year",
"Remote runs of the import fail"), and a verb followed by when or how a thing happens is
no company's doing ("Close runs late every month", "Remote ran smoothly"). Left out on
purpose, since a word does them as often:
"is" and "was" alone ("Toast was cold"; "is cheaper" is a comparison:
``competitor_product_words``), "gives", "lets" and "allows" ("Remote gives us
flexibility"), "pays" ("Remote pays better"), "covers", and "has" with anything but what
a company has ("Remote has its drawbacks").

A capitalised name is the product wherever it stands, at a sentence's start or after
"the", when a word of a product's range follows it ("Toast POS", "Square for
Restaurants"), when it heads a list of other names, in a comparison, or with its price,
the buyer's choice, a fault in service or the buyer's sites in its clause
(``named_as_product``): "Toast was their first choice", "have the Toast in two sites".

The English words count in every item, as ``competitor_product_words`` reads them; the
other languages' in items of that language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tradeoff.analysis.business.competitor_word_shapes import opens_sentence

#: Words that may stand between the name and its verb: adverbs, clitic pronouns, negation.
_BETWEEN = {
    "en": (
        r"already|also|just|now|still|even|only|actually|currently|recently|apparently|"
        r"reportedly|supposedly|usually|typically|simply|finally|clearly|definitely|really|"
        r"never|always|often|openly|quietly"
    ),
    "es": (
        r"ya|también|tambien|todavía|todavia|aún|aun|ahora|solo|sólo|incluso|actualmente|"
        r"además|ademas|siempre|nunca|no|nos|les|le|me|te|se|lo|la|los|las"
    ),
    "pt": (
        r"já|ja|também|tambem|ainda|agora|só|so|até|ate|atualmente|sempre|nunca|não|nao|"
        r"nos|lhes|lhe|me|te|se"
    ),
    "fr": (
        r"déjà|deja|aussi|maintenant|encore|même|meme|seulement|actuellement|toujours|ne|"
        r"n['’]|nous|vous|leur|lui|me|m['’]|se|s['’]"
    ),
    "de": r"bereits|schon|auch|jetzt|nun|noch|sogar|nur|aktuell|derzeit|inzwischen|mittlerweile",
    "it": (
        r"già|gia|anche|ora|adesso|ancora|persino|solo|attualmente|sempre|mai|non|ci|vi|gli|"
        r"le|mi|ti|si"
    ),
    "nl": r"al|ook|nu|nog|zelfs|alleen|momenteel|inmiddels|altijd|nooit",
}
#: A company's or a product's verbs, right after its name (the words above aside).
_VERBS = {
    "en": (
        r"runs|ran|offers|offered|charges|charged|quotes|quoted|integrates|integrated|"
        r"supports|supported|provides|provided|sells|sold|bundles|bundled|includes|included|"
        r"handles|handled|processes|processed|hosts|hosted|manages|managed|bills|billed|"
        r"invoices|invoiced|launched|launches|released|releases|ships|shipped|undercuts?|"
        r"pitched|pitches|approached|contacted|emailed|promised|promises|sent"
    ),
    "es": (
        r"ofrece|ofreció|ofrecio|ofrecen|ofrecieron|cobra|cobró|cobro|cobran|gestiona|"
        r"gestionó|gestiono|gestionan|maneja|manejó|opera|operó|vende|vendió|vendio|venden|"
        r"incluye|incluyen|procesa|procesó|soporta|soportan|integra|cotiza|cotizó|cotizo|"
        r"factura|facturó|prometió|prometio|lanzó|lanzo|llamó|llamo|escribió|contactó"
    ),
    "pt": (
        r"oferece|ofereceu|oferecem|cobra|cobrou|cobram|gerencia|gerenciou|administra|opera|"
        r"operou|processa|processou|vende|vendeu|vendem|inclui|incluem|suporta|integra|"
        r"cotou|fatura|faturou|prometeu|lançou|lancou|ligou|contatou|contactou"
    ),
    "fr": (
        r"propose|proposait|offre|offrait|facture|facturait|gère|gere|gérait|opère|vend|"
        r"vendait|inclut|intègre|integre|héberge|traite|traitait|promet|"
        r"a (?:proposé|propose|offert|facturé|lancé|appelé|contacté|promis|envoyé)"
    ),
    "de": (
        r"bietet|bot|betreibt|verwaltet|berechnet|verlangt|kostet|unterstützt|unterstuetzt|"
        r"integriert|liefert|verkauft|übernimmt|uebernimmt|führt|fuehrt|hostet|vertreibt|"
        r"verarbeitet|rechnet|wickelt|versprach|verspricht|schickte"
    ),
    "it": (
        r"offre|offriva|gestisce|gestiva|opera|fattura|vende|vendeva|include|supporta|"
        r"integra|elabora|propone|proponeva|promette|"
        r"ha (?:offerto|proposto|lanciato|fatturato|chiamato|contattato|promesso|inviato)"
    ),
    "nl": (
        r"biedt|bood|beheert|verwerkt|rekent|levert|leverde|verkoopt|ondersteunt|"
        r"integreert|host|regelt|regelde|belde|beloofde|stuurde"
    ),
}
#: What a company has ("Remote has an entity in Brazil", "Sage hat eine Niederlassung"),
#: within three words after its verb of having.
_HAS = {
    "en": r"has|had",
    "es": r"tiene|tenía|tenia",
    "pt": r"tem|tinha",
    "fr": r"a|avait",
    "de": r"hat|hatte",
    "it": r"ha|aveva",
    "nl": r"heeft|had",
}
_HELD = {
    "en": (
        r"entity|entities|office|offices|presence|customers|clients|plans?|tiers?|pricing|"
        r"contracts?|partners?|partnership|trial|modules?|apps?|platform|products?|version|"
        r"sales (?:team|reps?)"
    ),
    "es": (
        r"entidad(?:es)?|oficinas?|presencia|clientes|planes|plan|precios|contratos?|"
        r"socios|prueba|m[óo]dulos?|apps?|aplicaci[óo]n|plataforma|productos?|versi[óo]n"
    ),
    "pt": (
        r"entidades?|escrit[óo]rios?|presen[çc]a|clientes|planos?|pre[çc]os|contratos?|"
        r"parceiros|teste|m[óo]dulos?|apps?|aplicativo|plataforma|produtos?|vers[ãa]o"
    ),
    "fr": (
        r"entit[ée]s?|bureaux?|pr[ée]sence|clients|offres?|tarifs|contrats?|partenaires|"
        r"essai|modules?|applis?|application|plateforme|produits?|version"
    ),
    "de": (
        r"niederlassung(?:en)?|gesellschaft|b[üu]ros?|kunden|tarife?|vertr[äa]ge?|partner|"
        r"testphase|module?|apps?|plattform|produkte?|version|angebot"
    ),
    "it": (
        r"entit[àa]|uffici|ufficio|presenza|clienti|piani|prezzi|contratt[oi]|partner|"
        r"prova|moduli|app|piattaforma|prodotti|versione"
    ),
    "nl": (
        r"entiteit(?:en)?|kantoor|kantoren|klanten|abonnementen|abonnement|prijzen|"
        r"contract(?:en)?|partners|proefperiode|modules?|apps?|platform|producten|versie"
    ),
}
#: After an English verb: the verb was a plural noun ("Remote offers are rare", "runs of
#: the import"), or it says when or how a thing happens, not what a company does to
#: something ("Close runs late every month", "Remote ran smoothly", "runs on Mondays").
_NO_COMPANY_AFTER = re.compile(
    r"\s+(?:are|were|is|was|have|has|had|can|could|will|would|should|may|might|must|do|"
    r"does|did|don['’]t|doesn['’]t|didn['’]t|aren['’]t|weren['’]t|won['’]t|can['’]t|"
    r"seem\w*|get|got|keep|kept|fail\w*|need\w*|of|"
    r"\w+ly|late|later|early|fine|well|fast|faster|slow|slower|again|overnight|every|each|"
    r"at|on|until|till|after|before|during|twice|once)(?!\w)",
    re.IGNORECASE,
)


def _compile(code: str) -> re.Pattern[str]:
    between = rf"(?:\s+(?:{_BETWEEN[code]})(?!\w))*"
    has = rf"(?:{_HAS[code]})(?:\s+[\w'’-]+){{0,3}}?\s+(?:{_HELD[code]})"
    return re.compile(rf"^[\s,]*?{between}\s+(?:(?P<verb>{_VERBS[code]})|{has})(?!\w)", re.I)


_PATTERNS = {code: _compile(code) for code in _VERBS}


def acts_after(text_after: str, languages: Iterable[str]) -> bool:
    """Whether the words right after a name that opens a sentence (``text_after`` starts
    where the name ends) are a company's verb, in English or one of ``languages``.

    >>> acts_after(" already runs their EOR", ["en"]), acts_after(" work is fine", ["en"])
    (True, False)
    """
    for code in ("en", *(c for c in languages if c in _PATTERNS and c != "en")):
        found = _PATTERNS[code].match(text_after)
        if found is None:
            continue
        verb = code == "en" and found.group("verb")
        if verb and _NO_COMPANY_AFTER.match(text_after, found.end()):
            continue  # "Remote offers are rare", "Close runs late": no company's doing
        return True
    return False


#: Words of a product's range right after a capitalised name: "Toast POS", "Square
#: Register", "Square for Restaurants", "Lightspeed Payments". Capitalised ones are read
#: with their capital (a product line's name), the others in lower case too ("the Toast
#: app"); a word's own compounds ("toast station", "Square one", "Square Feet") are none.
_PRODUCT_NOUN = re.compile(
    r"[ \t]+(?:(?:POS|KDS|EPOS|CRM|ERP|API|SDK|Register|Terminals?|Payments|Payroll|Pay|"
    r"Online|Capital|Kiosks?|Readers?|Handhelds?|Hardware|Go|Flex|Pro|Plus|Lite|Cloud|Hub|"
    r"Suite|Marketing|Loyalty|Invoices|Checkout|Dashboard|Desktop|Mobile|Cashier)|"
    r"for[ \t]+(?:Restaurants|Retail|Business|Enterprise|Teams|Hospitality|Franchises|"
    r"Bars|Caf[ée]s|Salons|Startups|Education|Nonprofits|Healthcare|Government|Work)|"
    r"(?i:pos|app|apps|terminals?|readers?|handhelds?|hardware|kiosks?|tablets?|devices?|"
    r"subscription|licen[cs]es?|contract|rep|reps|sales ?reps?|support team|account "
    r"manager|integration|invoices?|fees))(?!\w)"
)
#: A comparison of the name with us or with another product, right before it: "comparing
#: you with the Toast", "cheaper than the Square", "rather than".
_COMPARED_BEFORE = re.compile(
    r"(?<!\w)(?:compar(?:e|es|ed|ing)[ \t]+(?:you|us|it|them|yours|ours)(?:[ \t]+\w+)?"
    r"[ \t]+(?:with|to|against)|\w+er[ \t]+than|more[ \t]+\w+[ \t]+than|as[ \t]+\w+[ \t]+as)"
    r"[ \t]+(?:the[ \t]+)?$",
    re.IGNORECASE,
)
#: Within its clause after the name: a comparison ("is more reliable", "is cheaper than
#: us"), its price or the buyer's choice ("too expensive", "their first choice", "on the
#: shortlist"), a fault in service ("crashed twice"), or how many of the buyer's sites run
#: it ("in two sites").
_SAID_OF_A_PRODUCT = re.compile(
    r"(?<!\w)(?:(?:is|are|was|were|seems?|looks?|felt|feels?)[ \t]+(?:\w+ly[ \t]+|much[ \t]+|"
    r"far[ \t]+|way[ \t]+|a lot[ \t]+|even[ \t]+)?(?:more|less)[ \t]+\w+|"
    r"than[ \t]+(?:us|you|yours|ours|your|we)|expensive|pricey|pricier|overpriced|"
    r"affordable|cheap(?:er|est)?|costs?|costing|fees?|pricing|prices?|priced|quoted?|"
    r"choice|chosen|choose|option|shortlist\w*|favou?rite|preferred|front-?runner|"
    r"crash(?:ed|es|ing)?|outages?|went down|goes down|keeps? (?:crashing|freezing)|"
    r"froze|freez(?:es|ing)|"
    r"(?:in|at|across)[ \t]+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|both|all|"
    r"several|many|most)[ \t]+(?:of[ \t]+(?:our|their|the|its)[ \t]+)?(?:other[ \t]+)?"
    r"(?:sites|locations|stores|venues|branches|restaurants|shops|outlets|clinics|offices))"
    r"(?!\w)",
    re.IGNORECASE,
)
#: How many words after the name its clause is read for ``_SAID_OF_A_PRODUCT``.
SAID_WORDS = 8
_CLAUSE_END = re.compile(r"[,;:.!?()\n]")
_ALONE = re.compile(r"[ \t]*[?:][ \t]*")
_SENTENCE_END = re.compile(r"[.!?\n]")
#: One item of a list of names after a name: ", Square", " and Lightspeed", " / Square",
#: " vs Square" — a capitalised word that is not followed by another capitalised word
#: (the start of "Times Square" is no item).
_NEXT_ITEM = re.compile(
    r"(?:[ \t]*,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or|&|vs\.?|versus)[ \t]+|"
    r"[ \t]*/[ \t]*)([A-Z][\w.-]*)(?![\w.-]|[ \t]+[A-Z])"
)
_VERSUS = re.compile(r"[ \t]+(?:vs\.?|versus)[ \t]+", re.IGNORECASE)


def named_as_product(text: str, start: int, end: int) -> bool:
    """Whether the capitalised name at ``text[start:end]`` is the product wherever it
    stands, at a sentence's start or after "the" included: a word of a product's range
    after it ("Toast POS crashed", "Square for Restaurants"), a list of other names
    ("Toast, Square, Lightspeed are the shortlist"), a comparison ("comparing you with the
    Toast", "the Square is more reliable"), or its price, the buyer's choice, a fault in
    service or the buyer's sites said of it in its clause ("Toast is too expensive",
    "Toast was their first choice", "have the Toast in two sites"); a name that stands
    alone as a question is read with the sentence that answers it ("Toast? They said no,
    too pricey."). The word has none of these ("Toast was cold", "the toast station").
    Read in English: every language's writers name a product line in its own words.

    >>> named_as_product("Toast POS crashed twice.", 0, 5)
    True
    >>> named_as_product("Toast was cold again.", 0, 5)
    False
    """
    said = text[start:end]
    if not said[:1].isupper():
        return False
    after = text[end : end + 200]
    if _PRODUCT_NOUN.match(after) or _listed(text, end):
        return True
    if _COMPARED_BEFORE.search(text, max(0, start - 60), start):
        return True
    alone = _ALONE.match(after)
    if alone is not None and opens_sentence(text, start):
        rest = after[alone.end() :]
        cut = _SENTENCE_END.search(rest)
        return _SAID_OF_A_PRODUCT.search(rest[: cut.start()] if cut else rest) is not None
    cut = _CLAUSE_END.search(after)
    clause = after[: cut.start()] if cut else after
    clause = " ".join(clause.split()[:SAID_WORDS])
    return _SAID_OF_A_PRODUCT.search(clause) is not None


def _listed(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` opens or joins a list of names: two other
    capitalised words after it, or one after "vs"."""
    items, at = 0, end
    while items < 2:
        found = _NEXT_ITEM.match(text, at)
        if found is None:
            break
        if _VERSUS.match(text, at):
            return True
        items, at = items + 1, found.end()
    return items >= 2
