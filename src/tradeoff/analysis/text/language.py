"""Which language an item is written in, told by its function words or its script.

Both embedders are English models: text in Spanish or German gathers by language, not by
topic (a QA corpus's 27 Spanish items on six topics made one theme named after login, and
with MiniLM all 62 Spanish and German items sat in the Apple Watch theme). The engine does
not translate; it tells such items apart so their themes say what they are ("in Spanish").

The guess reads only the commonest function words ("el", "und", "les"...), which carry no
topic and which every sentence of those languages uses: no model, no download, and every
verdict is the words that decided it. A language is named when at least ``MIN_HITS`` of
its words and a ``MIN_SHARE`` of the text's words are its function words, and they
outnumber English ones; else the item counts as English (or too short to tell).

A language written in a script of its own is told by its letters instead (``SCRIPTS``):
Japanese, Chinese, Korean, Russian, Greek, Arabic... have no Latin function words, and a
QA corpus's 12 Japanese tickets went unread, filed with 11 German ones in a theme named "in
German" that quoted only Japanese. Such a text is in that language when the letters of
its script outweigh its Latin ones: "iOSアプリでプッシュ通知が届きません" is Japanese,
"Our Tokyo office (東京オフィス) cannot log in" is English. Languages that share a script
and write no letter of their own are told by the words and spellings only one of them
writes (``TOLD_BY_WORDS``): Bulgarian from Russian, Marathi and Nepali from Hindi.

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
from bisect import bisect_right
from dataclasses import dataclass

# The blocks of the scripts written without spaces between words, defined in the domain
# for the inbox's word index too; labels and search read them from here.
from tradeoff.domain.scripts import HAN as HAN
from tradeoff.domain.scripts import HANGUL as HANGUL
from tradeoff.domain.scripts import HIRAGANA as HIRAGANA
from tradeoff.domain.scripts import KATAKANA as KATAKANA
from tradeoff.domain.scripts import THAI as THAI
from tradeoff.domain.scripts import Blocks
from tradeoff.domain.scripts import char_class as char_class

#: Function words of each language, left out where they are common English words too
#: ("a", "is", "in", "on", "to", "an", "de" aside, which English names hold: "De Vries").
_FUNCTION_WORDS = {
    "es": """el la los las lo del al que y en un una unos unas por para con mi mis su sus se
        es está están estoy esta este esto hay muy pero como porque ya cuando desde sin sobre
        también nunca siempre puedo tengo hola gracias más ni nos le les mí yo ella""",
    "de": """der die das den dem des ein eine einen einem einer und ist ich mich mir mein
        meine meinen meiner meinem sie wir ihr es zu von mit auf für im nicht kein keine
        bitte habe haben hat wurde wurden wie aber oder wenn dass noch schon kann möchte
        sehr auch nach bei immer nur seit jetzt wird sind war über unser unsere unseren
        unserem unserer unter""",
    "fr": """le la les des du une et je est pas pour dans sur avec ce cette il elle nous
        vous mais ou très qui que mon ma mes au aux ne sont suis été fait depuis""",
    "pt": """o os da do das dos em um uma meu minha não é e que para com por mas muito
        também eu ele ela está estou são foi tem""",
    "it": """il gli della di che non per mio mia sono ho è la le una un con ma anche molto
        io lui lei questo questa nel nella sempre""",
    "nl": """het een en ik mijn niet dat op te voor met geen van zijn er maar ook wel heb
        hebben wordt werd nog bij""",
}
FUNCTION_WORDS = {code: frozenset(words.split()) for code, words in _FUNCTION_WORDS.items()}
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
}
MIN_HITS = 2
MIN_SHARE = 0.15
_WORD = re.compile(r"[^\W\d_]+")

#: Scripts that name a language, by their Unicode blocks. Han and kana are apart: Japanese
#: writes Han with kana, Chinese Han alone.
SCRIPTS: dict[str, Blocks] = {
    "kana": HIRAGANA + KATAKANA,
    "han": HAN,
    "hangul": HANGUL,
    "cyrillic": ((0x0400, 0x052F),),
    "greek": ((0x0370, 0x03FF), (0x1F00, 0x1FFF)),
    "arabic": ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    "hebrew": ((0x0590, 0x05FF),),
    "thai": THAI,
    "devanagari": ((0x0900, 0x097F),),
    "armenian": ((0x0530, 0x058F),),
    "georgian": ((0x10A0, 0x10FF),),
}
#: The language a script is read as, unless letters only another of its languages writes
#: are there (``TOLD_BY_LETTERS``) or its words and spellings tell another
#: (``TOLD_BY_WORDS``).
SCRIPT_LANGUAGE = {
    "kana": "ja",
    "han": "zh",
    "hangul": "ko",
    "cyrillic": "ru",
    "greek": "el",
    "arabic": "ar",
    "hebrew": "he",
    "thai": "th",
    "devanagari": "hi",
    "armenian": "hy",
    "georgian": "ka",
}
#: Per script: languages told from its default by letters of their own, first match wins.
TOLD_BY_LETTERS: dict[str, tuple[tuple[str, str], ...]] = {
    # Belarusian before Ukrainian: it writes "і" too, and "ў" is its own.
    "cyrillic": (("be", "ў"), ("uk", "іїєґ"), ("mk", "ѓќѕ"), ("sr", "ђћџјљњ")),
    "arabic": (("ur", "ٹڈڑںے"), ("fa", "پچژگکی")),
}


@dataclass(frozen=True)
class Marks:
    """What tells one language of a script from the others that write no letter of their
    own: words only it writes among them, endings only its words have, and spellings only
    it has (a pattern searched in each word)."""

    words: frozenset[str]
    endings: tuple[str, ...] = ()
    spelling: re.Pattern[str] | None = None

    def count(self, words: list[str]) -> int:
        """How many of ``words`` are marked as this language's; an ending counts on a
        word three letters longer than it or more ("последнего", not "много")."""
        return sum(
            word in self.words
            or any(word.endswith(e) and len(word) >= len(e) + 3 for e in self.endings)
            or (self.spelling is not None and self.spelling.search(word) is not None)
            for word in words
        )


def _marks(words: str, endings: str = "", spelling: str | None = None) -> Marks:
    pattern = re.compile(spelling) if spelling is not None else None
    return Marks(frozenset(words.split()), tuple(endings.split()), pattern)


#: Per script: languages written in it with no letter of their own, told apart by the
#: words they write (``Marks``), the script's default (``SCRIPT_LANGUAGE``) among them; the
#: one with the most marked words wins, the default on a tie (none at all, a name...).
#: Bulgarian and Russian share every letter but spell apart: Russian's "ъ" stands only
#: before е, ё, ю, я ("объявление"), Bulgarian's is a vowel ("към", "проблемът"); Russian
#: ends words in "ь" ("есть", "работать"), Bulgarian writes it only before "о"; "ы", "э",
#: "ё" are Russian. Marathi writes "ळ" and attaches its postpositions ("खात्यामध्ये",
#: "बजेटसाठी"), as Nepali does its plural "-हरू" ("सूचनाहरू"); Hindi writes them apart
#: ("खाते में"). Words both of a pair write ("не", "на", "да"; "का", "को", "के", "हो", "तो")
#: are in neither list.
TOLD_BY_WORDS: dict[str, dict[str, Marks]] = {
    "cyrillic": {
        "ru": _marks(
            """что это этот нет был была было были есть будет будут можно нужно надо очень
            почему потому если только уже ещё еще мне меня мой моя мои мы вы он она они оно
            для у к тоже также когда сейчас который которая которое которые просто
            пожалуйста спасибо здравствуйте могу может работает через""",
            "ся сь ого ому ему ами ями",
            "[ыэё]|ь(?!о)|ъ[еёюя]",
        ),
        "bg": _marks(
            """ще са съм сме сте си това този тази тези които който която което няма има
            какво защо защото когато ако вече още само сега тук кога аз ние вие той тя те ме
            ми ни ви го ги му моля благодаря здравейте здравей мога може трябва искам искаме
            беше бяха нещо нищо всички всеки със във към през работи""",
            "ието ията",
            "ѝ|ъ(?![еёюя])",
        ),
    },
    "devanagari": {
        "hi": _marks(
            """है हैं था थी थे नहीं और में से भी यह वह ये वो मैं मुझे मुझसे मेरा मेरी मेरे हमारा
            हमारी हमारे आप अपने अपना अपनी रहा रही रहे गया गई गए लिए क्या क्यों कोई कुछ बहुत
            लेकिन साथ बाद सकता सकती सकते जाता जाती जाते करें करना करने ने हूँ हूं"""
        ),
        "mr": _marks(
            """आहे आहेत नाही नाहीत आणि पण मी आम्ही तुम्ही माझे माझा माझी माझ्या आमचे आमचा आमची
            आमच्या तुमचे तुमचा काय कसे कसा कशी अजून आता नंतर लगेच होते झाले झाला झाली केले
            केला केली दिले दिला दिली करा करू शकत शकतो शकते येत येते येतो खूप मला आम्हाला
            तुम्हाला त्यांना किंवा""",
            "च्या मध्ये साठी ांना",
            "[ळऱॲ]",
        ),
        "ne": _marks(
            """छ छन् छैन छु छौं हुन्छ हुँदैन थियो थिए भयो भएको दियो लियो गर्‍यो गर्यो गर्न
            गर्नुहोस् छिटो र पनि तर म मेरो हाम्रो तपाईं तपाईंको यो त्यो यी धेरै किन कुनै अहिले
            सक्छ सक्दिन सकिन लागि पछि एउटै दुई""",
            "हरू नुहोस् दैन दैनन् छन् ँछ न्छ र्छ देखि बाट सँग",
        ),
    },
}
#: A word of a script's letters, with the vowel signs and viramas of Devanagari (marks, no
#: letters for ``\w``), without its dandas and digits.
_SCRIPT_WORD = re.compile(r"(?:[^\W\d_]|[\u0900-\u0963\u0971-\u097f\u200c\u200d])+")
#: A Han, kana or Hangul character counts as this many letters: it writes a syllable or a
#: word, about as much as three Latin letters, so "OktaとのSAML SSOでログインできません。
#: エラー「InResponseTo mismatch」" weighs its Japanese (45) above its Latin (31), and
#: "Our Tokyo office (東京オフィス) cannot log in since the update" is English (18 to 39).
WIDE = 3
WIDE_SCRIPTS = frozenset({"kana", "han", "hangul"})
#: Letters of a script (``WIDE`` for each wide character) a text needs to be in its language
#: (beside outweighing its Latin letters); a text leans to it with twice as many, whatever
#: its Latin ("... 証明書チェーンは正しいです" after a pasted English error).
MIN_SCRIPT_LETTERS = 4
#: Japanese holds at least one kana per this many Han characters; Chinese none.
HAN_PER_KANA = 20
_BOUNDS = sorted((low, high, script) for script, blocks in SCRIPTS.items() for low, high in blocks)
_STARTS = [low for low, _, _ in _BOUNDS]
_IN_SCRIPT = re.compile(f"[{char_class(*SCRIPTS.values())}]")
_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ]")


#: Each function word → the languages it belongs to ("en" for English): one look-up per
#: word, where a pass per language read every text seven times (a million Banking77 texts
#: on busy cores: 10.4 s that way, 7.8 s this way).
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _code, _words in (*FUNCTION_WORDS.items(), ("en", ENGLISH)):
    for _word in _words:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _code)


def guess_language(text: str) -> str | None:
    """The code of the language ``text`` is written in (its script's, ``SCRIPTS``, or by
    ``FUNCTION_WORDS``), or None for English, or a text too short to tell."""
    if not text.isascii():  # most text is ASCII, and holds no other script
        code, weight = script_language(text)
        if code is not None and weight >= MIN_SCRIPT_LETTERS and weight > len(_LATIN.findall(text)):
            return code
    words = _WORD.findall(text.casefold())
    hits = _hits(words)
    english = hits.pop("en", 0)
    best = _most(hits)
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
    language (``script_language``) is leaned to with ``2 * MIN_SCRIPT_LETTERS`` letters."""
    code, weight = script_language(text)
    if code is not None and weight >= 2 * MIN_SCRIPT_LETTERS:
        return code
    hits = _hits(_WORD.findall(text.casefold()))
    hits.pop("en", None)
    best = _most(hits)
    return best if best is not None and hits[best] >= MIN_HITS else None


