"""Dutch: the words praise is read by (``Lexicon`` says each role). A negation follows the
verb it denies ("werkt niet")."""

from tradeoff.analysis.label.praise_lexicons.lexicon import Lexicon

LEXICON = Lexicon(
    praise="""uitstekend, uitstekende, geweldig, geweldige, fantastisch, fantastische,
    prachtig, prachtige, perfect, perfecte, top, super, fijn, fijne, handig, handige,
    makkelijk, makkelijke, gemakkelijk, gemakkelijke, eenvoudig, eenvoudige, intuïtief,
    intuïtieve, praktisch, praktische, nuttig, nuttige, betrouwbaar, betrouwbare,
    vriendelijk, vriendelijke, behulpzaam, behulpzame, deskundig, tevreden, blij,
    enthousiast, ik hou van, wij houden van, aanrader, een aanrader, ik raad aan,
    werkt goed, werkt prima, werkt perfect, werkt uitstekend, heel goed, erg goed,
    zeer goed, de beste, het beste, probleemloos, soepel, vlekkeloos""",
    manner="""snel, snelle, sneller, vlot, vlotte, direct, meteen, onmiddellijk, binnen enkele
    minuten, razendsnel""",
    manner_adjectives="snel snelle vlot razendsnel",
    idioms="""geen problemen, zonder problemen, geen klachten, nooit problemen, vijf sterren,
    5 sterren, tien uit tien, 10 uit 10, bedankt voor het oplossen,
    dank voor het oplossen, bedankt voor de oplossing, hartelijk dank, heel erg bedankt,
    ga zo door, goed werk, top werk, complimenten, petje af""",
    not_praise="""goedemorgen, goedemiddag, goedenavond, fijne dag, een fijne dag,
    fijn weekend, een fijn weekend, prettige dag, fijne feestdagen, gelukkig nieuwjaar,
    vriendelijke groet, vriendelijke groeten, met vriendelijke groet, hartelijke groet,
    alvast bedankt, bij voorbaat dank, zo snel mogelijk, zo spoedig mogelijk,
    snelle vraag, korte vraag, snel antwoord, snelle reactie, daarom, niet alleen""",
    negators="niet geen nooit niets niemand zonder nauwelijks",
    requests="""nodig wil willen graag moet moeten dringend belangrijk hoop hopen vraag vragen
    alsjeblieft alstublieft aub""",
    wishes="als dacht verwachtte zou zouden lijkt leek eigenlijk",
    conditional_endings="",
    not_conditional="",
    orders="los repareer voeg maak pas stuur controleer help",
    making="toevoegen oplossen repareren maken aanpassen ondersteunen",
    please="alsjeblieft, alstublieft, aub, graag",
    request_phrases="""zou fijn zijn, zou handig zijn, zou mooi zijn, het zou, feature request,
    verzoek, suggestie, voorstel""",
    complaint_asks="waarom, hoe kan het, hoe kan dat, wat is er aan de hand, wat is er gebeurd",
    question_openers="""wat, hoe, wanneer, waar, waarom, welke, wie, is het mogelijk, kan ik,
    kunnen jullie""",
    contrasts="maar, echter, helaas, behalve, hoewel, toch, alleen jammer",
    turns="totdat, plotseling, opeens, ineens",
    wish_openers="ik wou dat, als alleen, jammer dat, jammer",
    problems="""fout fouten foutief foutieve bug bugs crash crasht gecrasht probleem problemen
    verkeerd verkeerde traag trage langzaam vertraging vertraagd geblokkeerd onmogelijk
    moeilijk ingewikkeld verwarrend irritant frustrerend teleurgesteld teleurstellend
    slecht slechte waardeloos waardeloze vreselijk verschrikkelijk nutteloos onbruikbaar dubbel
    dubbele
    ontbreekt ontbreken ontbrekende afgewezen geweigerd kwijt verdwenen klacht klachten
    onacceptabel belachelijk instabiel verlopen hangt vastgelopen ongeldig ongeldige""",
    problem_phrases="""loopt vast, liep vast, sluit af, valt uit, duurt lang,
    duurt te lang, te traag, steeds trager, elke keer, weer eens""",
    functions="""werkt werken werkte gewerkt laadt laden laadde komt komen kwam aangekomen
    verschijnt verschijnen toont tonen opent openen opgeslagen synchroniseert
    synchroniseren verstuurt verstuurd verbindt verbonden kan kunnen kon konden reageert
    ontvangen ontvang ontvangt accepteert mogelijk lukt lukte start is zijn klopt kloppen""",
    relief="hoef hoeven moet moeten meer",
    resolved="opgelost verholpen gerepareerd gecorrigeerd",
    habits="""normaal, normaal gesproken, meestal, gewoonlijk, vroeger, eerder, in het verleden,
    vorige maand, vorig jaar, een jaar geleden""",
    before="",
    before_time="",
    changes="update updates versie wijziging",
    hedges="redelijk vrij tamelijk best vrijwel bijna eigenlijk",
    preambles="""over het algemeen, in het algemeen, globaal, al met al, allereerst,
    eerst en vooral, om te beginnen, in de eerste plaats""",
    elsewhere="internet netwerk wifi verbinding computer laptop pc andere anders rest verder",
    places="op met in bij via dan zelfs",
    addressee="jullie jij je",
    reports="""is zijn was waren werd werden heeft hebben had werkt werkte loopt liep gaat ging
    laadt kwam reageert reageerde antwoordt antwoordde geholpen opgelost""",
    past_endings="",
    not_reports="om te dat als kan kunnen moet moeten wil graag",
    intensifiers="heel erg zeer super echt ontzettend enorm zo altijd",
    willing="blij bereid",
    willing_link="om",
    perceive="zien horen lezen weten zeggen melden",
    general="""app apps applicatie toepassing product producten tool tools software platform
    systeem programma oplossing alles ervaring bedrijf versie functie functies ding dingen""",
    courtesy="""bedankt dank hallo hoi team iedereen ok oké ja sterren ster vijf tien cijfer""",
    people="medewerkers collega's collega gebruikers klanten personeel mensen",
    attachments="bijlage bijgevoegd screenshot schermafbeelding",
    negated_after=True,
    conditionals="zou zouden",
)
