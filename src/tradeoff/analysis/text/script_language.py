"""Which language a text is written in, told by the script its letters are in.

A language written in a script of its own is told by its letters, not by Latin function
words (``text.language``): Japanese, Chinese, Korean, Russian, Greek, Arabic... A QA
corpus's 12 Japanese tickets went unread, filed with 11 German ones in a theme named "in
German" that quoted only Japanese. Languages that share a script and write no letter of
their own are told by the words and spellings only one of them writes (``TOLD_BY_WORDS``):
Bulgarian from Russian, Marathi and Nepali from Hindi. Kept apart from the function words'
reading, which asks it first (``language.guess_language``).

>>> script_language("Не приходят уведомления в Slack")
('ru', 22)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from tradeoff.domain.scripts import HAN, HANGUL, HIRAGANA, KATAKANA, THAI, Blocks, char_class

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
LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ]")


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
