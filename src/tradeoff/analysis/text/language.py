"""Which language an item is written in, told by its function words or its script.

Both embedders are English models: text in Spanish or German gathers by language, not by
topic (a QA corpus's 27 Spanish items on six topics made one theme named after login, and
with MiniLM all 62 Spanish and German items sat in the Apple Watch theme). The engine does
not translate; it tells such items apart so their themes say what they are ("in Spanish").

The guess reads only the commonest function words ("el", "und", "les"...), which carry no
topic and which every sentence of those languages uses: no model, no download, and every
verdict is the words that decided it. A language is named when at least ``MIN_HITS`` of
its words and a ``MIN_SHARE`` of the text's words are its function words, and they
outnumber English ones; a text of a few words without an English one ("Funktioniert nicht
mehr") by the words support texts are written with (``short_language``); else the item
counts as English (or too short to tell). A tie goes to the language with more words only
it writes ("le", "que", "en" are French and Spanish; "l'", "notre" French). Polish and
Swedish are read the same way, with the letters only they write (``nordic_slavic``).

A language written in a script of its own is told by its letters instead
(``script_language``): Japanese, Chinese, Korean, Russian, Greek, Arabic... have no Latin
function words. Such a text is in that language when the letters of its script outweigh
its Latin ones: "iOSアプリでプッシュ通知が届きません" is Japanese, "Our Tokyo office
(東京オフィス) cannot log in" is English.

>>> guess_language("El código de verificación nunca llega y no puedo iniciar sesión")
'es'
>>> guess_language("iOSアプリでプッシュ通知が届きません。SMSは届いています。")
'ja'
>>> guess_language("GPS drift on my long runs") is None
True
>>> guess_language("Приложението не работи, моля помогнете")
'bg'
"""

from __future__ import annotations

import re
from itertools import pairwise

from tradeoff.analysis.text import nordic_slavic
from tradeoff.analysis.text.script_language import LATIN, MIN_SCRIPT_LETTERS, script_language
from tradeoff.analysis.text.short_language import ANY_SUPPORT_WORD, SHORT_WORDS, short_language

# The blocks of the scripts written without spaces between words, defined in the domain
# for the inbox's word index too; labels and search read them from here.
from tradeoff.domain.scripts import HAN as HAN
from tradeoff.domain.scripts import HANGUL as HANGUL
from tradeoff.domain.scripts import HIRAGANA as HIRAGANA
from tradeoff.domain.scripts import KATAKANA as KATAKANA
from tradeoff.domain.scripts import THAI as THAI
from tradeoff.domain.scripts import char_class as char_class