def script_language(text: str) -> tuple[str | None, int]:
    """The language of the script most of ``text``'s non-Latin letters are in, and how many
    letters (``WIDE`` per Han, kana or Hangul character) it has there; (None, 0) for a text
    with none, as most are, told without reading it when it is ASCII, else by one search.

    >>> script_language("Не приходят уведомления в Slack")
    ('ru', 22)
    """
    if text.isascii() or _IN_SCRIPT.search(text) is None:
        return None, 0
    letters: dict[str, list[str]] = {}
    for char in _IN_SCRIPT.findall(text):
        if char.isalpha():
            letters.setdefault(_script_of(char), []).append(char)
    han = letters.pop("han", [])
    if han:
        # Han with kana is Japanese, Han alone Chinese (or Korean's Hanja, outweighed).
        kana = len(letters.get("kana", ()))
        letters.setdefault("kana" if HAN_PER_KANA * kana >= len(han) else "han", []).extend(han)
    if not letters:
        return None, 0
    weights = {s: len(c) * (WIDE if s in WIDE_SCRIPTS else 1) for s, c in letters.items()}
    script = max(sorted(weights), key=weights.__getitem__)
    return _told(script, "".join(letters[script]).casefold(), text), weights[script]


def _script_of(char: str) -> str:
    """The script (``SCRIPTS``) of a character matched by ``_IN_SCRIPT``."""
    return _BOUNDS[bisect_right(_STARTS, ord(char)) - 1][2]


def _told(script: str, letters: str, text: str) -> str:
    """The language of ``script`` its ``letters`` are in (``TOLD_BY_LETTERS``), else the
    one the words of ``text`` tell (``TOLD_BY_WORDS``)."""
    for code, own in TOLD_BY_LETTERS.get(script, ()):
        if any(letter in letters for letter in own):
            return code
    default = SCRIPT_LANGUAGE[script]
    marks = TOLD_BY_WORDS.get(script)
    if marks is None:
        return default
    words = _SCRIPT_WORD.findall(text.casefold())
    counts = {code: mark.count(words) for code, mark in marks.items()}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] > counts[default] else default


def _hits(words: list[str]) -> dict[str, int]:
    """Function words per language code ("en" for English) among ``words``."""
    hits: dict[str, int] = {}
    for word in words:
        for code in _LANGUAGES_OF.get(word, ()):
            hits[code] = hits.get(code, 0) + 1
    return hits


def _most(hits: dict[str, int]) -> str | None:
    """The language of the most hits; a tie goes to the one listed first in
    ``FUNCTION_WORDS``."""
    if not hits:
        return None
    return max(FUNCTION_WORDS, key=lambda code: hits.get(code, 0))


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
