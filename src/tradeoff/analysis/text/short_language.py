"""The language of a very short text, told by the words support texts are written with.

``text.language`` names a language by two or more of its function words, which a text of
two to six words rarely holds: "Funktioniert nicht mehr", "Muy lento hoy", "Não abre" hold
one or none, and 11–23 % of such texts per language were read right (a labelled set of 40
per language, ``tests/analysis/short_language_texts.json``). Loosening the function-word
rule read names as foreign ("La Jolla", "De Vries", "Le Mans"). So a short text is read a
second way, only when it holds no English word: by the verbs, nouns and adverbs that
support texts in each language are written with (``SUPPORT_WORDS``: "funktioniert",
"lento", "abre"), beside the function words. None of those is an English word or a part of
a name or loan phrase English writes ("casa", "santa", "vista", "carte", "bon", "tour").

A language is named when at least two of the text's words are its words and more than of
any other, and the text holds no English word (its function words, or the support words
of ``ENGLISH_SUPPORT``: "Le Mans team sync broken" is English by "sync" and "broken"). A
function word written with a capital inside a sentence is part of a name ("Flight to Los
Angeles", "Van der Berg"), so it tells nothing; German writes its nouns with one, so a
support word tells its language whatever its case. A text of one word is named by it when
it is one of those words ("Adorei", "Danke").

>>> short_language("Funktioniert nicht mehr", {"nicht": ("de",)})
'de'
>>> short_language("Le Mans team sync broken", {"le": ("fr",)}) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from tradeoff.analysis.text.nordic_slavic import LETTERS

#: Texts of at most this many words are read this way; longer ones hold function words.
SHORT_WORDS = 8

_SUPPORT_WORDS = {
    "es": """nunca llegó llegado puede pueden hace hacer tiene tienen tengo estaba estoy
        están está bien mejor peor nuevo nueva nuevos datos foto fotos subir bajar
        buscar búsqueda encuentra encontrar entiendo salió envío enviar enviado mensaje
        mensajes correo guardar borrar borró borrado historial esperando espera días
        semana mes precio subió caro suscripción cámara cerrar abierto cuando porque
        pero tambien también siempre otra vez ayúdenme gracias hola ningún rápido
        poco aquí allí así sesión iniciar registro registrarme perfil cambiar
        configuración ajustes teléfono móvil celular equipo cuenta llevo tarda funciona
        funcionan funcionando funcionó anda sirve abre abrir carga cargar entrar lento
        lenta lentísimo hoy ayer ahora contraseña código pago pagar cobro cobraron
        cobran cobrado tarjeta rechazada rechazado pedido factura pantalla blanco cierra
        sola sigue falla fallo ayuda necesito quiero cancelar cambio idioma recibo llega
        llegan notificaciones anuncios demasiados demasiado traba bloqueada bloqueado
        reembolso pendiente todavía conexión aparece botón alguien hablar actualización
        rompió encanta excelente buena bueno malo mala pésimo pésima servicio aplicación
        veces olvidé guardan cambios dónde cómo qué sincronización descargar problema
        problemas usuario clave saldo compra soporte atención respuesta responde nadie
        sí no tampoco error duplicado me a si ninguna errores caído caída""",
    "fr": """jamais arrivée arrivé livraison trouve trouver ajouter abonnement renouvelé
        données effacé effacées comprends comprendre prix augmenté caméra attends
        attendre jours semaine mois très lente lent même toujours problème depuis
        peux peut pouvez faut fallu fonctionnait marchait envoyer envoyé courriel
        enregistrer supprimer supprimé historique gratuit cher tarif fermer ouvrir
        ouvert quand parce aussi maintenant rapide beaucoup peu ici identifiant
        inscription profil paramètres réglages téléphone équipe mettre marche marchent
        fonctionne fonctionnent aujourd hier demain connecter connexion plante plantage
        paiement payer refusé refusée reçu compte bloqué bloquée facture débité deux
        fois commande où écran démarrage rien oublié aidez besoin bonjour merci échoué
        échouée disparaissent disparu vraiment nul nulle inexistant changer langue trop
        publicités publicité remboursement attente veux résilier inutilisable mise jour
        virement chère seule seul ouverture personne répond répondent enfin appli ça
        erreur mauvais mauvaise me incorrecte mot bouton a si génial cherche cherchons
        ligne""",
    "de": """lieferung kam nie suche findet finden fotos foto hochladen möchte tarif wechseln
        verlängert daten weg neue neuen neues brauche dauert ewig verlauf gelöscht
        löschen verstehe preis gestiegen kamera warte warten tagen tage woche monat seit
        immer noch wieder schon jetzt gerade geht ging funktionierte klappt klappte
        senden gesendet nachricht nachrichten speichern gespeichert kostenlos teuer
        schließen öffnen offen wenn weil aber auch sehr schnell langsam wenig hier
        anmeldung registrierung profil einstellungen telefon konto bekomme bekommen
        erhalten zahlen bezahlt abbuchung komischer komisch funktioniert funktionieren
        gehen heute gestern stürzt abgestürzt anmelden einloggen zahlung fehlgeschlagen
        kommt gesperrt rechnung falsch doppelt abgebucht bleibt bestellung weißer weiß
        bildschirm lädt passwort vergessen hilfe synchronisierung schlägt fehl
        änderungen werden tolle gefällt schlecht kundenservice antwortet ändere sprache
        viel werbung ständig erstattung verbindung knopf kündigen vielen unbrauchbar
        karte abgelehnt überweisung schließt sich einfach fehler niemand meldet endlich
        leider mehr nichts danke kaputt hängt warum geld beim an will in funktion""",
    "it": """spedizione mai arrivata arrivato esce errore strano strana ricerca trova trovare
        caricare carico foto vorrei cambiare abbonamento rinnovato rinnovata risponde
        miei dati spariti sparita serve nuova nuovo fattura mette cronologia cancellata
        cancellato capisco prezzo aumentato fotocamera aspetto giorni settimana mese
        sempre ancora già adesso funzionava inviare inviato messaggio messaggi salvare
        eliminare gratuito costoso chiudere aprire aperto quando perché anche molto qui
        così accedere registrazione profilo impostazioni telefono cellulare squadra
        ricevo ricevuto pagare pagato funziona funzionano lento lenta oggi ieri blocca
        bloccato bloccata riesco pagamento rifiutato rifiutata codice arriva sbagliata
        sbagliato addebitato volte dov ordine schermo bianco avvio carica niente
        dimenticata aiuto bisogno sincronizzazione fallita modifiche vengono salvate
        applicazione fantastica piace pessima pessimo assistenza clienti inesistente
        lingua nessuna nessuno notifica notifiche troppa troppo pubblicità chiude
        rimborso attesa connessione pulsante sparito voglio disdire grazie
        inutilizzabile aggiornamento bonifico sola apertura finalmente purtroppo più
        problema accesso esperienza cambio si in a""",
    "nl": """levering nooit aangekomen foutmelding opslaan zoeken vindt niets uploaden
        wisselen abonnement automatisch verlengd reageert gegevens nieuwe nieuw factuur
        duurt eeuwig laden geschiedenis gewist snap prijs flink gestegen doet wacht
        dagen maand altijd nog steeds weer ging lukt lukte versturen verstuurd bericht
        berichten bewaren verwijderen verwijderd duur sluiten openen wanneer omdat maar
        ook snel langzaam weinig hier zo inloggen registratie profiel instellingen
        telefoon mobiel ontvang ontvangen betaald werkt werken werkte traag vandaag
        crasht betaling mislukt komt aan geblokkeerd klopt dubbel afgeschreven waar
        blijft bestelling scherm opstarten laadt wachtwoord vergeten alstublieft hulp
        nodig synchronisatie wijzigingen worden opgeslagen geweldige geweldig vind echt
        slecht klantenservice verander taal meldingen meer veel reclame sluit
        terugbetaling sinds gisteren verbinding knop weg wil opzeggen onbruikbaar kaart
        geweigerd overboeking zichzelf fout niemand eindelijk helaas kapot graag bedankt
        je betalen probleem in is""",
    "pt": """entrega nunca chegou chegar aparece erro estranho busca encontra encontrar
        enviar enviei fotos foto mudar plano assinatura renovou sozinha sozinho dados
        sumiram demora muito carregar histórico apagado apagou entendo preço subiu
        câmera esperando espera dias semana mês sempre ainda já agora funcionava
        mensagem mensagens salvar excluir grátis caro fechar aberto quando porque também
        pouco aqui assim cadastro perfil configurações celular telefone equipe recebi
        receber pagar paguei estou está estava abre abrir funciona funcionou mais lento
        hoje trava travando consigo entrar pagamento recusado recusada código chega
        conta bloqueada bloqueado fatura errada errado cobrado cobrada duas vezes cadê
        pedido tela branca carrega esqueci senha ajuda olá preciso sincronização falhou
        alterações salvas aplicativo excelente adorei péssimo péssima atendimento
        suporte responde mudo idioma nenhuma nenhum notificação notificações demais
        fecha reembolso pendente conexão ontem botão sumiu quero cancelar obrigado
        obrigada inutilizável depois atualização cartão transferência caiu fica ninguém
        finalmente infelizmente você problema duplicado me a""",
    "pl": """działa działają nie dziękuję dzięki proszę pomocy pomoc błąd konto hasło
        zalogować logowanie płatność faktura faktury wolno wolna szybko wczoraj dzisiaj
        znowu ciągle nadal aplikacja aplikacji przypomnienia wizyta wizyty termin terminy
        brak brakuje zwrot anulować""",
    "sv": """fungerar funkar inte tack hjälp fel konto lösenord logga betalning faktura
        fakturan långsam långsamt snabb igår idag igen fortfarande appen appar
        påminnelser bokning bokningen tid tider saknas återbetalning avbryta""",
}
SUPPORT_WORDS = {code: frozenset(words.split()) for code, words in _SUPPORT_WORDS.items()}
#: Every support word: an English word among them ("no", "a", "in", "is", "will") makes a
#: short text no English one by itself.
ANY_SUPPORT_WORD = frozenset().union(*SUPPORT_WORDS.values())
#: English words of support texts: one of them makes a short text English.
ENGLISH_SUPPORT = frozenset(
    """account add again app's after before broken bug bugs button cancel cancelled
    cannot card charged charging check checkout closed connect crash crashed
    crashes damaged delayed does down email empty expensive expired export fail failed
    failing fails feature find fine fix fixed font free great help hidden invalid
    invoice invoices issue late lags list listed load loading locked log login logged
    lost love mistake missing never new nothing offline order orders out page payment
    payments please print question refund refunded report reset same see sent shipped
    show sign slow sold stalls still stock stops stuck subscription suspended sync
    theme ticket tickets timer today too tracking unclear upgrade upload user users
    wont working works wrong yesterday""".split()  # noqa: SIM905
)
#: Endings and spellings only one language's words have (``es``, ``it`` and ``pt`` share
#: "-mente"), read on words of at least ``_ENDING_LENGTH`` letters: "sincronización",
#: "atualização", "connessione", "Überweisung", "Möglichkeit", "wijzigingen". English
#: words end so only as names, which a capital inside a sentence leaves out ("São Paulo"),
#: but German nouns, written with one, are read whatever their case.
_ENDINGS = {
    "es": ("ción", "ciones", "mente"),
    "pt": ("ção", "ções", "ões", "mente"),
    "it": ("zione", "zioni", "mente"),
    "de": ("ung", "ungen", "keit", "heit", "lich", "ß"),
    "nl": ("heid", "tje", "tjes"),
}
_NOUNS_CAPITALIZED = frozenset({"de"})
_ENDING_LENGTH = 6
_WORD = re.compile(r"[^\W\d_]+")
#: What ends a sentence, so the word after it may start with a capital without being a name.
_SENTENCE_END = '.!?¿¡:;"«('


def short_language(text: str, languages_of: Mapping[str, tuple[str, ...]]) -> str | None:
    """The language of a text of at most ``SHORT_WORDS`` words, told by its function words
    (``languages_of``: word → language codes, "en" for English) and ``SUPPORT_WORDS``; None
    when it holds an English word, when no language has two of its words and more than any
    other, or when it is longer."""
    found = list(_WORD.finditer(text))
    if not found or len(found) > SHORT_WORDS:
        return None
    #: Per language: the words telling it, those of them that are its support words, and
    #: those that are no English word.
    scores: dict[str, tuple[int, int, int]] = {}
    for match in found:
        word = match.group().casefold()
        function = languages_of.get(word, ())
        support = {code for code, words in SUPPORT_WORDS.items() if word in words}
        english = "en" in function or word in ENGLISH_SUPPORT
        if english and not support:
            return None  # an English word, unless it is a support word ("no" of "no carga")
        name = _a_name(text, match)
        told = set(support)
        if function and not name:
            told.update(code for code in function if code != "en")
        if not told and len(word) >= _ENDING_LENGTH:
            told = _told_by_ending(word, name)
        for code in told:
            hits, own, foreign = scores.get(code, (0, 0, 0))
            scores[code] = (hits + 1, own + (code in support), foreign + (not english))
    if not scores:
        return None
    # Most words, then most support words: "no" is a Portuguese stop word ("no app") too,
    # but "No funciona" is Spanish.
    ranked = sorted(scores.values(), reverse=True)
    best = max(scores, key=scores.__getitem__)
    alone = len(found) == 1 and found[0].group().casefold() in SUPPORT_WORDS.get(best, ())
    # English words that are support words too ("a", "in", "no") never decide alone: "I
    # want a Mastercard" is English.
    clear = (ranked[0][0] >= 2 and ranked[0][2] > 0) or alone
    if clear and (len(ranked) == 1 or ranked[0] > ranked[1]):
        return best
    return None


def _told_by_ending(word: str, name: bool) -> set[str]:
    """The languages whose endings (``_ENDINGS``) ``word`` has, or whose spelling ("ß",
    Dutch "ij": "blijft", "prijs", not "hijack"; Polish "ą", "ł", Swedish "å":
    ``nordic_slavic.LETTERS``) it holds."""
    told = {
        code
        for code, endings in _ENDINGS.items()
        if (not name or code in _NOUNS_CAPITALIZED) and word.endswith(endings)
    }
    if "ß" in word:
        told.add("de")
    told.update(code for code, letters in LETTERS.items() if letters.search(word) and not name)
    if not name and "ij" in word and not word.startswith("hij"):
        told.add("nl")
    return told


def _a_name(text: str, match: re.Match[str]) -> bool:
    """Whether a word is capitalized inside a sentence, as a name's particle is."""
    if not match.group()[0].isupper():
        return False
    before = text[: match.start()].rstrip()
    return bool(before) and before[-1] not in _SENTENCE_END