#: Function words of each language, left out where they are common English words too
#: ("a", "is", "in", "on", "to", "an", "de" aside, which English names hold: "De Vries").
_FUNCTION_WORDS = {
    "es": """el la los las lo del al que y en un una unos unas por para con mi mis su sus se
        es está están estoy esta este esto hay muy pero como porque ya cuando desde sin sobre
        también nunca siempre puedo tengo hola gracias más ni nos le les mí yo ella nuestro
        nuestra nuestros nuestras usted ustedes""",
    "de": """der die das den dem des ein eine einen einem einer und ist ich mich mir mein
        meine meinen meiner meinem sie wir ihr es zu von mit auf für im nicht kein keine
        bitte habe haben hat wurde wurden wie aber oder wenn dass noch schon kann möchte
        sehr auch nach bei immer nur seit jetzt wird sind war über unser unsere unseren
        unserem unserer unter""",
    "fr": """le la les des du une et je est pas pour dans sur avec ce cette il elle nous
        vous mais ou très qui que mon ma mes au aux ne sont suis été fait depuis à en par
        notre nos votre vos leur leurs ces ses aucun aucune avant quand comme chez sans
        tout tous toute rien aussi être avoir l' d' n' qu' j' c' s'""",
    "pt": """o os da do das dos em um uma meu minha não é e que para com por mas muito
        também eu ele ela está estou são foi tem""",
    "it": """il gli della di che non per mio mia sono ho è la le una un con ma anche molto
        io lui lei questo questa nel nella sempre l' dell' all' nell' sull' dall' un'""",
    "nl": """het een en ik mijn niet dat op te voor met geen van zijn er maar ook wel heb
        hebben wordt werd nog bij""",
}
FUNCTION_WORDS = {code: frozenset(words.split()) for code, words in _FUNCTION_WORDS.items()}
FUNCTION_WORDS |= nordic_slavic.FUNCTION_WORDS
#: The words of each language that name nothing, which a theme's name never holds
#: (``label.keywords.STOPWORDS``): its articles, pronouns and possessives, prepositions and
#: their contractions with an article ("zum", "du", "pelo", "nella"), conjunctions, forms
#: of "be", "have", "can", "must" and "want", adverbs of degree, time and place, the
#: particles of separable verbs ("ab", "an", "auf": "stürzt ... ab" is "crashes"), and the
#: greetings, sign-offs and "please", "thanks", "we need" of a message, as the English list
#: holds "please", "thanks", "need". A QA tester's German theme was named "in German · seit
#: letzten update · ab". Left out where they are English words a name may need ("die",
#: "war", "hat", "man", "bin", "tag", "son", "car", "plus", "ai", "eu", "era", "sin", "sim",
#: "solo", "todo", "van", "door", "ben", "dan", "ci", "vi", "fare", "dove", "nas", "bom",
#: "ali", "hen", "heel", "bent", "algo", "nada", "tan", "num", "dum", "ante"), and where a
#: negation already breaks a phrase (``keywords.NEGATIONS``: "nicht", "pas", "não").
_STOP_WORDS = {
    "es": """el la los las lo un una unos unas al del de a  bajo con contra desde durante
        en entre hacia hasta mediante para por según sobre tras y e ni o u pero sino que
        porque pues como cuando donde mientras si aunque ya también tampoco muy más menos
        tanto mucho mucha muchos muchas poco poca pocos pocas toda todos todas otro otra
        otros otras mismo misma mismos mismas este esta estos estas ese esa esos esas aquel
        aquella aquellos aquellas esto eso aquello yo tú tu él ella ello nosotros nosotras
        vosotros vosotras ellos ellas usted ustedes me te se nos os le les mi mis tus su sus
        nuestro nuestra nuestros nuestras vuestro vuestra mí ti sí conmigo contigo es
        fue fueron ser sido siendo soy somos está están estaba estaban estoy estamos estar
        estado he has ha hemos han había habían haber hay hubo tengo tiene tienen tenemos
        tenía puedo puede pueden podemos podía hace hacer hizo aún todavía siempre nunca
        algún alguien nadie alguno alguna algunos algunas ningún ninguno ninguna cual cuales
        cuál qué quien quienes quién cómo dónde cuándo cuánto  vez veces así aquí allí
        ahí ahora luego entonces sólo bien hola gracias favor buenos buenas buen días tardes
        noches saludos saludo cordial cordiales atentamente estimados estimado estimada
        estimadas necesito necesitamos necesita necesitan quiero queremos quisiera
        quisiéramos poder""",
    "de": """der das den dem des ein eine einen einem einer eines und oder aber denn sondern
        doch ich du er sie es wir ihr mich dich sich uns euch mir dir ihm ihn ihnen mein
        meine meinen meinem meiner meines dein deine deinen sein seine seinen seinem seiner
        ihre ihren ihrem ihrer unser unsere unseren unserem unserer euer eure dieser diese
        dieses diesen diesem      welche welcher welches kein keine
        keinen keinem keiner nichts ist sind  bist gewesen wird werden wurde wurden
        worden haben hatte hatten habe hast kann können konnte konnten muss müssen musste
        soll sollen sollte will wollen wollte möchte möchten darf dürfen gibt zu zum zur von
        vom mit auf aus bei beim nach seit für über unter vor hinter neben zwischen durch
        gegen ohne um an am im ins als wie wenn dass ob weil da damit also auch noch schon
        nur sehr mehr immer nie jetzt dann hier dort so ja nein mal bitte danke dank vielen
        hallo guten grüße gruß freundlichen freundliche beste viele liebe herzliche geehrte
        geehrter damen herren ab bis etwa wieder zusammen heute gestern leider brauche
        brauchen braucht benötigen benötige""",
    "fr": """le la les un une des du de au aux ce cet cette ces mon ma mes ton ta tes sa ses
        notre nos votre vos leur leurs je tu il elle on nous vous ils elles me te se lui y en
        moi toi soi eux qui que quoi où et ou mais donc or ni ne sans avec pour par sur sous
        dans entre vers chez depuis pendant avant après contre selon est sont suis es êtes
        sommes été être était étaient  as avons avez ont avait avaient avoir fait faire
        peut peuvent pouvons pouvez pourrait dois doit doivent devons devez veux veut voulons
        voulez voudrais voudrions aussi très bien tout tous toute toutes même encore déjà
        toujours ici là alors puis comme quand si ça cela ceci bonjour bonsoir merci
        cordialement salutations madame monsieur mesdames messieurs svp stp besoin bonne
        lorsque puisque jusque quoique""",
    "pt": """o a os as um uma uns umas ao aos à às do da dos das no na nos nas numa duma pelo
        pela pelos pelas de em por para com sem sob sobre entre até desde após contra e ou
        mas porém nem que se porque como quando onde enquanto já também muito muita muitos
        muitas pouco mais menos tão toda todos todas outro outra outros outras mesmo este
        esta estes estas esse essa esses essas aquele aquela isto isso aquilo tu você vocês
        ele ela eles elas nós vós me te lhe lhes meu minha meus minhas teu tua seu sua seus
        suas nosso nossa nossos nossas deste desta destes destas desse dessa neste nesta
        nesse nessa é são foi foram ser sido sou somos está estão estava estavam estou
        estamos estar esteve há havia tem têm temos tenho tinha pode podem podemos posso
        ainda sempre nunca alguém ninguém algum alguma nenhum nenhuma qual quais quem
        vez vezes assim aqui agora depois então só apenas bem olá oi obrigado obrigada favor
        boa dia tarde noite prezados prezado prezada prezadas atenciosamente abraços abraço
        att cordialmente preciso precisamos precisa precisam poder""",
    "it": """il lo la i gli le un uno una di del dello della dei degli delle a al allo alla
        ai agli alle da dal dallo dalla dai dagli dalle in nel nello nella nei negli nelle su
        sul sullo sulla sui sugli sulle con per tra fra e ed o ma però anche che chi cui né
        se perché quando mentre già ancora sempre mai molto molta molti molte poco più meno
        tanto tutto tutta tutti tutte altro altra altri altre questo questa questi queste
        quello quella quelli quelle io tu lui lei noi voi loro mi ti si ne mio mia miei mie
        tuo tua suo sua nostro nostra vostro è sono erano stato stata essere ho hai ha
        abbiamo avete hanno aveva avere può possono posso puoi fa qui qua lì là ora poi
        allora così bene ciao grazie buongiorno buonasera salve cordiali saluti gentile
        gentili egregio prego""",
    "nl": """de het een en of maar dat dit deze wat wie waar wanneer hoe waarom ik je jij u
        hij zij ze wij we jullie mij me mijn jouw uw zijn haar ons onze hun er is  was
        waren wordt worden werd werden heb hebt heeft hebben had hadden kan kunnen kon moet
        moeten wil willen zal zullen zou wel ook nog al  toch zo erg veel meer te  in
        op aan met voor naar bij uit over om tot onder tussen na zonder sinds tegen hallo hoi
        bedankt dank groeten groet vriendelijke goedemorgen goedemiddag alstublieft graag""",
}
STOP_WORDS = {code: frozenset(words.split()) for code, words in _STOP_WORDS.items()}
STOP_WORDS |= nordic_slavic.STOP_WORDS
#: The words of each language that deny what follows ("nunca llega", "ohne Fehler", "sans
#: erreur"): a name's phrase never spans them (``label.keywords.NEGATIONS``), which would
#: say the opposite ("código llega" of "el código nunca llega").
_NEGATIONS = {
    "es": "no nunca jamás tampoco ni nada nadie ningún ninguno ninguna sin",
    "de": "nicht kein keine keinen keinem keiner keines nie niemals nichts ohne",
    "fr": "ne pas jamais rien aucun aucune sans",
    "pt": "não nunca jamais nem nenhum nenhuma ninguém nada sem",
    "it": "non mai nessuno nessuna niente nulla senza né",
    "nl": "niet geen nooit niets niemand zonder",
}
NEGATIONS = {code: frozenset(words.split()) for code, words in _NEGATIONS.items()}
NEGATIONS |= nordic_slavic.NEGATIONS
#: "Every" of each language, which English reads as filler (``label.keywords.FILLER``): no
#: part of a name, and a name's phrase never spans it ("hohe gebühren bei jeder überweisung"
#: names "hohe gebühren", not "hohe gebühren überweisung").
_EVERY = {
    "es": "cada",
    "de": "jede jeder jedes jeden jedem",
    "fr": "chaque",
    "pt": "cada",
    "it": "ogni",
    "nl": "elke ieder iedere",
}
EVERY = {code: frozenset(words.split()) for code, words in _EVERY.items()}
EVERY |= nordic_slavic.EVERY
#: Function words of each language that are English words too, so the shared stop list
#: keeps them ("die", "war", "son", "car"), though in a theme of that language they name
#: nothing ("in German · stürzt die app" is "crashes the app"): such a theme's name leaves
#: them out (``name_stop_words``).
_HOMOGRAPHS = {
    "es": "son ante era sin solo todo algo nada tan",
    "de": "die war hat man bin tag",
    "fr": "son car plus ai eu dont",
    "pt": "era sim todo nada algo num dum nas bom ali eu",
    "it": "ci vi fare dove era solo come",
    "nl": "die van dan ben bent door heel hen",
    **nordic_slavic.HOMOGRAPHS,
}


