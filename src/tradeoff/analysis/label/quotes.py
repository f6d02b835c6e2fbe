"""Representative quotes: chosen for coverage of a theme, not only for centrality.

The most central items of a theme tend to say the same thing in the same words; a PM reading
five of them learns one fact. So the quotes go round the theme's sub-themes, largest first,
taking each one's most typical item that does not repeat a quote already taken (the same
message once greeting, signature and quoted thread are set aside, after folding case,
punctuation and spacing: "Hi team, X. Thanks, Ann" repeats "X"), then fill up by
centrality. A quote whose every sentence is said, word for word, within a sentence of the
quotes taken repeats them too: "The tab freezes." adds nothing after "Swimlanes crawl.
Also, the tab freezes." So does one more than ``REPEATED_SHARE`` of whose content words
(stop words aside) the quotes taken already hold, when it has ``MIN_CONTENT_WORDS`` or more:
"overall ok but onboarding stuck at verify your identity, selfie check fails" after
"Onboarding stuck at verify your identity, selfie check fails.", or two complaints already
quoted, each from another quote, told together again. A theme without
sub-themes is read as a single one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tradeoff.analysis.label.keywords import STOPWORDS
from tradeoff.analysis.text.message import message_body

_NOT_WORD = re.compile(r"\W+")
#: A quote more than this share of whose content words were quoted says nothing new.
REPEATED_SHARE = 0.75
#: Shorter quotes are judged by their sentences alone: two words say little either way.
MIN_CONTENT_WORDS = 3
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")


@dataclass(frozen=True)
class Candidate:
    evidence_id: int
    text: str
    #: How close the item sits to its group's centre (0..1).
    score: float


def representative_quotes(groups: Sequence[Sequence[Candidate]], limit: int = 5) -> list[Candidate]:
    """Up to ``limit`` quotes, one group at a time in the order given (largest first)."""
    queues = [sorted(group, key=lambda c: (-c.score, c.evidence_id)) for group in groups if group]
    chosen: list[Candidate] = []
    seen: set[str] = set()
    said: list[str] = []
    taken_words: set[str] = set()
    while queues and len(chosen) < limit:
        for queue in list(queues):
            while queue:
                candidate = queue.pop(0)
                key, parts = repeat_key(candidate.text), sentences(candidate.text)
                words = _content_words(key)
                said_before = bool(parts) and all(_within(part, said) for part in parts)
                if key not in seen and not said_before and not _mostly(words, taken_words):
                    seen.add(key)
                    said.extend(f" {part} " for part in parts)
                    taken_words |= words
                    chosen.append(candidate)
                    break
            if not queue:
                queues.remove(queue)
            if len(chosen) == limit:
                break
    return chosen


def repeat_key(text: str) -> str:
    """What two quotes must share to be one: the message's words, folded."""
    return _NOT_WORD.sub(" ", message_body(text).lower()).strip()


def sentences(text: str) -> frozenset[str]:
    """The message's sentences, each folded as ``repeat_key`` folds a whole message."""
    folded = (
        _NOT_WORD.sub(" ", part.lower()).strip() for part in _SENTENCE_END.split(message_body(text))
    )
    return frozenset(part for part in folded if part)


def _within(sentence: str, said: Sequence[str]) -> bool:
    """Whether the folded sentence is a run of whole words of one already said (padded)."""
    padded = f" {sentence} "
    return any(padded in other for other in said)


def _content_words(folded: str) -> frozenset[str]:
    """The words of a folded message (``repeat_key``) that carry content: no stop words."""
    return frozenset(w for w in folded.split() if w not in STOPWORDS)


def _mostly(words: frozenset[str], taken: set[str]) -> bool:
    """Whether more than ``REPEATED_SHARE`` of the words were quoted already."""
    return len(words) >= MIN_CONTENT_WORDS and len(words & taken) > REPEATED_SHARE * len(words)
