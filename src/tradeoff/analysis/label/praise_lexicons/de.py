"""German: the words praise is read by (``Lexicon`` says each role). A negation follows the
verb it denies ("funktioniert nicht"), and "gut" alone is no cue, as "good" is none in
English: "sehr gut", "funktioniert gut" are."""

from tradeoff.analysis.label.praise_lexicons.lexicon import Lexicon

LEXICON = Lexicon(
    praise="""ausgezeichnet, ausgezeichnete, ausgezeichneten, ausgezeichneter,
    ausgezeichnetes, exzellent, exzellente, exzellenten, exzellenter, hervorragend,
    hervorragende, hervorragenden, hervorragender, hervorragendes, großartig, großartige,
    großartigen, großartiger, super, toll, tolle, tollen, toller, tolles, klasse, spitze,
    genial, geniale, genialen, fantastisch, fantastische, fantastischen, wunderbar,
    wunderbare, wunderbaren, perfekt, perfekte, perfekten, perfekter, einwandfrei,
    einwandfreie, tadellos, sehr einfach, ganz einfach, super einfach, total einfach,
    einfach zu bedienen, einfach zu nutzen, kinderleicht, leicht zu bedienen, intuitiv,
    intuitive, intuitiven, praktisch, praktische, nützlich, nützliche, hilfreich,
    hilfreiche, hilfreichen, zuverlässig, zuverlässige, zuverlässigen, freundlich,
    freundliche, freundlichen, freundlicher, kompetent, kompetente, kompetenten, zufrieden,
    begeistert, glücklich, reibungslos, unkompliziert, problemlos, mühelos, ich liebe,
    wir lieben, gefällt mir, gefällt uns, gefallen mir, gefallen uns, ich empfehle,
    wir empfehlen, empfehlenswert, klare empfehlung, absolute empfehlung, bestens, am besten,
    der beste, die beste, das beste,
    den besten, sehr gut, echt gut, richtig gut, wirklich gut, total gut, super gut,
    funktioniert gut, funktioniert sehr gut, funktioniert super, funktioniert perfekt,
    funktioniert einwandfrei, klappt gut, klappt super, klappt perfekt, läuft gut,
    läuft super, läuft rund, läuft stabil, top""",
    manner="""schnell, schnelle, schnellen, schneller, schnelles, rasch, sofort, umgehend,
    prompt, zügig, blitzschnell, im handumdrehen, in wenigen minuten""",
    manner_adjectives="schnell schnelle schneller rasch zügig prompt blitzschnell",
    idioms="""keine probleme, ohne probleme, nie probleme, noch nie probleme,
    keine beschwerden, nichts zu meckern, nichts auszusetzen, stürzt nie ab, fünf sterne,
    5 sterne, zehn von zehn, 10 von 10, danke für die behebung,
    vielen dank für die behebung, danke für die lösung, vielen dank für die lösung,
    danke fürs beheben, danke fürs lösen, tausend dank, weiter so, macht weiter so,
    gute arbeit, tolle arbeit, super arbeit, großes lob, ein großes lob, hut ab,
    daumen hoch""",
    not_praise="""guten morgen, guten tag, guten abend, schönen tag, einen schönen tag,
    schönes wochenende, ein schönes wochenende, schöne woche, schöne grüße, schöne feiertage,
    frohe weihnachten, frohe ostern, frohes neues, gutes neues jahr,
    mit freundlichen grüßen, freundliche grüße, freundlichen grüßen, beste grüße,
    besten grüßen, liebe grüße, viele grüße, herzliche grüße, besten dank im voraus,
    vielen dank im voraus, danke im voraus, im voraus, so schnell wie möglich,
    schnellstmöglich, möglichst schnell, so bald wie möglich, schnelle frage, kurze frage,
    schnelle antwort, schnelle rückmeldung, zeitnahe rückmeldung, baldige rückmeldung,
    deshalb, deswegen, darum, daher, sehr geehrte, sehr geehrter, liebes team, liebe grüße,
    gerne geschehen, gern geschehen, gerne helfen, freue mich auf, freuen uns auf,
    nicht nur, top 10, top 5, top 3""",
    negators="nicht kein keine keinen keinem keiner keines nie niemals nichts ohne kaum weder",
    requests="""bitte brauche brauchen braucht benötige benötigen möchte möchten wünsche
    wünschen will wollen dringend wichtig muss müssen sollte sollten soll sollen erwarte
    erwarten hoffe hoffen""",
    wishes="""wenn falls dachte dachten erwartet eigentlich scheint schien würde würden wäre
    wären hätte hätten könnte könnten""",
    conditional_endings="",
    not_conditional="",
    orders="""beheben korrigieren prüfen schicken senden ergänzen machen ändern antworten
    helfen lösen reparieren""",
    making="""hinzufügen ergänzen einbauen ermöglichen unterstützen implementieren integrieren
    beheben korrigieren anbieten einführen""",
    please="bitte",
    request_phrases="""wäre schön, wäre toll, wäre super, wäre gut, wäre hilfreich,
    wäre praktisch, wäre klasse, wir wünschen uns, ich wünsche mir, wünschenswert,
    feature request, funktionswunsch, verbesserungsvorschlag, vorschlag, bitte um""",
    complaint_asks="""warum, wieso, weshalb, was ist los, was ist passiert,
    wie kann es sein, wie kann das sein""",
    question_openers="""was, wie, wann, wo, warum, wieso, weshalb, welche, welcher, welches,
    wer, gibt es, kann man, können sie, ist es möglich""",
    contrasts="""aber, jedoch, allerdings, leider, außer, obwohl, trotzdem, dennoch,
    nur leider, bis auf""",
    turns="plötzlich, auf einmal, bis dann",
    wish_openers="ich wünschte, wenn nur, schade dass, schade",
    problems="""fehler fehlern fehlerhaft fehlerhafte fehlerhaften bug bugs absturz abstürze
    stürzt abgestürzt problem probleme problemen falsch falsche falschen falscher falsches
    langsam langsame langsamen verzögerung verzögert verspätet hängt hängen blockiert
    gesperrt unmöglich schwierig kompliziert umständlich verwirrend nervig ärgerlich
    frustrierend frustriert enttäuscht enttäuschend schlecht schlechte schlechter
    schrecklich furchtbar katastrophal katastrophe unbrauchbar nutzlos doppelt doppelte
    dupliziert fehlt fehlen fehlende fehlenden fehlte ausstehend abgelehnt zurückgewiesen
    verloren verschwunden verschwindet beschwerde beschwerden reklamation inakzeptabel
    unzumutbar lächerlich instabil abgelaufen veraltet verzerrt ständig dauernd andauernd
    ewig ungültig ungültige ungültigen""",
    problem_phrases="""stürzt ab, stürzte ab, hängt sich auf, hängt fest, friert ein,
    lädt ewig, dauert ewig, dauert zu lange, zu langsam, immer langsamer, schon wieder,
    immer wieder, meldet mich ab, meldet uns ab, wirft mich raus, ging es noch""",
    functions="""funktioniert funktionieren funktionierte geht gehen ging klappt klappen
    klappte lädt laden lud geladen kommt kommen kam angekommen erscheint erscheinen
    erschienen zeigt zeigen zeigte angezeigt öffnet öffnen öffnete speichert speichern
    gespeichert synchronisiert synchronisieren sendet senden gesendet verbindet verbunden
    erlaubt kann können konnte konnten reagiert reagieren antwortet berechnet berechnen
    erhalten bekommen bekomme bekommt akzeptiert möglich läuft laufen startet starten ist sind
    stimmt stimmen""",
    relief="muss müssen brauche brauchen mehr",
    resolved="gelöst behoben repariert korrigiert beseitigt erledigt",
    habits="""normalerweise, üblicherweise, gewöhnlich, früher, vorher, letzten monat,
    letztes jahr, vor einem jahr, vor ein paar monaten, in der vergangenheit, ging es noch,
    hat es noch""",
    before="",
    before_time="",
    changes="update updates version änderung umstellung",
    hedges="ziemlich relativ eigentlich größtenteils meistens halbwegs einigermaßen recht fast",
    preambles="""insgesamt, im großen und ganzen, im allgemeinen, grundsätzlich, generell,
    alles in allem, unterm strich, im grunde, zunächst, zuerst einmal, erstmal,
    erst einmal, vorab, zuallererst, vorweg""",
    elsewhere="""internet netzwerk wlan wifi verbindung rechner computer laptop pc andere
    anderen anderes anderer rest sonst ansonsten""",
    places="auf mit über in im bei als selbst sogar verglichen",
    addressee="du dir dich euch",
    reports="""ist sind war waren wurde wurden hat haben hatte funktioniert funktionierte läuft
    lief geht ging klappt klappte lädt kommt kam kamen antwortet antworteten reagiert
    reagierten hilft half geholfen erledigt gelöst bearbeitet beantwortet""",
    past_endings="",
    not_reports="zu um damit dass wenn falls kann können soll sollte muss müssen möchte bitte",
    intensifiers="""sehr super echt wirklich total richtig extrem unglaublich äußerst besonders
    so ganz mega voll immer stets""",
    willing="froh bereit",
    willing_link="zu",
    perceive="sehen hören lesen erfahren wissen sagen berichten",
    general="""app apps anwendung anwendungen produkt produkte tool tools werkzeug software
    plattform system programm lösung alles erfahrung firma unternehmen version funktion
    funktionen sache sachen ding dinge""",
    courtesy="""danke dank vielen herzlichen grüße hallo team leute alle ok okay ja sterne
    stern fünf zehn note""",
    people="""mitarbeiter mitarbeitende mitarbeitenden mitarbeiterinnen kollegen kolleginnen
    nutzer benutzer kunden personal leute belegschaft""",
    attachments="anbei anhang angehängt screenshot screenshots bildschirmfoto",
    negated_after=True,
    conditionals="""würde würdest würden wäre wär wärst wären hätte hättest hätten könnte
    könnten fände fänden bliebe blieben""",
)