def name_stop_words(codes: list[str]) -> frozenset[str]:
    """The words a theme in the languages ``codes`` never holds in its name as a term of
    their own: their stop words, negations, the function words that tell them, and their
    English homographs (``homographs``).

    >>> sorted(name_stop_words(["de"]) & {"die", "ab", "seit", "update"})
    ['ab', 'die', 'seit']
    """
    return frozenset().union(
        *(
            words.get(code, ())
            for code in codes
            for words in (STOP_WORDS, NEGATIONS, FUNCTION_WORDS, _SPLIT_HOMOGRAPHS)
        )
    )


def homographs(codes: list[str]) -> frozenset[str]:
    """The function words of the languages ``codes`` that are English words too ("die",
    "war", "son"): the shared stop list keeps them, so a name of that language leaves them
    out even inside a phrase ("stürzt die app" → "stürzt app")."""
    return frozenset().union(*(_SPLIT_HOMOGRAPHS.get(code, ()) for code in codes))


_SPLIT_HOMOGRAPHS = {code: frozenset(words.split()) for code, words in _HOMOGRAPHS.items()}
#: English function words, against which the others are weighed.
_ENGLISH_WORDS = """the a an and or but is are was were be been i my me we our you your it its
this that to of in on for with at by from not no have has had do does did can will would
there they them he she his her what when why how which who all any some just only very"""
ENGLISH = frozenset(_ENGLISH_WORDS.split())
#: English function words that other languages' support texts write too ("no", "a", "in").
_SHARED = ENGLISH & ANY_SUPPORT_WORD
#: Names of the languages told, for a theme's label.
NAMES = {
    "es": "Spanish",
    "de": "German",
    "fr": "French",
    "pt": "Portuguese",
    "it": "Italian",
    "nl": "Dutch",
    "ja": "Japanese",
    "zh": "Chinese",
    "ko": "Korean",
    "ru": "Russian",
    "uk": "Ukrainian",
    "be": "Belarusian",
    "sr": "Serbian",
    "mk": "Macedonian",
    "el": "Greek",
    "ar": "Arabic",
    "fa": "Persian",
    "ur": "Urdu",
    "he": "Hebrew",
    "th": "Thai",
    "hi": "Hindi",
    "bg": "Bulgarian",
    "mr": "Marathi",
    "ne": "Nepali",
    "hy": "Armenian",
    "ka": "Georgian",
    **nordic_slavic.NAMES,
}
MIN_HITS = 2
MIN_SHARE = 0.15
_WORD = re.compile(r"[^\W\d_]+")
#: A word elided before a vowel ("l'ouvre", "d'accueil", "dell'app"), read as the function
#: word it is ("l'", "d'"), which only French and Italian write: "Le formulaire d'accueil
#: ... avant que le patient l'ouvre" weighed "le", "que", "le" alike for French and Spanish
#: and read as Spanish.
_ELISION = re.compile(r"(?<![^\W\d_])[^\W\d_]{1,4}['\u2019](?=[^\W\d_])")


