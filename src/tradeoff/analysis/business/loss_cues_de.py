"""German loss-reason words (``loss_language`` says how they are read; docs/sales.md lists them).

German joins words: "Budgetkürzung" and "Preiserhöhung" are matched by a prefix ("budget*",
"preis*"), but a compound that ends in the keyword is not, so the common ones are listed
("Lizenzkosten", "Gesamtkosten"), and "kosten" is a whole word, never a prefix: "Kostenstelle"
is a cost centre and "Kosteneinsparung" a saving. "Budgetstopp" is timing, as "budget
freeze" is: a listed whole word comes before a prefix. Left out on purpose: "Nutzen" alone
(a benefit, and the verb to use: "nutzen weiterhin Excel"), "Leistung" (performance, and
what a product does) and "Betriebsrat" (a works council approves HR software for many
reasons).
"""

from __future__ import annotations

from tradeoff.analysis.business.loss_language import LanguageCues, words
from tradeoff.domain.enums import LossCategory as C

GERMAN = LanguageCues(
    name="German",
    cues={
        C.PRODUCT_GAP: (
            "fehlt", "fehlte", "fehlen", "fehlten", "fehlend*", "mangel", "mangelnde*",
            "mangelhaft*", "funktion", "funktionen", "funktionalität*", "funktionsumfang",
            "funktioniert nicht", "funktionierte nicht", "schnittstelle*", "anbindung*",
            "unterstützt nicht",
            "nicht unterstützt", "nicht verfügbar", "anforderung*", "komplex*", "kompliziert*",
            "umständlich*", "nicht benutzerfreundlich", "bedienbarkeit",
            "benutzerfreundlichkeit", "zu eingeschränkt", "unflexibel", "zu starr",
            "zu manuell", "unzuverlässig", "instabil", "absturz*", "abstürz*", "stürzt ab",
            "fehler*",
        ),
        C.PRICE_BUDGET: (
            "preis*", "teuer*", "teur*", "kosten", "kostengründe", "kostenlos*",
            "lizenzkosten", "gesamtkosten", "einführungskosten", "implementierungskosten",
            "günstig*", "billig*", "rabatt*", "nachlass", "lizenz*", "nicht leisten",
            "konditionen", "zahlungsbedingungen", "vertragsbedingungen", "gratis",
            "preis leistung*", "preis leistungs verhältnis", "preisleistung*", "kosten nutzen*",
        ),
        C.VALUE_NOT_PROVEN: (
            "mehrwert", "kein nutzen", "keinen nutzen", "nicht rentabel", "rentabilität",
            "lohnt sich nicht", "nicht überzeugt", "pilot gescheitert",
            "pilotprojekt gescheitert", "zeitersparnis", "einsparung*", "ersparnis*",
            "kosteneinsparung*",
        ),
        C.CONFIDENCE_RISK: (
            "vertrauen", "misstrau*", "risiko*", "risiken", "reife", "unreif*", "zu klein",
            "zuverlässigkeit", "referenz*", "sicherheit*", "datenschutz*", "dsgvo",
        ),
        C.RELATIONSHIP: (
            "beziehung*", "ansprechpartner*", "hat das unternehmen verlassen",
            "hat die firma verlassen", "nachfass*", "betreuung", "vertriebler",
            "vertriebsmitarbeiter", "empfehlung*", "empfohlen", "rückhalt",
            "unterstützung der geschäftsführung", "interne unterstützung",
        ),
        C.ALIGNMENT: (
            "nicht priorisiert", "ziele", "passt nicht", "passte nicht", "nicht passend",
            "anwendungsfall", "andere anforderungen", "konsolidier*", "aus einer hand",
            "einziger anbieter", "einzigen anbieter", "übernahme", "fusion mit", "fusionier*",
        ),
        C.TIMING_NO_DECISION: (
            "verschoben", "verschieb*", "vertagt", "auf eis", "pausiert", "zurückgestellt",
            "keine entscheidung", "unentschlossen", "später", "nächstes jahr",
            "nächsten jahr", "nächstes quartal", "nicht jetzt", "jetzt nicht", "nicht bereit",
            "keine antwort", "keine rückmeldung", "meldet sich nicht", "melden sich nicht",
            "abgetaucht", "abgesagt", "storniert", "umstrukturierung", "reorganisation",
            "einkaufsabteilung", "budgetstopp", "eingefroren", "zeitmangel", "kein interesse",
            "desinteresse", "keine zeit", "zu wenig zeit", "nicht genug zeit",
            "keine kapazität", "keine kapazitäten", "keine freien kapazitäten",
            "zu wenig kapazität*", "kapazitätsmangel", "kapazitätsengpass*", "keine ressourcen",
            "ressourcenmangel", "personalmangel", "keine bandbreite",
        ),
        C.STATUS_QUO: (
            "tabellenkalkulation*", "excel liste*", "excel tabelle*", "von hand", "händisch",
            "manuell", "eigenentwicklung*", "eigene lösung", "eigenes tool",
            "eigene software", "eigenes system", "inhouse", "interne lösung", "internes tool",
            "selbst gebaut*", "selbstgebaut*", "steuerberater*", "lohnbüro*", "agentur*",
            "auslager*", "outsourcing", "aktueller anbieter", "bisheriger anbieter",
            "bestehender anbieter", "bestehende lösung", "bisherige lösung",
            "aktuelle lösung", "nichts tun",
        ),
    },
    names=("kostenstelle*", "kostenträger*", "preisseite*", "preisrechner*"),
    negators=frozenset({"nicht", "weder"}),
    carried_negators=frozenset({"weder"}),
    linking=words("ist war waren sind schien"),
    articles=words("der die das den dem des ein eine einen einem einer"),
    absence_frame=(
        "genug", "ausreichend*", "gesehen", "sehen", "sahen", "erkenn*", "nachgewiesen",
        "nachweis*", "bewiesen", "bewies*", "gezeigt", "zeig*", "erreicht", "gefunden",
        "hatten", "hatte", "hat", "haben", "bekommen", "erhalten",
    ),
    denials=words("kein keine keinen keiner ohne"),
    absence_markers=words("fehlt fehlte fehlen fehlten fehlend* mangel mangelnde*")
    | {"nicht verfügbar"},
    absence_filler=words("an am der die das den dem ein eine einen einer"),
    verdicts=frozenset({"passt nicht", "passte nicht", "nicht passend"}),
    verdict_filler=words("ins in zu zum zur ihr ihre ihrem ihren ihrer der die das den dem"),
    dismissed=words("thema hindernis grund"),
    dismissed_alone=words("gut fair wettbewerbsfähig akzeptabel vergleichbar angemessen ähnlich"),
    feature_frame=(
        "ohne", "kein", "keine", "keinen", "brauch*", "benötig*", "erforder*", "verlang*",
        "wollt*", "bietet", "boten", "besser*",
    ),
    feature_nouns=(
        "synchronis*", "bericht*", "auswertung*", "modul*", "vorlage*", "automatisier*",
        "benachrichtigung*", "berechtigung*", "berechnung*", "abrechnung*",
    ),
    need_frame=("brauch*", "benötig*", "erforder*", "verlang*", "wollt*"),
    qualities=frozenset({"sicherheit*", "zuverlässigkeit", "datenschutz*"}),
    sayings={
        C.PRODUCT_GAP: (
            "haben|bieten|unterstützen wir nicht|kein|keine|keinen",
            "wir haben|bieten|unterstützen kein|keine|keinen",
        ),
        C.STATUS_QUO: (
            "bleiben|bleibt|blieb|blieben bei|beim",
            "weiter mit|bei|beim",
            "behalten|behält|behielten|beibehalten",
            "auf papier",
            "mit papier",
        ),
    },
    absent_openers=(
        "ohne", "kein", "keine", "keinen", "keiner", "fehlt", "fehlte", "fehlen",
        "fehlende", "fehlender", "fehlendes", "fehlenden", "es fehlt", "es fehlte",
        "mangel an", "mangelnde", "mangelnder",
    ),
    not_a_feature=words(
        """budget entscheidung antwort rückmeldung zeit dringlichkeit interesse bedarf
        kontakt geld mittel ressourcen personal team freigabe genehmigung sponsor
        unterstützung kunde kunden nutzer benutzer grund gründe feedback information idee
        mehr nichts niemand anderer andere ansprechpartner entscheider unterschrift vertrag
        termin demo anruf bestellung"""),
    joins_nouns=True,
    capitalises_nouns=True,
    capacity_nouns=("zeit", "kapazität", "ressource", "bandbreite", "personal"),
    capacity_purposes=words("für um zum zur"),
    task_ends=words("und auch ausserdem aber weil sowie oder"),
)  # fmt: skip
