"""Loss reasons written in Italian and Dutch, as sellers type them in a CRM: short, with
abbreviations ("x", "nn", "t.o.v."), accents left out and the odd typo. Read with the lists of
the other languages alone, 28 of 99 Italian and 22 of 100 Dutch ones landed where they mean,
most of the rest ``unclassified`` (docs/sales.md, "Loss reasons in other languages"). Each
expected category is what docs/sales.md's taxonomy says the wording means, decided by reading
it; the wordings are written for this test, ten or more per category and language, and a
reason that names a rival takes the category of why the buyer chose it."""

from __future__ import annotations

import pytest

from tradeoff.analysis.business.loss_taxonomy import loss_verdict
from tradeoff.domain.enums import LossCategory

P = LossCategory.PRODUCT_GAP
B = LossCategory.PRICE_BUDGET
V = LossCategory.VALUE_NOT_PROVEN
K = LossCategory.CONFIDENCE_RISK
R = LossCategory.RELATIONSHIP
A = LossCategory.ALIGNMENT
T = LossCategory.TIMING_NO_DECISION
S = LossCategory.STATUS_QUO
U = LossCategory.UNCLASSIFIED

ITALIAN = {
    P: [
        "Manca integrazione con TeamSystem",
        "Non gestisce la fatturazione elettronica SDI",
        "Senza app mobile per i tecnici in campo",
        "Mancano report personalizzati x il controllo di gestione",
        "Funzionalità multi-azienda assente",
        "Il sw non supporta il multi valuta",
        "Troppo complesso da usare per il personale amministrativo",
        "Nn c'è la gestione dei cedolini per colf e badanti",
        "Prodotto instabile, crash continui durante la demo",
        "Serviva la firma elettronica dei contratti, non l'abbiamo",
        "Requisito SSO con Azure AD non soddisfatto",
        "Senza fatturazione elettronica",
    ],
    B: [
        "Troppo caro x una PMI di 15 dipendenti",
        "Prezzo fuori budget",
        "Budget non disponibile quest'anno",
        "Costi di licenza troppo alti rispetto al concorrente",
        "Chiedevano uno sconto del 30%, non concesso",
        "Canone mensile troppo alto",
        "Preventivo troppo costoso per il CFO",
        "Rapporto qualità/prezzo non convincente",
        "Hanno trovato un'alternativa più economica",
        "Non possono permetterselo al momento",
        "Nessun budget per il progetto HR nel 2025",
    ],
    V: [
        "Non hanno visto il valore",
        "ROI non dimostrato",
        "Il pilota non ha dato i risultati sperati",
        "Business case debole, il CFO non era convinto",
        "Non convinti dei benefici concreti",
        "Risparmio di tempo non percepito",
        "Nessun ritorno sull'investimento evidente",
        "Non ne vale la pena x 10 utenti",
        "Poc concluso senza valore misurabile",
        "Il valore aggiunto non è chiaro",
        "Non vedono vantaggi concreti",
    ],
    K: [
        "Non si fidano di una startup",
        "Azienda troppo piccola per loro, temono per la continuità",
        "Dubbi sulla sicurezza dei dati",
        "Problemi di conformità GDPR",
        "Mancano referenze nel settore bancario",
        "Poca fiducia nella nostra solidità finanziaria",
        "Rischio troppo alto cambiare fornitore ora",
        "Audit di sicurezza non superato",
        "Il DPO ha bocciato per la privacy",
        "Prodotto considerato immaturo",
        "Temono per la nostra stabilità finanziaria",
    ],
    R: [
        "Il nostro referente ha lasciato l'azienda",
        "Ottimo rapporto con il commerciale della concorrenza",
        "Lo sponsor interno è stato spostato su un altro progetto",
        "Nessun follow up da parte nostra dopo la demo",
        "Il commerciale del concorrente è amico del titolare",
        "Il loro consulente ha consigliato un altro fornitore",
        "Mancanza di supporto da parte della direzione",
        "Relazione storica con il partner di Sage",
        "Champion uscito dall'azienda a marzo",
        "Nessun rapporto con il decisore",
        "Il referente interno nn ci ha piu risposto dopo il cambio di ruolo",
    ],
    A: [
        "Non è una priorità per quest'anno",
        "Non in linea con la strategia IT del gruppo",
        "La capogruppo impone un unico fornitore",
        "Sono stati acquisiti da un gruppo francese",
        "Obiettivi diversi, cercavano altro",
        "Non adatto al loro caso d'uso",
        "Hanno deciso di consolidare tutto su SAP",
        "Priorità spostate sulla digitalizzazione del magazzino",
        "Esigenze diverse da quelle coperte dal prodotto",
        "Fusione con un altro gruppo, cambio di strategia",
        "Progetto non prioritario per il board",
    ],
    T: [
        "Progetto rimandato al 2026",
        "Rinviato al prossimo trimestre",
        "Cliente sparito dopo l'offerta",
        "Nessuna risposta da settimane",
        "Tutto congelato in attesa del nuovo CFO",
        "Riorganizzazione interna, tutto fermo",
        "Non hanno tempo x implementarlo ora",
        "Mancanza di risorse interne per il progetto",
        "Se ne riparla l'anno prossimo",
        "Progetto annullato dalla direzione",
        "Bloccato all'ufficio acquisti",
    ],
    S: [
        "Restano con Excel",
        "Continuano a usare i fogli di calcolo",
        "Preferiscono il gestionale fatto in casa",
        "Il commercialista gestisce già le paghe",
        "Si appoggiano al consulente del lavoro",
        "Hanno deciso di non fare nulla",
        "Rinnovato con il fornitore attuale",
        "Sviluppo interno del loro IT",
        "Tutto ancora su carta",
        "Gestiscono tutto a mano",
        "Rimangono con il loro sistema attuale",
    ],
}
ITALIAN_RIVALS = [
    ("Persa contro Zucchetti sul prezzo", B),
    ("Scelto TeamSystem perché ha la fatturazione elettronica integrata", P),
    ("Hanno scelto Factorial, più economico", B),
    ("Vinto da Personio grazie al rapporto con il loro commerciale", R),
    ("Andati con Jet HR, ci hanno battuto sul prezzo", B),
    ("Persa con Inaz, loro hanno l'app per le timbrature", P),
    ("Zucchetti più affidabile secondo l'IT", K),
    ("Hanno preferito un fornitore più grande e consolidato", K),
    ("Persa contro Personio, miglior integrazione con SAP", P),
    ("Hanno scelto Deel perché gestisce il payroll estero", P),
]
DUTCH = {
    P: [
        "Geen koppeling met Exact Online",
        "Mist de urenregistratie module",
        "Ondersteunt geen meerdere valuta",
        "Geen e-facturatie via Peppol",
        "App werkt niet offline",
        "Te ingewikkeld voor de gebruikers op de werkvloer",
        "Rapportages te beperkt voor de controller",
        "Functionaliteit voor verlofaanvragen ontbreekt",
        "Integratie met AFAS niet beschikbaar",
        "Veel bugs tijdens de proefperiode",
        "Zonder SSO kon IT niet akkoord gaan",
        "Ze hadden een API nodig voor hun webshop",
    ],
    B: [
        "Te duur voor een team van 12",
        "Geen budget dit jaar",
        "Prijs te hoog t.o.v. Nmbrs",
        "Buiten budget",
        "Licentiekosten per gebruiker te hoog",
        "Wilden 25% korting, niet akkoord",
        "Concurrent was goedkoper",
        "Prijs-kwaliteitverhouding viel tegen",
        "Kunnen het niet betalen op dit moment",
        "Abonnement te prijzig voor een kleine zaak",
        "Budget is naar marketing gegaan",
    ],
    V: [
        "Zagen de meerwaarde niet",
        "ROI niet aangetoond",
        "Pilot leverde te weinig op",
        "Niet overtuigd van de tijdsbesparing",
        "Geen duidelijke waarde voor het MT",
        "Niet de moeite waard voor 8 gebruikers",
        "Terugverdientijd te lang",
        "Proefperiode niet overtuigend",
        "Besparing niet aantoonbaar",
        "Voordelen niet duidelijk voor de directie",
        "Business case kregen ze niet rond",
    ],
    K: [
        "Geen vertrouwen in een startup",
        "Te klein bedrijf, twijfels over continuïteit",
        "Zorgen over beveiliging van de data",
        "Voldoet niet aan de AVG volgens de FG",
        "Geen referenties in de zorgsector",
        "Risico te groot om nu over te stappen",
        "Security audit niet doorstaan",
        "Twijfels over de stabiliteit van het platform",
        "Product nog niet volwassen genoeg",
        "ISO 27001 certificering ontbreekt",
        "Privacy officer had bedenkingen",
    ],
    R: [
        "Onze contactpersoon is vertrokken",
        "Goede relatie met de accountmanager van Visma",
        "Geen draagvlak bij de directie",
        "Sponsor intern weggevallen",
        "Slechte opvolging van onze kant",
        "Aanbevolen door hun accountant",
        "Champion heeft het bedrijf verlaten",
        "Geen steun van het management",
        "Concurrent had een betere band met de CFO",
        "Onze accountmanager reageerde te traag op vragen",
        "Kennen de eigenaar van de concurrent persoonlijk",
    ],
    A: [
        "Geen prioriteit voor het MT",
        "Past niet bij hun strategie",
        "Moederbedrijf kiest voor één leverancier",
        "Overgenomen door een Duitse groep",
        "Andere behoeften dan wat wij bieden",
        "Sluit niet aan bij hun doelstellingen",
        "Consolidatie naar SAP binnen de groep",
        "Fusie met een branchegenoot, nieuwe koers",
        "Geen match met hun use case",
        "Niet in lijn met het IT-beleid",
        "Focus verschoven naar andere prioriteiten",
    ],
    T: [
        "Uitgesteld naar Q3",
        "On hold tot na de reorganisatie",
        "Geen reactie meer na de offerte",
        "Klant reageert niet op mails",
        "Volgend jaar weer oppakken",
        "Geen tijd om te implementeren",
        "Geen capaciteit bij IT dit kwartaal",
        "Project geannuleerd",
        "Besluit uitgesteld tot de nieuwe directeur er is",
        "Budget bevroren tot eind van het jaar",
        "Vastgelopen bij inkoop",
        "Te druk met de jaarafsluiting",
    ],
    S: [
        "Blijven bij Excel",
        "Doen het liever handmatig",
        "Eigen systeem laten bouwen",
        "Boekhouder doet de salarisadministratie al",
        "Blijven bij huidige leverancier",
        "Contract verlengd met Nmbrs",
        "Besloten niets te doen",
        "Werken nog op papier",
        "Zelfgebouwde tool volstaat voor nu",
        "Uitbesteed aan een administratiekantoor",
        "Houden vast aan hun huidige werkwijze",
    ],
}
DUTCH_RIVALS = [
    ("Verloren aan Nmbrs op prijs", B),
    ("Gekozen voor AFAS omdat die een betere koppeling heeft", P),
    ("Visma was goedkoper", B),
    ("Gingen voor Personio vanwege integratie met hun ATS", P),
    ("Loket.nl wint op prijs", B),
    ("Kozen Exact omdat ze alles bij één leverancier willen", A),
    ("Verloren aan Personio, hun accountmanager had een betere klik", R),
    ("Gekozen voor een grotere, gevestigde partij", K),
    ("Verloren aan HiBob: betere app", P),
    ("Keuze gevallen op Nmbrs door bestaande relatie", R),
]