#: Each function word → the languages it belongs to ("en" for English): one look-up per
#: word, where a pass per language read every text seven times (a million Banking77 texts
#: on busy cores: 10.4 s that way, 7.8 s this way).
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _code, _words in (*FUNCTION_WORDS.items(), ("en", ENGLISH)):
    for _word in _words:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _code)


#: The same for a short text (``short_language``), which reads every stop word and negation
#: of each language too: "Perdí todos mis archivos" holds one function word ("mis").
_SHORT_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _code, _words in (*STOP_WORDS.items(), *NEGATIONS.items(), *FUNCTION_WORDS.items()):
    for _word in _words:
        if _code not in _SHORT_LANGUAGES_OF.get(_word, ()):
            _SHORT_LANGUAGES_OF[_word] = (*_SHORT_LANGUAGES_OF.get(_word, ()), _code)
for _word in ENGLISH:
    _SHORT_LANGUAGES_OF[_word] = (*_SHORT_LANGUAGES_OF.get(_word, ()), "en")


def guess_language(text: str) -> str | None:
    """The code of the language ``text`` is written in (its script's, ``script_language``, or by
    ``FUNCTION_WORDS``), or None for English, or a text too short to tell."""
    if not text.isascii():  # most text is ASCII, and holds no other script
        code, weight = script_language(text)
        if code is not None and weight >= MIN_SCRIPT_LETTERS and weight > len(LATIN.findall(text)):
            return code
    folded = text.casefold()
    words = _WORD.findall(folded)
    hits, own = _hits(words, folded)
    english = hits.pop("en", 0)
    if len(words) <= SHORT_WORDS and english == sum(w in _SHARED for w in words):
        # A few words, none of them English: told by the words support texts are written
        # with too ("Funktioniert nicht mehr"; "Mi serve una nuova fattura" is Italian,
        # though "mi" and "una" are Spanish function words).
        short = short_language(text, _SHORT_LANGUAGES_OF)
        if short is not None:
            return short
    best = _most(hits, own)
    if best is None:
        return None
    found = hits[best]
    if found < MIN_HITS or found < MIN_SHARE * len(words) or found <= english:
        return None
    return best


