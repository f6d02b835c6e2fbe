"""French loss-reason words (``loss_language`` says how they are read; docs/sales.md lists them).

Left out on purpose: "reporté" (postponed, but it folds to Spanish "reporte", a report),
"rapport" (a report in French, rapport with a buyer in English), "relation" alone ("in
relation to" in English), "suivi" and "relance" alone (follow-up, and also time tracking and
payment reminders, things a product does), "commercial" (a sales rep in French,
"commercial terms" in English) and "pas cher" (cheap as often as not expensive).
"""

from __future__ import annotations

from tradeoff.analysis.business.loss_language import LanguageCues, words
from tradeoff.domain.enums import LossCategory as C

FRENCH = LanguageCues(
    name="French",
    cues={
        C.PRODUCT_GAP: (
            "manque", "manquait", "manquent", "manquaient", "fonctionnalité*",
            "ne supporte pas", "ne gère pas", "ne permet pas", "ne s intègre pas",
            "non disponible", "indisponible", "ne fonctionne pas", "exigence*",
            "indispensable", "feuille de route", "trop limité*", "peu flexible", "rigide*",
            "trop manuel*", "peu fiable", "instable", "plante", "plantait", "plantage*", "lenteur*",
            "difficile à utiliser", "ergonomie", "expérience utilisateur",
        ),
        C.PRICE_BUDGET: (
            "prix", "cher", "chère", "chers", "chères", "trop cher", "coût*",
            "onéreu*", "tarif", "tarifs", "tarifaire*", "tarification*", "moins cher", "remise*",
            "rabais", "hors budget",
            "pas les moyens", "gratuit*", "conditions commerciales", "conditions de paiement",
            "rapport qualité prix", "rapport prix qualité", "rapport coût bénéfice",
        ),
        C.VALUE_NOT_PROVEN: (
            "retour sur investissement", "valeur", "bénéfice*", "pas convaincu*",
            "preuve de concept", "pilote non concluant", "pilote raté", "essai non concluant",
            "gain de temps", "gains de temps", "gain de productivité", "économie*",
            "ne vaut pas", "pas rentable", "rentabilité",
        ),
        C.CONFIDENCE_RISK: (
            "confiance", "méfian*", "risque*", "maturité", "immature*", "trop petit*",
            "stabilité", "fiabilité", "références", "sécurité", "conformité",
            "protection des données", "confidentialité", "rgpd", "audit de sécurité",
            "revue de sécurité", "pérennité", "viabilité",
        ),
        C.RELATIONSHIP: (
            "relation avec", "relation commerciale", "relations avec", "relationnel",
            "parrain*", "manque de suivi", "mauvais suivi", "notre suivi", "suivi commercial",
            "a quitté l entreprise", "a quitté la société",
            "soutien de la direction", "soutien interne", "recommand*",
        ),
        C.ALIGNMENT: (
            "objectifs", "pas adapté*", "ne correspond pas", "pas une priorité",
            "pas prioritaire", "cas d usage", "cas d utilisation", "besoins différents",
            "un seul fournisseur", "racheté*", "fusion avec", "fusionn*",
        ),
        C.TIMING_NO_DECISION: (
            "repouss*", "ajourn*", "en pause", "en attente", "en suspens", "budget gelé",
            "gel des budgets", "gel budgétaire", "gelé*", "pas de décision", "aucune décision",
            "sans décision", "indécis*", "plus tard", "l année prochaine", "l an prochain",
            "trimestre prochain", "pas maintenant", "pas prêt*", "pas de réponse",
            "sans réponse", "ne répond plus", "ne répondent plus", "plus de nouvelles",
            "silence radio", "annul*", "réorganisation", "restructuration", "service achats",
            "manque de temps", "pas le temps", "pas de temps", "pas assez de temps",
            "manque de ressources", "pas de ressources", "pas les ressources",
            "pas assez de ressources", "manque de bande passante", "pas de bande passante",
            "pas la bande passante", "manque d intérêt",
            "pas d intérêt",
        ),
        C.STATUS_QUO: (
            "tableur*", "feuille de calcul", "feuilles de calcul", "à la main",
            "développement interne", "développement maison", "solution maison",
            "solution interne", "outil interne", "outil maison", "en interne", "fait maison",
            "expert comptable", "cabinet comptable", "comptable externe", "agence", "agences",
            "externalis*", "sous trait*", "prestataire actuel", "fournisseur actuel",
            "outil actuel", "système actuel", "processus actuel", "statu quo",
            "ne rien faire",
        ),
    },
    names=(
        "centre de coût*", "centres de coût*", "page tarifs", "page des tarifs",
        "page de prix", "gestion des avantages",
    ),
    negators=frozenset({"pas", "ni"}),
    carried_negators=frozenset({"ni"}),
    absent_negations=("pas de", "pas d"),
    linking=words("est était étaient sont semblait"),
    articles=words("le la les un une des du"),
    absence_frame=(
        "assez", "suffisa*", "vu", "voir", "voient", "démontr*", "prouv*", "montr*",
        "obtenu", "trouvé", "eu",
    ),
    denials=words("aucun aucune sans"),
    absence_markers=words("manque manquait manquent manquaient") | {"non disponible"},
    absence_filler=words("de d du des le la les un une"),
    verdicts=frozenset({"ne correspond pas", "pas adapté*"}),
    verdict_filler=words("à a au aux avec leur leurs le la les dans"),
    dismissed=words("problème problèmes souci soucis frein obstacle"),
    dismissed_alone=words("correct compétitif acceptable raisonnable similaire"),
    feature_frame=(
        "sans", "besoin", "exig*", "voulai*", "ont", "avaient", "proposent", "proposait",
        "proposaient",
    ),
    feature_nouns=(
        "synchronis*", "rapports", "appli", "applis", "application*", "tableau*", "automatis*",
        "modèle*", "flux", "calcul", "calculs", "gestion", "facturation", "télétransmission",
    ),
    need_frame=("besoin", "exig*", "voulai*"),
    qualities=frozenset({"sécurité", "fiabilité", "stabilité", "conformité",
                         "confidentialité"}),
    stages=frozenset({"preuve de concept"}),
    sayings={
        C.PRODUCT_GAP: (
            "nous ne l|le|la|les avons|proposons|gérons|offrons pas",
            "nous n avons|offrons pas",
            "nous ne proposons|gérons|supportons pas",
            "on ne l|le|la|les a|propose|gère|offre pas",
            "on n a|offre pas",
            "on ne propose|gère|supporte pas",
            "choisi|préféré|pris * car|puisqu il|ils|elle|elles a|ont|avait|avaient|propose|"
            "proposent|offre|offrent",
            # A billing capability no feature word names, read in a reason only: a
            # description's "Besoin du tiers payant" says what the practice needs, not why the
            # deal was lost ("Ils ont choisi Doctolib, déjà utilisé par leurs patients").
            "pas de|d tiers payant",
            "sans|aucun tiers payant",
        ),
        C.STATUS_QUO: (
            "rester|reste|restent|resteront|resté|restés avec|sur|chez",
            "continuer|continue|continuent|continueront|continué avec|à utiliser|d utiliser",
            "garder|garde|gardent|garderont|gardé|conserver|conserve|conservent leur|leurs|"
            "le|la|les|son|sa|ses",
            "sur papier",
            "papier et crayon",
        ),
    },
    absent_openers=(
        "sans", "pas de", "pas d", "aucun", "aucune", "manque", "manque de", "il manque",
        "manquait", "il manquait", "absence de", "il n y a pas de",
    ),
    not_a_feature=words(
        """budget décision réponse réponses temps urgence intérêt besoin contact contacts
        argent ressources personnel équipe approbation sponsor soutien client clients
        utilisateur utilisateurs raison motif retour retours information idée plus rien
        personne autre autres suivi décideur signature contrat réunion démo appel
        commande"""),
    capacity_nouns=("temps", "ressources", "bande", "capacité"),
    capacity_purposes=words("pour"),
    task_ends=words("et aussi mais car parce"),
)  # fmt: skip