#: Wordings the keyword lists do not read as they mean, and why: kept to show the limits
#: (strict, so one that starts to pass is noticed).
KNOWN_MISSES = {
    "Il referente interno nn ci ha piu risposto dopo il cambio di ruolo": (
        "a contact who changed role and stopped replying, said with no keyword ('nn')"
    ),
    "Hanno preferito un fornitore più grande e consolidato": (
        "'consolidato' is established here, consolidated (alignment) as often"
    ),
    "Onze accountmanager reageerde te traag op vragen": (
        "'traag' (slow) is the product's as often as a person's: a tie"
    ),
    "Kennen de eigenaar van de concurrent persoonlijk": "knowing someone, with no keyword",
    "Moederbedrijf kiest voor één leverancier": (
        "'één leverancier' is 'een leverancier' (any supplier) without its accents"
    ),
}


def _cases(by_category: dict[LossCategory, list[str]]) -> list[tuple[str, LossCategory]]:
    return [(reason, category) for category, reasons in by_category.items() for reason in reasons]


def _marked(cases: list[tuple[str, LossCategory]]) -> list[object]:
    return [
        pytest.param(reason, category, marks=pytest.mark.xfail(strict=True, reason=why))
        if (why := KNOWN_MISSES.get(reason))
        else (reason, category)
        for reason, category in cases
    ]


