"""French: the words praise is read by (``Lexicon`` says each role). Elided words are read
spelt out ("n'est" as "ne est", "d'avoir" as "de avoir"), and "ne" is no negator alone:
"pas", "jamais", "rien" are ("il n'y a aucun problème" is praise)."""

from tradeoff.analysis.label.praise_lexicons.lexicon import Lexicon

LEXICON = Lexicon(
    praise="""excellent, excellente, excellents, excellentes, génial, géniale, géniaux,
    géniales, super, formidable, formidables, incroyable, incroyables, merveilleux,
    merveilleuse, merveilleuses, fantastique, fantastiques, parfait, parfaite, parfaits,
    parfaites, impeccable, impeccables, facile, faciles, simple, simples, intuitif,
    intuitive, intuitifs, intuitives, pratique, pratiques, utile, utiles, efficace,
    efficaces, fiable, fiables, agréable, agréables, aimable, aimables, sympathique,
    sympathiques, sympa, serviable, serviables, réactif, réactive, réactifs, réactives,
    compétent, compétente, compétents, compétentes, ravi, ravie, ravis, ravies, content,
    contente, contents, contentes, satisfait, satisfaite, satisfaits, satisfaites, heureux,
    heureuse, heureuses, enchanté, enchantée, enchantés, adore, adorons, adorent,
    je aime beaucoup, nous aimons beaucoup, on aime beaucoup, recommande, recommandons,
    recommandé, à recommander, bravo, chapeau, nickel, au top, fonctionne bien,
    fonctionnent bien, fonctionne très bien, fonctionne parfaitement, marche bien,
    marche très bien, marche parfaitement, très bien, le meilleur, la meilleure,
    les meilleurs, les meilleures, un régal, une merveille, sans faille, fluide""",
    manner="""rapide, rapides, rapidement, vite, immédiatement, instantanément, aussitôt,
    en quelques minutes, sans délai, efficacement, facilement, promptement""",
    manner_adjectives="rapide rapides",
    idioms="""sans problème, sans problèmes, aucun problème, aucun souci, pas de problème,
    pas de souci, sans souci, zéro problème, rien à redire, aucune plainte, jamais planté,
    ne plante jamais, cinq étoiles, 5 étoiles, dix sur dix, 10 sur 10,
    merci de avoir résolu, merci de avoir corrigé, merci pour la correction,
    merci pour la résolution, merci pour la solution, mille mercis, un grand merci,
    merci infiniment, continuez comme ça, continuez ainsi, bon travail, beau travail,
    excellent travail, du bon travail, félicitations""",
    not_praise="""bonne journée, belle journée, excellente journée, bonne soirée,
    bonne fin de journée, bon week end, bonne semaine, excellente semaine, bonne année,
    joyeux noël, bonnes fêtes, bonne continuation, ravi de vous, ravie de vous,
    enchanté de, enchantée de, au plaisir, bien à vous, bien cordialement,
    meilleures salutations, je vous remercie par avance, merci par avance, merci de avance,
    de avance merci, le plus rapidement possible, le plus vite possible, au plus vite,
    dès que possible, question rapide, petite question, réponse rapide, retour rapide,
    prompte réponse, ce est pourquoi, voilà pourquoi, ravi de aider,
    ravis de aider, non seulement, pas seulement, très bonne journée""",
    negators="pas jamais rien aucun aucune sans guère nullement ni personne",
    requests="""besoin voudrais voudrions souhaite souhaitons souhaiterais aimerais aimerions
    faut urgent urgente urgence urgemment important importante essentiel indispensable svp
    stp veuillez dois devons doit demande demandons""",
    wishes="""si pensais croyais pensé cru attendais censé censée censés semble semblait""",
    conditional_endings="rais rait rions riez raient",
    not_conditional="""jamais mais frais vrais désormais portrait retrait extrait attrait
    abstrait distrait soustrait engrais""",
    orders="""corrigez réglez vérifiez envoyez ajoutez faites mettez activez changez
    répondez aidez résolvez""",
    making="""ajouter corriger régler activer permettre intégrer inclure faire créer prévoir
    proposer""",
    please="svp, stp, veuillez, merci de, merci de bien vouloir",
    request_phrases="""il faudrait, ce serait bien, ce serait génial, serait bien,
    serait top, serait pratique, demande de fonctionnalité, suggestion, suggestions,
    je suggère, nous suggérons, je propose, nous proposons""",
    complaint_asks="""pourquoi, comment se fait il, que est ce qui se passe,
    que se passe t il, que se est il passé""",
    question_openers="""que, quoi, comment, quand, où, quel, quelle, quels, quelles, combien,
    pourquoi, est ce, est il possible, peut on""",
    contrasts="""mais, cependant, pourtant, toutefois, néanmoins, sauf, malheureusement,
    bien que, par contre, en revanche, hormis""",
    turns="jusqu à ce que, jusque à ce que, soudain, tout à coup, du jour au lendemain",
    wish_openers="si seulement, dommage que, je aimerais que, nous aimerions que",
    problems="""erreur erreurs erroné erronée erronés erronées bug bugs bogue beug plante
    plantage plantages planté crash panne pannes problème problèmes souci soucis incorrect
    incorrecte incorrects incorrectes faux fausse fausses lent lente lents lentes lenteur
    lenteurs retard retards bloqué bloquée bloqués bloquées bloque impossible difficile
    difficiles compliqué compliquée confus confuse pénible frustrant frustrante frustré
    frustrée déçu déçue déçus décevant décevante nul nulle horrible terrible catastrophique
    catastrophe pire inutile inutilisable doublon doublons dupliqué dupliqués manque
    manquent manquant manquante manquants manquantes rejeté rejetée rejetés rejetées
    refusé refusée perdu perdue perdus disparu disparue disparaît disparaissent plainte
    plaintes réclamation inacceptable ridicule instable expiré expirée inexact inexacte
    grave invalide invalides obsolète""",
    problem_phrases="""a planté, se ferme, se est fermé, se bloque, se déconnecte,
    tourne en boucle, met du temps, prend du temps, trop lent, de plus en plus lent,
    en attente, en retard""",
    functions="""fonctionne fonctionnent fonctionnait fonctionné fonctionner marche marchent
    marchait marcher charge chargent chargé charger arrive arrivent arrivé arrivée arriver
    apparaît apparaissent apparu affiche affichent affiché ouvre ouvrent ouvert enregistre
    enregistré synchronise synchronisé envoie envoyé connecte connecté permet permettent
    peux pouvons peut peuvent réussis réussit répond répondent répondu calcule calculé
    reçois recevons reçu reçue reçus accepte accepté possible est sont était étaient correspond
    correspondent""",
    relief="ai avons a faut besoin",
    resolved="""résolu résolue résolus résolues réglé réglée réglés corrigé corrigée corrigés
    réparé réparée dépanné solutionné""",
    habits="""normalement, habituellement, généralement, de habitude, auparavant, autrefois,
    par le passé, le mois dernier, le année dernière, il y a un an, il y a quelques mois,
    de ordinaire""",
    before="avant",
    before_time="de le la les que",
    changes="mise jour version changement changements migration",
    hedges="plutôt assez presque relativement moyennement quasi",
    preambles="""dans le ensemble, en général, globalement, en gros, dans les grandes lignes,
    en résumé, la plupart des choses, presque tout, tout de abord, avant tout, de abord,
    premièrement, en premier lieu, pour commencer, avant toute chose""",
    elsewhere="internet réseau wifi connexion ordinateur ordinateurs pc autres autre reste sinon",
    places="sur avec en depuis par que même comparé contrairement",
    addressee="vous tu toi",
    reports="""est sont était étaient été fonctionne fonctionnent marche marchent va vont
    charge chargent arrive arrivent arrivé répond répondent répondu a ont traite traité
    synchronise ouvre""",
    past_endings="é ée és ées",
    not_reports="pour que si peut peuvent pourrait doit doivent faut besoin veux voudrais",
    intensifiers="très super vraiment tellement si hyper trop extrêmement incroyablement bien plus",
    willing="ravi ravie ravis ravies heureux heureuse content contente contents prêt prêts",
    willing_link="de",
    perceive="voir savoir lire entendre apprendre annoncer dire informer confirmer être avoir",
    general="""application applications appli app apps produit produits outil outils
    plateforme système logiciel logiciels programme solution tout expérience entreprise
    société version chose choses fonction fonctions fonctionnalité fonctionnalités""",
    courtesy="""merci beaucoup bonjour salut équipe tous toute ok oui étoiles étoile cinq dix
    note""",
    people="""salariés salarié employés collaborateurs utilisateurs clients équipes personnel
    gens""",
    attachments="ci joint jointe joints capture captures écran pièce image images",
    elisions={
        "l": "le",
        "d": "de",
        "j": "je",
        "n": "ne",
        "c": "ce",
        "s": "se",
        "m": "me",
        "t": "te",
        "qu": "que",
        "jusqu": "jusque",
        "lorsqu": "lorsque",
        "puisqu": "puisque",
    },
    negated_after=True,
    denies_verb="ne plus",
    conditionals="""serais serait serions seriez seraient aurais aurait aurions auriez
    auraient resterais resterait resterions resteriez resteraient ferais ferait ferions
    feriez feraient irais irait irions iriez iraient""",
)
