"""Words that show a name is meant as a product, in the languages the product reads.

A competitor whose name is also a common word of the item's language ("gusto" in Spanish,
"close" in English, "deel" in Dutch) is read as the product only where its words show one
(``competitor_common_words``). These are those words, per language — English, Spanish,
Portuguese, French, German, Italian and Dutch — and the English ones are read in every item
(sellers and customers write "vs" and "switched to" in any language):

- right before the name, at most two articles or possessives between (``before``): a word
  that compares or sets it against another ("vs", "instead of", "cheaper than", "tools
  like", "frente a", "em vez de", "plutôt que", "anstatt", "invece di", "in plaats van"),
  one of moving to or from it ("switched to", "migrating off", "cambiarnos a", "mudamos
  para", "passer chez", "wechseln zu", "passati a", "overgestapt naar"), choosing it or
  losing to it ("went with", "opted for", "eligieron", "escolheram", "choisi", "entschieden
  für", "scelto", "gekozen voor"), evaluating or replacing it, its price ("a quote from",
  "precio de"), or what the buyer has today ("currently with", "actualmente con");
- words of keeping and hiring need an article or a possessive before the name
  (``before_with_article``): "staying with their outsourced accountant", "seguirán con su
  gestoría", "vão continuar com o contador externo", "contrataron una gestoría" — while
  "seguimos con gusto" (we continue gladly) keeps nothing;
- within ``AFTER_WORDS`` words after it, in its clause (``after``): a comparison of price
  or quality ("is cheaper", "es más barato", "est moins cher", "ist günstiger", "costa
  meno", "is goedkoper"), its pricing or licences, an integration or a feature it has
  ("has a Xero integration", "integrates with Xero", "tiene integración con Xero", "tem
  integração", "a une intégration", "hat eine DATEV-Schnittstelle", "ha l'integrazione",
  "heeft een koppeling"), and in German and Dutch, which put the verb last, a verb of
  moving or choosing ("zu Gusto wechseln", "naar Deel overstappen").

A contrast with us after the name ("... y ustedes no", "... and you don't") marks it too
(``competitor_contrast``).

Left out on purpose, since they are the words around a common word as often as around a
product: a bare "like" ("we would like remote staff to..."; "like" counts after a noun or
a comma: "tools like Close"), verbs of using ("use remote desktops"), "a" or "to" alone
("a gusto", "postponed to Monday"), Spanish "pasar a" ("pasarlo a gusto": to enjoy
oneself), Dutch "betalen voor" ("voor een deel": partly), and words of a product's parts
with no verb of having them ("remote users", "remote demo", "Con gusto le explico la
integración").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: How many words after a name a comparison of it may stand: "Gusto nos ofreció un precio".
AFTER_WORDS = 4

#: Articles and possessives between a word of competing and the name ("switched to the",
#: "cambiarnos a la").
_ARTICLES = {
    "en": "the|a|an|our|their|its|my|your|his|her|this|that",
    "es": "el|la|los|las|un|una|su|sus|nuestro|nuestra|nuestros|nuestras|mi|mis|tu|al|del",
    "pt": "o|a|os|as|um|uma|seu|sua|seus|suas|nosso|nossa|meu|minha|ao|à|do|da|pelo|pela",
    "fr": "le|la|les|l'|l’|un|une|leur|leurs|notre|nos|mon|ma|mes|son|sa|ses|au|aux|du|des",
    "de": "der|die|das|den|dem|des|ein|eine|einen|einem|einer|unser\\w*|ihr\\w*|sein\\w*|mein\\w*",
    "it": "il|lo|la|i|gli|le|l'|l’|un|una|uno|un'|un’|nostro|nostra|loro|suo|sua|mio|mia",
    "nl": "de|het|een|ons|onze|hun|mijn|zijn|haar",
}
#: A group of things a name is one of: "tools like Close", "herramientas como Gusto".
_GROUP = {
    "en": "something|anything|tools?|apps?|platforms?|vendors?|providers?|products?|"
    "solutions?|software|options?|alternatives?|competitors?|others?|systems?",
    "es": "algo|herramientas?|apps?|aplicaciones|plataformas?|proveedores?|sistemas?|"
    "programas?|soluciones|opciones|alternativas?|competidores?|otros|otras|software",
    "pt": "algo|ferramentas?|apps?|aplicativos?|plataformas?|fornecedores?|sistemas?|"
    "programas?|soluções|solucoes|opções|opcoes|alternativas?|concorrentes?|outros|outras",
    "fr": "quelque chose|outils?|applis?|applications?|plateformes?|fournisseurs?|logiciels?|"
    "solutions?|options?|alternatives?|concurrents?|autres",
    "de": "etwas|tools?|apps?|plattformen?|anbieter|lösungen|loesungen|software|optionen|"
    "alternativen?|konkurrenten?|wettbewerber|andere",
    "it": "qualcosa|strumenti|app|piattaforme|fornitori|software|soluzioni|opzioni|"
    "alternative|concorrenti|altri|altre",
    "nl": "iets|tools?|apps?|platforms?|leveranciers?|software|oplossingen|opties|"
    "alternatieven|concurrenten|andere",
}
#: The word "like" in each language, after a group or a comma.
_LIKE = {"en": "like", "es": "como", "pt": "como", "fr": "comme", "de": "wie", "it": "come"}
_LIKE["nl"] = "zoals"

#: Right before the name (articles aside): comparing, moving, choosing, losing, price,
#: what the buyer has today.
_BEFORE = {
    "en": (
        r"vs\.?|versus|against|than|instead of|rather than|such as|including|unlike|"
        r"compared (?:to|with)|comparing|(?:us|you|them) over|"
        r"(?:switch\w*|mov(?:e|es|ed|ing)|migrat\w*|transition\w*|port(?:ed|ing)|"
        r"jump(?:ed|ing)?|hopp(?:ed|ing)|went|go(?:es|ing)?|gone|coming|came)\s+"
        r"(?:over\s+|back\s+|across\s+|away\s+)?(?:to|from|off|with)|"
        r"(?:lost|los(?:e|es|ing))\s+(?:(?:the|this|that)\s+)?(?:deal\s+|account\s+|"
        r"customer\s+|renewal\s+)?(?:to|against)|beaten by|"
        r"chose|choose|chooses|choosing|chosen|picked|opted for|decided on|"
        r"signed (?:up )?with|(?:stay|stays|stayed|staying|stick|sticks|sticking|stuck|"
        r"remain\w*|continu\w*)\s+(?:with|on)|replac\w*|evaluat\w*|trial(?:l?ing|l?ed)|"
        r"demo(?:ed|ing)|piloting|considering|shortlist\w*|"
        r"(?:quote|offer|proposal|pricing|price|prices)\s+from|pa(?:y|ys|ying|id)\s+for|"
        r"(?:currently|still)\s+(?:with|on|using|uses)"
    ),
    "es": (
        r"contra|frente a|en (?:lugar|vez) de|compar\w* con|"
        r"(?:más|mas|menos) (?:barat|car|económic|economic)\w* que|mejor(?:es)? que|"
        r"peor(?:es)? que|"
        r"cambi(?:ar|amos|aron|ado|ada|é|ó|aría|aríamos|aremos|arán|ando)(?:nos|se|me)?\s+"
        r"(?:a|al|de|del|desde|por)|migr\w*\s+(?:a|al|de|del|desde|hacia)|"
        r"(?:nos|se|me)\s+(?:fuimos|fueron|vamos|van|iremos|irán|iríamos|fue)\s+(?:con|a|al)|"
        r"(?:irnos|irse)\s+(?:con|a|al)|elegir|elegimos|eligieron|eligió|elegido|"
        r"escoger|escogimos|escogieron|escogió|escogido|(?:opt|decidi|decant)\w*\s+por|"
        r"perd\w*\s+(?:contra|frente a|ante)|reemplaz\w*|sustitu\w*|evalu\w*|"
        r"(?:precio|precios|cotización|cotizacion|oferta|propuesta)\s+de|pag\w*\s+por|"
        r"actualmente\s+(?:con|usa\w*|utiliza\w*)|"
        r"antes\s+(?:usábamos|usabamos|usaban|utilizábamos|utilizabamos|teníamos|teniamos)|"
        r"(?:venimos|vienen|venían|veníamos)\s+de"
    ),
    "pt": (
        r"contra|em (?:vez|lugar) de|ao inv[ée]s de|compar\w* (?:com|a|ao|à)|"
        r"(?:mais|menos) (?:barat|car)\w* (?:do )?que|melhor(?:es)? (?:do )?que|"
        r"pior(?:es)? (?:do )?que|"
        r"(?:mud|troc|migr)\w*\s+(?:para|pra|pro|pela|pelo|por|de|do|da)|"
        r"(?:fomos|foram|vamos|vão|vao|iremos|irão|irao|ir)\s+(?:com|para|pra)|"
        r"escolh\w*|(?:opt|decidi|fech)\w*\s+(?:por|pelo|pela|com)|perd\w*\s+para|"
        r"substitu\w*|avali\w*|(?:preço|preco|preços|precos|cotação|cotacao|proposta)\s+"
        r"(?:de|do|da)|pag\w*\s+(?:por|pelo|pela)|atualmente\s+(?:com|usa\w*|utiliza\w*)|"
        r"antes\s+(?:usávamos|usavamos|usavam|utilizávamos|tínhamos|tinhamos)|viemos\s+d[oa]"
    ),
    "fr": (
        r"contre|au lieu de|plut[ôo]t que|par rapport [àa]|compar\w* (?:à|a|avec)|"
        r"(?:moins|plus) cher\w* que|meilleur\w* que|mieux que|pire que|"
        r"(?:pass|chang|migr|bascul)\w*\s+(?:à|a|au|chez|vers|sur|de|du|pour)|chois\w*|"
        r"opt\w*\s+pour|d[ée]cid\w* pour|perdu\s+(?:face [àa]|contre|au profit de)|"
        r"remplac\w*|[ée]valu\w*|(?:prix|tarif|tarifs|devis|offre|proposition)\s+"
        r"(?:de|du|d'|d’)|pay\w*\s+pour|actuellement\s+(?:avec|chez|sur|sous)|"
        r"(?:venons|vient|viennent)\s+de"
    ),
    "de": (
        r"gegen|statt|anstatt|anstelle von|im vergleich zu|verglichen mit|"
        r"(?:günstiger|guenstiger|billiger|teurer|besser|schlechter) als|"
        r"(?:wechsel\w*|gewechselt|umgestiegen|umsteigen|steigen|migrier\w*|zurück|zurueck)"
        r"\s+(?:zu|zum|zur|nach|auf|von|vom)|(?:entschied\w*|entscheid\w*)\s+(?:uns\s+|"
        r"sich\s+)?für|gewählt|gewaehlt|wählten|waehlten|verloren\s+(?:an|gegen)|ersetz\w*|"
        r"evaluier\w*|(?:preis|preise|angebot)\s+(?:von|vom)|zahl\w*\s+für|"
        r"(?:bleib\w*|blieb\w*|geblieben)\s+(?:bei|beim)|"
        r"(?:derzeit|aktuell|momentan|zurzeit)\s+(?:mit|bei|auf)|(?:kommen|kamen)\s+von"
    ),
    "it": (
        r"contro|invece di|anzich[ée]|rispetto a|confront\w* con|"
        r"(?:più|piu|meno) (?:economic|car)\w* di|meglio di|migliore di|peggio di|"
        r"peggiore di|(?:passa|cambia|migra|trasferi)\w*\s+(?:a|ad|su|verso|da)|scelto|"
        r"scelta|sceglie\w*|opta\w*\s+per|deciso per|pers[oi]\s+(?:contro|a favore di)|"
        r"sostitu\w*|(?:prezzo|prezzi|preventivo|offerta)\s+(?:di|del|della)|"
        r"paga\w*\s+per|attualmente\s+(?:con|su|usa\w*)|(?:veniamo|vengono)\s+da"
    ),
    "nl": (
        r"tegen|in plaats van|vergeleken met|(?:goedkoper|duurder|beter|slechter) dan|"
        r"(?:overgestapt|overstappen|stappen over|stapten over|over te stappen|overgaan|"
        r"over te gaan|gemigreerd|migreren|gewisseld|wisselen)\s+(?:naar|op|van)|"
        r"(?:gekozen|kiezen|kozen|koos)\s+voor|"
        r"verloren\s+(?:aan|van|tegen)|vervang\w*|(?:prijs|prijzen|offerte)\s+van|"
        r"(?:blijven|bleven|gebleven)\s+bij|(?:momenteel|op dit moment)\s+(?:met|bij|op)|"
        r"(?:komen|kwamen)\s+van"
    ),
}
#: Right before the name with an article or a possessive between: keeping and hiring.
_BEFORE_WITH_ARTICLE = {
    "en": r"kept|keep|keeps|keeping|hired|hire|hiring|(?:stay|stays|stayed|staying)\s+with",
    "es": (
        r"(?:seguir|seguimos|seguirán|seguiremos|seguirá|siguen|sigue|siguieron|siguió|"
        r"quedar|quedarse|quedarnos|quedamos|quedaron|quedan|quedó|continuar|continuarán|"
        r"continuaremos|continúan|continuaron|continuó|mantener|mantenemos|mantienen|"
        r"mantuvieron|mantendrán)\s+con|contrat\w*"
    ),
    "pt": r"(?:fic|continu|perman|segu)\w*\s+com|contrat\w*",
    "fr": r"(?:rest|demeur)\w*\s+(?:chez|avec)|gard\w*|conserv\w*|embauch\w*",
    "de": r"behalten|behielten|beauftragt\w*|beauftragen",
    "it": r"(?:rest|rimast|riman|continu)\w*\s+con|assunt\w*",
    "nl": r"houden|hielden|ingehuurd|inhuren",
}
#: Within ``AFTER_WORDS`` words after the name: its price or quality compared, and in
#: German and Dutch a verb of moving or choosing at the clause's end.
_AFTER = {
    "en": (
        r"cheaper|pricier|(?:more|less) expensive|costs? less|better|worse|beat us|"
        r"won(?!['’]t)|offered|quoted|discount\w*|pricing|prices?|priced|"
        r"per (?:employee|user|seat|head)"
    ),
    "es": (
        r"(?:más|mas|menos) (?:barat|car|económic|economic)\w*|mejor(?:es)?|peor(?:es)?|"
        r"cobra\w*|precios?|tarifas?|licencias?|descuentos?|cotiz\w*|ganó|ganaron"
    ),
    "pt": (
        r"(?:mais|menos) (?:barat|car)\w*|mais em conta|melhor(?:es)?|pior(?:es)?|"
        r"cobra\w*|preços?|precos?|licenças?|licencas?|descontos?|ganhou|ganharam"
    ),
    "fr": r"(?:moins|plus) cher\w*|meilleur\w*|mieux|pire|prix|tarifs?|licences?|remises?|devis",
    "de": (
        r"günstiger|guenstiger|billiger|teurer|besser|schlechter|preis\w*|lizenz\w*|"
        r"rabatt\w*|gewonnen|wechseln|gewechselt|umsteigen|umgestiegen|migrieren|migriert|"
        r"entschieden"
    ),
    "it": (
        r"(?:più|piu|meno) (?:economic|car)\w*|costa meno|meglio|migliore|peggio|peggiore|"
        r"prezz[oi]|licenz[ae]|scont[oi]|ha vinto|hanno vinto"
    ),
    "nl": (
        r"goedkoper|duurder|beter|slechter|prijs\w*|licenti\w*|korting|gewonnen|"
        r"overstappen|overgestapt|gekozen|kiezen"
    ),
}
#: Within ``AFTER_WORDS`` words after the name: it has, offers or supports an integration
#: or a feature ("Gusto tiene integración con Xero", "Sage hat eine DATEV-Schnittstelle",
#: "Deel integrates with Xero"): a product's parts, said of the name as what it has. A
#: bare noun of a part is left out ("Con gusto le explico la integración").
_HAS_FEATURE = {
    "en": (
        r"(?:has|have|had|offers?|offered|supports?|supported|includes?|included|provides?|"
        r"comes with|ships with)\s+(?:[\w'’-]+\s+){0,3}?(?:integrations?|connectors?|apis?|"
        r"sync|plug-?ins?|add-?ons?|features?)|integrates?\s+with|syncs?\s+with"
    ),
    "es": (
        r"(?:tiene|tienen|tenía|tenían|ofrece|ofrecen|ofrecía|trae|traen|incluye|incluyen|"
        r"soporta|soportan)\s+(?:[\w'’-]+\s+){0,3}?(?:integraci(?:ón|on|ones)|"
        r"conector(?:es)?|apis?|sincronizaci(?:ón|on)|funci(?:ón|on|ones)|"
        r"funcionalidad(?:es)?|m[óo]dulos?)|se\s+integra\w*|integra\s+con|sincroniza\s+con"
    ),
    "pt": (
        r"(?:tem|têm|tinha|oferece|oferecem|traz|trazem|inclui|incluem|suporta|suportam)\s+"
        r"(?:[\w'’-]+\s+){0,3}?(?:integra(?:ção|cao|ções|coes)|conector(?:es)?|apis?|"
        r"sincroniza(?:ção|cao)|fun(?:ção|cao|ções|coes)|funcionalidades?|m[óo]dulos?)|"
        r"se\s+integra\w*|integra\s+com|sincroniza\s+com"
    ),
    "fr": (
        r"(?:a|ont|avait|offre|offrent|propose|proposent|inclut|incluent|fournit|"
        r"fournissent)\s+(?:[\w'’-]+\s+){0,3}?(?:int[ée]grations?|connecteurs?|apis?|"
        r"synchronisation|fonctions?|fonctionnalit[ée]s?|modules?)|s['’]\s*int[èée]gr\w*"
    ),
    "de": (
        r"(?:hat|haben|hatte|bietet|bieten|bot|unterstützt|unterstuetzt|liefert)\s+"
        r"(?:[\w'’-]+\s+){0,3}?[\w-]*(?:integration(?:en)?|schnittstellen?|anbindung(?:en)?|"
        r"konnektor(?:en)?|synchronisation|funktion(?:en)?|apis?|modul(?:e)?)|"
        r"integriert\s+sich"
    ),
    "it": (
        r"(?:ha|hanno|aveva|offre|offrono|include|includono|supporta|supportano)\s+"
        r"(?:[\w'’-]+\s+){0,3}?(?:integrazion[ei]|connettor[ei]|apis?|sincronizzazione|"
        r"funzion[ei]|funzionalit[àa]|modul[oi])|si\s+integra"
    ),
    "nl": (
        r"(?:heeft|hebben|had|biedt|bieden|ondersteunt|levert)\s+(?:[\w'’-]+\s+){0,3}?"
        r"(?:integraties?|koppelingen|koppeling|connectors?|apis?|synchronisatie|functies?|"
        r"functionaliteit|modules?)|integreert\s+met|koppelt\s+met"
    ),
}
LANGUAGES = tuple(_BEFORE)


def _articles(code: str) -> str:
    return rf"(?:(?:{_ARTICLES[code]})\s*)"


def _compile_before(code: str) -> re.Pattern[str]:
    words = rf"(?<![\w-])(?:{_BEFORE[code]}|(?:{_GROUP[code]})\s+{_LIKE[code]})|,\s*{_LIKE[code]}"
    before = rf"(?:{words})\s+{_articles(code)}{{0,2}}"
    keeping = rf"(?<![\w-])(?:{_BEFORE_WITH_ARTICLE[code]})\s+{_articles(code)}{{1,2}}"
    return re.compile(rf"(?:{before}|{keeping})$", re.IGNORECASE)


_BEFORE_PATTERNS = {code: _compile_before(code) for code in LANGUAGES}
_AFTER_PATTERNS = {
    code: re.compile(
        rf"^(?:\W+\w+){{0,{AFTER_WORDS - 1}}}?\W+(?:{words}|{_HAS_FEATURE[code]})(?!\w)",
        re.IGNORECASE,
    )
    for code, words in _AFTER.items()
}
#: A name written as a web address ("gusto.com", "Close.io") or in the possessive
#: ("Gusto's payroll").
_WEB_ENDING = re.compile(
    r"\.(?:com|io|net|org|co|ai|app|hr|de|es|fr|it|nl|pt|br|mx|ar|cl|uk)(?:\.[a-z]{2})?(?![\w.])",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['’]s(?!\w)", re.IGNORECASE)
#: What ends a clause for the words after a name.
_CLAUSE_END = re.compile(r"[,;:.!?()\n]")


def _read_in(languages: Iterable[str]) -> list[str]:
    """English, and each of ``languages`` this module has words of."""
    return ["en", *(code for code in languages if code in _BEFORE and code != "en")]


def before(text_before: str, languages: Iterable[str]) -> bool:
    """Whether the words right before a name (``text_before`` ends where it starts) show
    it as a product, in English or one of ``languages``.

    >>> before("Estamos pensando en cambiarnos a ", ["es"]), before("Mucho ", ["es"])
    (True, False)
    """
    tail = text_before[-120:]
    return any(_BEFORE_PATTERNS[code].search(tail) for code in _read_in(languages))


def after(text_after: str, languages: Iterable[str]) -> bool:
    """Whether a comparison of a name's price or quality follows it within its clause
    (``text_after`` starts where the name ends): "Gusto es más barato"."""
    clause = text_after[:160]
    cut = _CLAUSE_END.search(clause)
    clause = clause[: cut.start()] if cut else clause
    return any(_AFTER_PATTERNS[code].search(clause) for code in _read_in(languages))


def written_as_product(text_after: str, *, possessive: bool = True) -> bool:
    """Whether a name is written as a web address or, when ``possessive``, in the
    possessive: "gusto.com", "Gusto's"."""
    if _WEB_ENDING.match(text_after):
        return True
    return possessive and _POSSESSIVE.match(text_after) is not None