CASES = _cases(ITALIAN) + ITALIAN_RIVALS + _cases(DUTCH) + DUTCH_RIVALS


@pytest.mark.parametrize(("reason", "category"), _marked(CASES))
def test_an_italian_or_dutch_reason_lands_in_the_class_it_means(
    reason: str, category: LossCategory
) -> None:
    verdict = loss_verdict(reason, None)
    assert verdict.category is category, verdict.cues


def test_every_class_has_ten_wordings_or_more_in_each_language() -> None:
    for by_category in (ITALIAN, DUTCH):
        assert set(by_category) == {P, B, V, K, R, A, T, S}
        assert min(len(reasons) for reasons in by_category.values()) >= 10


NEAR_MISSES = [
    # A negation or a dismissal in the language of the reason. Italian "non" negates
    # before a copula, as Spanish "no" does.
    ("Non è caro", U),
    ("Il prezzo era ragionevole", U),
    ("Il prezzo non è un problema, manca l'export", P),
    ("Prezzo ok, ma non è una priorità", A),
    ("Prijs was prima", U),
    ("Niet te duur, maar geen prioriteit", A),
    ("Prijs was geen probleem, koppeling met Exact ontbreekt", P),
    ("Né budget né sponsor", U),
    # A product's thing named with a keyword is no reason.
    ("Geen rapportage per kostenplaats", P),
    ("Manca il report per centro di costo", P),
    ("Senza integrazione con l'Agenzia delle Entrate", P),
    # English words the Italian and Dutch lists must not read: "non-" is no "non",
    # "serve" and "care" are English.
    ("Vendor deemed non-compliant with HIPAA", K),
    ("Non-profit pricing too high", B),
    ("Self-serve SSO", U),
    ("Customer care was slow to answer", U),
]


@pytest.mark.parametrize(("reason", "category"), NEAR_MISSES)
def test_near_misses_in_italian_and_dutch_stay_where_they_are(
    reason: str, category: LossCategory
) -> None:
    verdict = loss_verdict(reason, None)
    assert verdict.category is category, verdict.cues
