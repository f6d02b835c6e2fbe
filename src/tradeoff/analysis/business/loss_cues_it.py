"""Italian loss-reason words, as sellers in Italy and Ticino write them (``loss_language`` says
how they are read; docs/sales.md lists them).

Italian "non" negates only before a copula ("non è caro", "non era il prezzo"), as Spanish
"no" does: read as "not" everywhere it would negate English "non-compliant" and "non-profit
pricing". Left out on purpose: "care" (expensive, and English "care": "customer care"),
"relazione" alone (a relationship, and a report: "relazione trimestrale"), "rapporto" alone
(a relationship, a report and a ratio: "rapporto qualità/prezzo" is price), "commerciale"
alone (a sales rep, and "condizioni commerciali", terms), "capacità" (capacity, and
capability: "non ha la capacità di gestire i turni" is a gap), "firma" alone (a signature
on a contract as often as e-signature) and "bloccato" alone (stalled, and a frozen app).
"""

from __future__ import annotations

from tradeoff.analysis.business.loss_language import LanguageCues, words
from tradeoff.domain.enums import LossCategory as C

ITALIAN = LanguageCues(
    name="Italian",
    cues={
        C.PRODUCT_GAP: (
            "manca", "mancano", "mancava", "mancavano", "mancanza", "carenza", "carenze",
            "funzionalità", "funzione", "funzioni", "integrazione", "integrazioni",
            "non supporta", "non gestisce", "non permette", "non consente", "non si integra",
            "non integra", "non disponibile", "non funziona*", "requisiti", "indispensabile",
            "compless*", "complicat*", "difficile da usare", "poco intuitiv*", "usabilità",
            "esperienza utente", "prestazioni", "lentezza", "troppo lent*", "troppo limitat*",
            "poco flessibil*", "troppo manuale", "poco affidabile", "instabile", "si blocca",
            "si pianta",
        ),
        C.PRICE_BUDGET: (
            "prezzo", "prezzi", "caro", "cari", "troppo cara", "troppo care", "costo", "costi",
            "costos*", "economico", "economica", "economici", "economiche", "sconto", "sconti",
            "scontistica", "canone", "canoni", "licenza", "licenze", "tariffa", "tariffe",
            "fuori budget", "permetters*", "preventivo alto", "preventivo troppo alto",
            "condizioni commerciali", "condizioni di pagamento", "rapporto qualità prezzo",
            "rapporto prezzo qualità", "qualità prezzo",
        ),
        C.VALUE_NOT_PROVEN: (
            "valore", "ritorno sull investimento", "ritorno dell investimento",
            "ritorno economico", "benefici", "vantaggi", "vantaggio", "non convint*",
            "poco convint*", "non convincent*", "non vale la pena", "non ne vale la pena",
            "pilota fallito", "pilota non riuscito", "risultati sperati", "risultati attesi",
            "risparmi*",
        ),
        C.CONFIDENCE_RISK: (
            "fiducia", "sfiducia", "si fidano", "si fidava", "si fidavano", "fidarsi",
            "rischi*", "immatur*", "troppo piccol*", "troppo giovane", "affidabil*",
            "referenze", "sicurezza", "conformità", "protezione dei dati", "audit di sicurezza",
            "solidità", "continuità", "fornitore consolidato", "azienda consolidata",
        ),
        C.RELATIONSHIP: (
            "rapporto con", "rapporti con", "relazione con", "relazioni con",
            "relazione storica", "rapporto storico", "legame", "legami",
            "ha lasciato l azienda", "ha lasciato la società", "uscito dall azienda",
            "uscita dall azienda", "cambio del referente", "cambio di referente",
            "supporto da parte", "sostegno da parte", "appoggio da parte",
            "supporto della direzione", "sostegno della direzione", "supporto interno",
            "consigliat*", "amicizia",
        ),
        C.ALIGNMENT: (
            "obiettivi", "non in linea", "non è una priorità", "non è prioritari*",
            "non era una priorità", "allineat*", "allineamento",
            "non adatt*", "non fa per loro", "caso d uso", "casi d uso", "esigenze diverse",
            "un unico fornitore", "un solo fornitore", "acquisiti da", "acquisita da",
            "acquisito da", "dopo l acquisizione", "fusione con", "fusione tra",
        ),
        C.TIMING_NO_DECISION: (
            "rimandat*", "rimandare", "rinviat*", "rinvio", "posticipat*", "slittat*",
            "in pausa", "in attesa", "sospes*", "congelat*", "budget congelato",
            "nessuna decisione", "non hanno deciso", "non hanno ancora deciso", "più avanti",
            "l anno prossimo", "anno prossimo", "prossimo anno", "prossimo trimestre",
            "se ne riparla", "non ora", "adesso no", "non sono pronti", "sparit*",
            "nessuna risposta", "non risponde", "non rispondono", "annullat*",
            "riorganizzazione", "ristrutturazione", "ufficio acquisti", "tutto fermo",
            "progetto fermo", "non hanno tempo", "mancanza di tempo", "mancanza di risorse",
            "nessuna capacità interna",
            "senza risorse", "non hanno risorse", "risorse insufficienti", "troppo impegnati",
            "nessun interesse", "perso interesse", "perso l interesse",
        ),
        C.STATUS_QUO: (
            "foglio di calcolo", "fogli di calcolo", "a mano", "manualmente", "fatto in casa",
            "sviluppo interno", "soluzione interna", "gestionale interno",
            "strumento interno", "sviluppato internamente", "commercialista",
            "consulente del lavoro", "studio paghe", "agenzia", "esternalizz*",
            "fornitore attuale", "sistema attuale", "gestionale attuale", "soluzione attuale",
            "processo attuale", "strumento attuale", "non fare nulla", "non fare niente",
            "rinnovato con", "rinnovano con",
        ),
    },
    names=(
        "centro di costo", "centri di costo", "costo del lavoro", "pagina prezzi",
        "pagina dei prezzi", "agenzia delle entrate",
    ),
    no_before=words("è era erano sono sembra sembrava fu sarebbe"),
    copula_negator="non",
    linking=words("è era erano sono sembra sembrava fu"),
    articles=words("il lo la i gli le un uno una l"),
    absence_frame=(
        "visto", "vista", "vedere", "vedono", "vedevano", "dimostrat*", "provat*",
        "ottenut*", "trovat*", "abbastanza", "ha", "hanno", "aveva", "avevano",
    ),
    denials=words("non nessun nessuna nessuno senza"),
    absence_markers=frozenset(
        {"manca", "mancano", "mancava", "mancavano", "mancanza", "carenza", "non disponibile"}
    ),
    absence_filler=words("di del della dei delle degli il lo la i gli le un uno una l"),
    verdicts=frozenset({"non in linea", "non adatt*"}),
    verdict_filler=words("con al alla ai alle il la i le loro nel nella"),
    dismissed=words("problema problemi ostacolo"),
    dismissed_alone=words("competitivo accettabile ragionevole simile corretto adeguato buono"),
    feature_frame=(
        "senza", "nessun", "nessuna", "servono", "serviva", "servivano", "necessit*",
        "richied*", "voleva", "volevano", "hanno", "offre", "offrono", "offriva", "migliore",
        "migliori", "miglior",
    ),
    feature_nouns=(
        "applicazion*", "reportistica", "sincronizzazion*", "automazion*", "notifich*",
        "permessi", "calcolo", "calcoli", "fatturazion*", "gestione", "cedolin*", "modell*",
        "flussi",
    ),
    need_frame=("servono", "serviva", "servivano", "necessit*", "richied*", "voleva", "volevano"),
    qualities=frozenset({"sicurezza", "affidabil*", "conformità"}),
    sayings={
        C.PRODUCT_GAP: (
            "non lo|la|li|le|l abbiamo|offriamo|supportiamo|gestiamo",
            "non abbiamo|offriamo|supportiamo|gestiamo|copriamo",
            "scelto|preferito|comprato * perché|perche|poiché ha|hanno|aveva|avevano|offre|"
            "offriva|include|includeva|gestisce",
            "scelto|preferito|comprato * * perché|perche|poiché ha|hanno|aveva|avevano|offre|"
            "offriva|include|includeva|gestisce",
        ),
        C.RELATIONSHIP: ("amico|amici|amica|amiche del|di|della|dei",),
        C.STATUS_QUO: (
            "restano|restare|resteranno|restati|rimangono|rimanere|rimarranno|rimasti "
            "con|col|su|sul|sulla",
            "continuano|continuare|continueranno|continuato a|ad usare|utilizzare",
            "continuano|continuare|continueranno|continuato con|col",
            "tengono|tenere|terranno|mantengono|mantenere|manterranno il|la|i|le|loro",
            "si appoggiano|appoggiano al|alla|allo",
            "su carta",
            "carta e penna",
        ),
    },
    absent_openers=(
        "senza", "manca", "mancano", "mancava", "mancavano", "nessun", "nessuna", "non c è",
        "nn c è", "non ha", "non aveva", "mancanza di", "assenza di",
    ),
    not_a_feature=words(
        """budget decisione risposta risposte tempo urgenza interesse bisogno necessità
        contatto contatti soldi fondi risorse personale team approvazione sponsor supporto
        appoggio cliente clienti utente utenti motivo motivi ragione feedback informazioni
        idea più niente nulla nessuno altro altra altri altre fretta decisore firma contratto
        riunione incontro demo chiamata ordine referente riscontro"""),
    capacity_nouns=("tempo", "risorse", "capacità"),
    capacity_purposes=words("per"),
    task_ends=words("e anche inoltre ma perché"),
)  # fmt: skip