def leaning(text: str) -> str | None:
    """The language of at least ``MIN_HITS`` of ``text``'s function words, most first, whatever
    its English ones: "Die Berichte laden extrem langsam, der ... We have 40,000 SKUs" reads
    as English (``guess_language``: as many English words) but leans German. A script's
    language (``script_language``) is leaned to with ``2 * MIN_SCRIPT_LETTERS`` letters. A
    text read as a language leans to it: "Cherche un agenda en ligne" is French by its
    support words, though "un" and "en" are Spanish function words too."""
    code, weight = script_language(text)
    if code is not None and weight >= 2 * MIN_SCRIPT_LETTERS:
        return code
    guessed = guess_language(text)
    if guessed is not None:
        return guessed
    folded = text.casefold()
    hits, own = _hits(_WORD.findall(folded), folded)
    hits.pop("en", None)
    best = _most(hits, own)
    return best if best is not None and hits[best] >= MIN_HITS else None


def _hits(words: list[str], folded: str) -> tuple[dict[str, int], dict[str, int]]:
    """Function words per language code ("en" for English) among ``words`` and the elided
    ones of the text ``folded``, and those of them that only that language writes. A word
    with a letter only one language writes (``nordic_slavic.LETTERS``: "ł", "å") counts
    as its own too, when the text holds a function word of that language."""
    hits: dict[str, int] = {}
    own: dict[str, int] = {}
    elided = _ELISION.findall(folded) if "'" in folded or "\u2019" in folded else []
    for word in (*words, *(e.replace("\u2019", "'") for e in elided)):
        codes = _LANGUAGES_OF.get(word, ())
        for code in codes:
            hits[code] = hits.get(code, 0) + 1
        if len(codes) == 1:
            own[codes[0]] = own.get(codes[0], 0) + 1
    if not folded.isascii():
        # English writes "à" only in the loan "à la" ("À la carte pricing unclear").
        loans = sum(a == "à" and b == "la" for a, b in pairwise(words))
        if loans:
            hits["fr"] -= loans
            own["fr"] -= loans
        for code, letters in nordic_slavic.LETTERS.items():
            if code in hits:
                lettered = sum(
                    letters.search(w) is not None and w not in _LANGUAGES_OF for w in words
                )
                hits[code] += lettered
                own[code] = own.get(code, 0) + lettered
    return hits, own


def _most(hits: dict[str, int], own: dict[str, int]) -> str | None:
    """The language of the most hits; on a tie, the one with the most words only it writes
    ("l'", "notre", "nuestra": "le" and "que" are French and Spanish alike), then the one
    listed first in ``FUNCTION_WORDS``."""
    if not hits:
        return None
    return max(FUNCTION_WORDS, key=lambda code: (hits.get(code, 0), own.get(code, 0)))


def language_of_group(languages: list[str | None]) -> list[str] | None:
    """The languages a group of items (a theme) is written in, most items first, when at
    least half of its items are in another language than English; None otherwise."""
    foreign = [code for code in languages if code is not None]
    if not foreign or 2 * len(foreign) < len(languages):
        return None
    counts: dict[str, int] = {}
    for code in foreign:
        counts[code] = counts.get(code, 0) + 1
    ranked = sorted(counts, key=lambda c: (-counts[c], c))
    # A language of a handful of items in a theme of another is no part of its name.
    return [c for c in ranked if 4 * counts[c] >= len(foreign)]


def in_languages(codes: list[str]) -> str:
    """How a label says the languages: "in Spanish", "in Spanish and German"."""
    names = [NAMES[c] for c in codes]
    spoken = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f"in {spoken}"
