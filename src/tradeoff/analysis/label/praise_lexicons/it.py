"""Italian: the words praise is read by (``Lexicon`` says each role). Elided words are read
spelt out ("l'app" as "lo app", "dell'app" as "della app")."""

from tradeoff.analysis.label.praise_lexicons.lexicon import Lexicon

LEXICON = Lexicon(
    praise="""eccellente, eccellenti, eccezionale, eccezionali, ottimo, ottima, ottimi, ottime,
    fantastico, fantastica,
    fantastici, fantastiche, meraviglioso, meravigliosa, meravigliosi, stupendo, stupenda,
    splendido, splendida, incredibile, incredibili, perfetto, perfetta, perfetti, perfette,
    impeccabile, impeccabili, facile, facili, semplice, semplici, intuitivo, intuitiva,
    intuitivi, pratico, pratica, pratici, utile, utili, efficiente, efficienti, efficace,
    efficaci, affidabile, affidabili, gentile, gentili, disponibile, disponibili,
    competente, competenti, cordiale, cordiali, soddisfatto, soddisfatta, soddisfatti,
    soddisfatte, contento, contenta, contenti, contente, felice, felici, entusiasta,
    adoro, adoriamo, mi piace molto, ci piace molto, mi piace tanto, consiglio, consigliamo,
    consigliato, consigliatissimo, raccomando,
    funziona bene, funzionano bene, funziona benissimo, funziona perfettamente, molto bene,
    benissimo, il migliore, la migliore, i migliori, le migliori, top, una meraviglia,
    senza intoppi, fluido, fluida""",
    manner="""veloce, veloci, velocemente, rapido, rapida, rapidi, rapidamente, subito,
    immediatamente, all istante, in pochi minuti, tempestivamente, prontamente, facilmente""",
    manner_adjectives="veloce veloci rapido rapida velocissimo",
    idioms="""nessun problema, senza problemi, zero problemi, nessuna lamentela,
    non ha mai problemi, cinque stelle, 5 stelle, dieci su dieci, 10 su 10,
    grazie per aver risolto, grazie per la soluzione, grazie per la correzione,
    grazie mille, mille grazie, grazie infinite, continuate così, ottimo lavoro,
    bel lavoro, buon lavoro, complimenti""",
    not_praise="""buongiorno, buona giornata, buona serata, buon fine settimana, buon weekend,
    buona settimana, buon natale, buone feste, buon anno, felice anno nuovo,
    cordiali saluti, distinti saluti, un cordiale saluto, grazie in anticipo,
    grazie anticipatamente, il prima possibile, al più presto, quanto prima,
    domanda veloce, domanda rapida, risposta veloce, risposta rapida, pronta risposta,
    per questo, ecco perché, felice di aiutare, lieto di, lieta di, non solo""",
    negators="non mai niente nulla nessuno nessuna senza né neanche nemmeno neppure",
    requests="""bisogno serve servono vorrei vorremmo voglio vogliamo urgente urgenza
    urgentemente importante essenziale deve devono chiedo chiediamo spero speriamo prego
    per favore""",
    wishes="""se pensavo credevo pensato aspettavo dovrebbe dovrebbero sembra sembrava""",
    conditional_endings="rei rebbe remmo reste rebbero",
    not_conditional="",
    orders="""correggete risolvete verificate inviate aggiungete fate mettete attivate
    cambiate rispondete aiutate sistemate""",
    making="""aggiungere correggere risolvere attivare permettere integrare includere fare
    creare sistemare""",
    please="per favore, per piacere, vi prego di",
    request_phrases="""sarebbe bello, sarebbe utile, sarebbe ottimo, sarebbe comodo,
    richiesta di funzionalità, suggerimento, suggerimenti, suggerisco, proponiamo""",
    complaint_asks="""perché, come mai, cosa succede, che succede, cosa è successo""",
    question_openers="""che, cosa, come, quando, dove, quale, quali, quanto, chi, perché,
    è possibile, si può""",
    contrasts="""ma, però, tuttavia, purtroppo, eccetto, tranne, sebbene, benché, anche se,
    invece""",
    turns="finché, all improvviso, improvvisamente, da un giorno all altro",
    wish_openers="magari, se solo, peccato che, peccato",
    problems="""errore errori errato errata errati bug crash problema problemi sbagliato
    sbagliata sbagliati sbagliate lento lenta lenti lente lentezza ritardo ritardi
    bloccato bloccata bloccati blocca impossibile difficile difficili complicato
    complicata confuso confusa fastidioso frustrante deluso delusa deludente pessimo
    pessima orribile terribile inutile inutilizzabile duplicato duplicati manca mancano
    mancante mancanti respinto respinta rifiutato rifiutata perso persa persi scomparso
    scomparsa sparito sparita reclamo reclami inaccettabile ridicolo instabile scaduto
    scaduta peggio peggiorato invalido invalida obsoleto""",
    problem_phrases="""si blocca, si è bloccato, si chiude, si è chiuso, si pianta,
    non va, troppo lento, sempre più lento, ogni volta, di nuovo""",
    functions="""funziona funzionano funzionava funzionato funzionare va vanno carica caricano
    caricato arriva arrivano arrivato arrivata appare appaiono apparso mostra mostrano
    apre aprono aperto salva salvato sincronizza sincronizzato invia inviato collega
    collegato permette permettono posso possiamo può possono risponde rispondono risposto
    calcola calcolato riesco riesce riusciamo riescono ricevo riceviamo ricevuto ricevuta accetta
    accettato possibile è sono
    corrisponde""",
    relief="devo dobbiamo serve bisogno",
    resolved="risolto risolta risolti sistemato sistemata corretto corretta riparato",
    habits="""normalmente, di solito, solitamente, generalmente, abitualmente, in passato,
    il mese scorso, lo anno scorso, un anno fa, qualche mese fa, prima funzionava""",
    before="prima",
    before_time="di del della che",
    changes="aggiornamento aggiornamenti versione cambiamento migrazione",
    hedges="abbastanza piuttosto quasi relativamente discretamente",
    preambles="""in generale, nel complesso, tutto sommato, nel complesso, innanzitutto,
    prima di tutto, anzitutto, per cominciare, in primo luogo, la maggior parte delle cose""",
    elsewhere="internet rete wifi connessione computer portatile altri altre altro resto",
    places="su con in da per che anche rispetto",
    addressee="voi tu te",
    reports="""è sono era erano stato stata funziona funzionano va vanno carica arriva
    arrivato arrivata risponde rispondono risposto hanno ha""",
    past_endings="ato ata ati ito ita iti",
    not_reports="per che se può possono deve devono voglio vorrei serve",
    intensifiers="molto super davvero veramente così tanto estremamente incredibilmente",
    willing="felice felici lieto lieta contento contenta",
    willing_link="di",
    perceive="vedere sapere leggere sentire informare dire confermare essere avere",
    general="""applicazione applicazioni app prodotto prodotti strumento strumenti
    piattaforma sistema software programma soluzione tutto esperienza azienda versione
    cosa cose funzione funzioni funzionalità""",
    courtesy="""grazie mille ciao salve team squadra tutti ok sì stelle stella cinque dieci
    voto""",
    people="dipendenti collaboratori utenti clienti personale gente",
    attachments="allegato allegata allegati allego screenshot schermata immagine",
    elisions={
        "l": "lo",
        "un": "una",
        "dell": "della",
        "nell": "nella",
        "all": "alla",
        "dall": "dalla",
        "sull": "sulla",
        "c": "ci",
        "d": "di",
        "quest": "questo",
        "quell": "quello",
    },
    conditionals="""sarei saresti sarebbe saremmo sareste sarebbero avrei avresti avrebbe
    avremmo avreste avrebbero starei staresti starebbe staremmo stareste starebbero
    resterei resterebbe resteremmo resterebbero farei faresti farebbe faremmo fareste
    farebbero darei darebbe daremmo darebbero""",
)
