"""New items in another language are filed only with the items of their language.

A rebuild keeps each language apart (``language_apart``): a Spanish ticket never sits in an
English topic, whose page and demand would count it as that topic. Between rebuilds the
nearest centroid decided alone, and the English models read Spanish by its language, so a
QA corpus's Spanish and German tickets filed after a rebuild landed in English themes. So an
incremental run files an item in another language (``text.language.guess_language``) only
in a theme written mostly in that language, read from a sample of its members as the
rebuild read them to name it (``language_apart.named_languages``); with no
such theme near enough it stays unsorted, as a rebuild leaves a language of few items, and
the next rebuild gives the language its theme.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from tradeoff.analysis.assign import Placement
from tradeoff.analysis.embed.protocol import Vectors
from tradeoff.analysis.language_apart import named_languages
from tradeoff.analysis.praise_filing import PraiseReadings, place_as_read
from tradeoff.analysis.text.language import guess_language, language_of_group
from tradeoff.analysis.text.theme_text import theme_text
from tradeoff.storage.session import read_session
from tradeoff.storage.themes import sampled_member_texts

#: Members read per theme to tell its language: a theme of that language is at least half
#: in it (``language_of_group``), so a few dozen tell it.
SAMPLE = 40


def theme_languages(session: Session) -> dict[int, list[str]]:
    """Active top-level theme id → the languages its sampled members are written in, most
    first (``language_of_group``; empty for an English or mixed theme)."""
    result: dict[int, list[str]] = {}
    for theme_id, members in sampled_member_texts(session, SAMPLE).items():
        texts = [theme_text(m.kind, m.title, m.text) for m in members]
        # Read as the rebuild named it: German threads with English follow-ups are German.
        codes = named_languages(
            [guess_language(t) for t in texts], texts, np.zeros(len(texts), dtype=np.int64)
        )
        result[theme_id] = language_of_group(codes) or []
    return result


def kept_to_language(
    engine: Engine,
    placement: Placement,
    read: list[str],
    vectors: Vectors,
    centroids: tuple[NDArray[np.int64], NDArray[np.int64], Vectors],
    unsorted_below: float,
    readings: PraiseReadings,
    praise_tops: frozenset[int],
) -> None:
    """``placement`` of the items ``read`` changed in place: each item in another language
    placed again among the themes (``centroids``: finest ids, their tops, vectors) of its
    language, under the same praise rule; unsorted where none is near enough. English
    items keep their place; the themes' languages are read only when a new item needs them."""
    spoken = [guess_language(text) for text in read]
    codes = sorted({code for code in spoken if code is not None})
    if not codes:
        return
    theme_ids, top_ids, matrix = centroids
    with read_session(engine) as session:
        language_of = theme_languages(session)
    # A theme takes the items of the language most of its members are written in.
    tops_speak = np.array([(language_of.get(int(top)) or [""])[0] for top in top_ids], dtype=object)
    for code in codes:
        rows = np.array([c == code for c in spoken], dtype=np.bool_)
        allowed = tops_speak == code
        items = np.flatnonzero(rows)
        part = place_as_read(
            vectors[items],
            theme_ids[allowed],
            top_ids[allowed],
            matrix[allowed],
            unsorted_below,
            PraiseReadings(readings.praised[items], readings.naming[items]),
            praise_tops,
        )
        placement.finest[items], placement.top[items] = part.finest, part.top
        placement.closeness[items] = part.closeness
