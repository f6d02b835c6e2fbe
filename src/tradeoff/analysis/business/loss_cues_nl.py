"""Dutch loss-reason words, as sellers in the Netherlands and Flanders write them
(``loss_language`` says how they are read; docs/sales.md lists them).

Dutch joins nouns as German does ("urenregistratie", "facturatiemodule"), so after an absent
opener a word ending in a feature word names one; unlike German it writes nouns in lower
case, so a capital still names a product ("Geen koppeling met Exact"). Left out on purpose:
"één leverancier" alone (accents are optional, and "een leverancier" is any supplier),
"rapport" (a report, and English rapport), "in lijn met" alone ("prijs in lijn met de
markt" dismisses the price), "te druk" alone (too busy, and a cluttered screen) and "loopt
vast" (an app that freezes, and a project that stalls).
"""

from __future__ import annotations

from tradeoff.analysis.business.loss_language import LanguageCues, words
from tradeoff.domain.enums import LossCategory as C

DUTCH = LanguageCues(
    name="Dutch",
    cues={
        C.PRODUCT_GAP: (
            "ontbreekt", "ontbrak", "ontbreken", "ontbraken", "mist", "miste", "misten",
            "gebrek", "functionaliteit*", "koppeling*", "ondersteunt niet", "ondersteunt geen",
            "werkt niet", "werkte niet", "niet beschikbaar", "eisen", "vereisten",
            "ingewikkeld*", "omslachtig*", "niet gebruiksvriendelijk",
            "gebruiksvriendelijkheid", "gebruiksgemak", "te beperkt", "niet flexibel",
            "te star", "te handmatig", "onbetrouwbaar", "instabiel", "traag", "prestaties",
            "crasht",
        ),
        C.PRICE_BUDGET: (
            "prijs*", "prijzen", "prijzig*", "duur", "duurder", "kosten", "kostbaar",
            "goedkoop", "goedkoper", "goedkope", "korting*", "licentie*", "abonnementskosten",
            "tarief", "tarieven", "niet betalen", "onbetaalbaar", "begroting", "geen geld",
            "meerprijs", "prijs kwaliteit*", "prijs prestatie*", "betalingsvoorwaarden",
            "contractvoorwaarden",
        ),
        C.VALUE_NOT_PROVEN: (
            "meerwaarde", "toegevoegde waarde", "waarde", "rendement", "terugverdien*",
            "niet overtuigd", "niet overtuigend", "tijdsbesparing", "tijdwinst", "besparing*",
            "levert te weinig op", "leverde te weinig op", "moeite waard", "voordeel",
            "voordelen", "pilot mislukt", "proef mislukt",
        ),
        C.CONFIDENCE_RISK: (
            "vertrouwen", "wantrouw*", "risico*", "niet volwassen", "onvolwassen",
            "volwassenheid", "te klein", "continuïteit", "beveiliging*", "veiligheid",
            "betrouwbaarheid", "referenties", "aan de avg", "avg eisen", "avg proof",
            "avg compliant", "avg bezwaren",
            "gegevensbescherming", "databescherming", "levensvatbaarheid",
            "gevestigde partij", "gevestigde naam", "gevestigde speler",
        ),
        C.RELATIONSHIP: (
            "relatie*", "vertrokken", "vertrok", "heeft het bedrijf verlaten",
            "bedrijf verlaten", "accountmanager*", "draagvlak", "steun van", "interne steun",
            "opvolging", "aanbevolen", "aanbeveling*", "band met", "klik met", "betere klik",
            "goede klik", "geen klik",
        ),
        C.ALIGNMENT: (
            "doelen", "doelstellingen", "past niet", "paste niet", "niet passend",
            "sluit niet aan", "niet in lijn", "andere behoeften", "geen match",
            "alles bij één leverancier", "overgenomen", "overname", "fusie", "nieuwe koers",
            "andere koers",
        ),
        C.TIMING_NO_DECISION: (
            "uitgesteld", "uitstel", "uitstellen", "in de wacht", "geparkeerd", "gepauzeerd",
            "bevroren", "budget bevroren", "budgetstop", "geen beslissing", "geen besluit",
            "besluiteloos", "volgend jaar", "volgende jaar", "volgend kwartaal", "niet nu",
            "nu niet", "niet klaar", "geen reactie", "reageert niet", "reageren niet",
            "reageerde niet", "geen antwoord", "niets meer gehoord", "van de radar",
            "radiostilte", "geannuleerd", "afgeblazen", "herstructurering", "vastgelopen",
            "bij inkoop", "inkoopafdeling", "geen tijd", "tijdgebrek", "te weinig tijd",
            "geen capaciteit", "te weinig capaciteit", "onvoldoende capaciteit",
            "capaciteitsgebrek", "geen bandbreedte", "geen mensen", "te druk met",
            "geen interesse", "interesse verloren",
        ),
        C.STATUS_QUO: (
            "rekenblad*", "handmatig", "met de hand", "eigen systeem", "eigen oplossing",
            "eigen tool", "eigen ontwikkeling", "zelf gebouwd*", "zelfgebouwd*",
            "zelf ontwikkeld", "intern ontwikkeld", "boekhouder", "accountantskantoor",
            "administratiekantoor", "uitbesteed", "uitbesteden", "huidige leverancier",
            "huidige oplossing", "huidig systeem", "huidige systeem", "huidige pakket",
            "huidige werkwijze", "bestaande leverancier", "niets doen", "niets te doen",
            "verlengd met",
            "contract verlengd",
        ),
    },
    names=("kostenplaats*", "kostprijs*", "prijspagina*"),
    negators=frozenset({"niet", "noch"}),
    carried_negators=frozenset({"noch"}),
    linking=words("is was waren zijn leek bleek"),
    articles=words("de het een"),
    absence_frame=(
        "genoeg", "voldoende", "gezien", "zien", "zagen", "ziet", "aangetoond", "bewezen",
        "gekregen", "kregen", "hadden", "had", "heeft", "hebben",
    ),
    denials=words("geen zonder"),
    absence_markers=frozenset(
        {"ontbreekt", "ontbrak", "ontbreken", "ontbraken", "mist", "miste", "misten", "gebrek",
         "niet beschikbaar"}
    ),
    absence_filler=words("aan de het een"),
    verdicts=frozenset({"past niet", "paste niet", "niet passend", "sluit niet aan"}),
    verdict_filler=words("bij in binnen met het de hun ons onze"),
    dismissed=words("probleem problemen bezwaar punt"),
    dismissed_alone=words("prima goed redelijk acceptabel marktconform vergelijkbaar concurrerend"),
    feature_frame=(
        "zonder", "geen", "hadden", "heeft", "hebben", "wilden", "vereist*", "eisten", "biedt",
        "bieden", "beter*",
    ),
    feature_nouns=(
        "rapportage*", "rapporten", "overzicht*", "facturatie*", "facturering", "meldingen",
        "notificatie*", "sjabloon", "sjablonen", "automatisering*", "berekening*",
        "registratie*", "module*", "planning", "rooster*", "loonstrook*", "salarisstrook*",
    ),
    need_frame=("vereist*", "eisten", "wilden"),
    qualities=frozenset({"beveiliging*", "betrouwbaarheid", "veiligheid"}),
    sayings={
        C.PRODUCT_GAP: (
            "hebben|bieden|ondersteunen we|wij dat|dit|het niet",
            "we|wij hebben|bieden|ondersteunen geen",
            "gekozen voor * omdat|want die|ze|zij|het heeft|hebben|had|hadden|biedt|bieden",
            "gekozen voor * * omdat|want die|ze|zij|het heeft|hebben|had|hadden|biedt|bieden",
            "kozen|kiezen * omdat|want die|ze|zij|het heeft|hebben|had|hadden|biedt|bieden",
        ),
        C.RELATIONSHIP: ("vrienden met", "bevriend met"),
        C.STATUS_QUO: (
            "blijven|blijft|bleef|bleven bij|met|op",
            "gaan|gaat|ging|gingen door met",
            "houden|houdt|hield|hielden vast aan",
            "werken|werkt|werkte|werkten nog met|op|in",
            "op papier",
            "pen en papier",
        ),
    },
    absent_openers=(
        "geen", "zonder", "mist", "miste", "ontbreekt", "ontbrak", "gebrek aan", "er is geen",
        "er was geen", "heeft geen", "had geen",
    ),
    not_a_feature=words(
        """budget beslissing besluit antwoord reactie tijd urgentie interesse behoefte
        contact geld middelen mensen personeel team goedkeuring sponsor steun draagvlak klant
        klanten gebruiker gebruikers reden redenen feedback informatie idee meer niets
        niemand ander andere beslisser handtekening contract afspraak demo telefoontje
        bestelling prioriteit opvolging capaciteit bandbreedte"""),
    joins_nouns=True,
    capacity_nouns=("tijd", "capaciteit", "bandbreedte", "mensen"),
    capacity_purposes=words("voor om"),
    task_ends=words("en ook maar omdat want"),
)  # fmt: skip
