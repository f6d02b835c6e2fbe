"""A product set against us by what it has and we lack: "... and you don't", "... y ustedes no".

"Gusto tiene integración con Xero y ustedes no" names Gusto as a rival, though its only
other words are of an integration: what the customer contrasts is the rival's product with
ours. Two reads use it: a name that is a common word of the item's language is the
product where such a contrast follows it in its sentence (``competitor_common_words``),
and a sentence of connecting competes where it holds one (``competitor_connecting``):
"Gusto has an integration with Xero and you don't" weighs Gusto against us.

The contrast is us, the vendor, addressed as "you" in each language the product reads, with
a negation and at most a verb of having and a pronoun for the thing, at the clause's end:
"and you don't.", "and you don't have one yet", "y ustedes no.", "y ustedes no la tienen",
"e vocês não.", "et vous non.", "mais vous n'en avez pas", "und Sie nicht.", "aber ihr habt
das nicht", "e voi no.", "en jullie niet.". Words after the negation make it a statement
of its own, no contrast: "Remote access works and you don't need a VPN", "Mucho gusto,
ustedes no tienen la integración activada". Neither is "you neither" ("and you don't
either", "et vous non plus", "y ustedes tampoco"): the name lacks it too. German "Sie" is
the formal you only capitalised: "und sie nicht" (and they not) sets nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Where the contrast must end: the clause's end.
_END = r"\s*(?=[.!?;,)\n]|$)"
_CONJUNCTIONS = {
    "en": "and|but|while|whereas",
    "es": "y|pero|mientras que",
    "pt": "e|mas|enquanto",
    "fr": "et|mais|alors que|tandis que",
    "de": "und|aber|während|waehrend",
    "it": "e|ma|mentre",
    "nl": "en|maar|terwijl",
}
_YOU = {
    "en": r"you|you guys|y['’]all|your (?:product|app|tool|platform|software|system)",
    "es": r"ustedes|usted|vosotros|t[úu]",
    "pt": r"voc[êe]s|voc[êe]|vcs",
    "fr": r"vous",
    "de": r"(?-i:Sie)|ihr|du",
    "it": r"voi",
    "nl": r"jullie|u|jij",
}
#: The negation, with a verb of having and a pronoun for the thing at most.
_LACK = {
    "en": (
        r"(?:still\s+)?(?:don['’]t|do not|doesn['’]t|does not|can['’]t|cannot|haven['’]t|"
        r"have not|won['’]t)(?:\s+(?:have|offer|support|provide|include)(?:\s+(?:it|one|that|"
        r"this|them|any))?)?(?:\s+yet)?"
    ),
    "es": (
        r"(?:todav[íi]a\s+|a[úu]n\s+)?no(?:\s+(?:(?:la|lo|las|los)\s+)?(?:tienen|tiene|tienes|"
        r"ten[ée]is|ofrecen|ofrece|soportan|incluyen))?(?:\s+(?:todav[íi]a|a[úu]n))?"
    ),
    "pt": (
        r"(?:ainda\s+)?n[ãa]o(?:\s+(?:(?:o|a|os|as)\s+)?(?:t[êe]m|oferecem|oferece|suportam|"
        r"incluem))?(?:\s+ainda)?"
    ),
    "fr": (
        r"(?:toujours\s+)?(?:non|pas|n['’]\s*(?:en\s+)?(?:avez|offrez|proposez)\s+pas|"
        r"ne\s+(?:l['’]\s*|les\s+|en\s+)?(?:avez|offrez|proposez|supportez)\s+pas)"
        r"(?:\s+(?:encore|toujours))?"
    ),
    "de": (
        r"(?:(?:noch|immer noch)\s+)?(?:nicht|(?:habt|haben|hast|bietet|bieten)\s+"
        r"(?:(?:es|das|sie|ihn|so etwas|sowas)\s+)?(?:noch\s+)?(?:nicht|keine|keins|keinen))"
    ),
    "it": (
        r"(?:ancora\s+)?(?:no|non\s+(?:ce\s+)?(?:l['’]\s*|lo\s+|la\s+|le\s+)?(?:avete|"
        r"offrite|supportate))(?:\s+ancora)?"
    ),
    "nl": (
        r"(?:nog\s+)?(?:niet|(?:hebben|heeft|hebt|bieden|biedt)\s+(?:(?:het|dat|die|dit)\s+)?"
        r"(?:nog\s+)?(?:niet|geen))"
    ),
}
#: Other ways of saying it: "unlike you", "et pas vous", "im Gegensatz zu Ihnen".
_UNLIKE = {
    "en": r"unlike (?:you|yours)|(?:and|but) not (?:you|yours)",
    "es": r"a diferencia de ustedes",
    "pt": r"ao contr[áa]rio de voc[êe]s",
    "fr": r"contrairement [àa] vous|(?:et|mais) pas vous",
    "de": r"im gegensatz zu (?:ihnen|euch)",
    "it": r"a differenza di voi|(?:e|ma) non voi",
    "nl": r"in tegenstelling tot (?:jullie|u)|(?:en|maar) niet jullie",
}


def _compile(code: str) -> re.Pattern[str]:
    lack = rf"(?:(?<!\w)(?:{_CONJUNCTIONS[code]})|,)\s+(?:{_YOU[code]})\s+(?:{_LACK[code]}){_END}"
    return re.compile(rf"{lack}|(?<!\w)(?:{_UNLIKE[code]})(?!\w)", re.IGNORECASE)


_PATTERNS = {code: _compile(code) for code in _CONJUNCTIONS}


def contrasts_with_us(text: str, languages: Iterable[str]) -> bool:
    """Whether ``text`` (the words after a name, or its sentence) sets it against us, in
    English or one of ``languages``: "and you don't", "y ustedes no", "et vous non".

    >>> contrasts_with_us(" tiene integración con Xero y ustedes no.", ["es"])
    True
    >>> contrasts_with_us(" access works and you don't need a VPN.", ["en"])
    False
    """
    codes = {"en", *languages}
    return any(_PATTERNS[code].search(text) for code in codes if code in _PATTERNS)
