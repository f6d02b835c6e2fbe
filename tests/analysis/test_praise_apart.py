"""A praise sub-theme inside a theme of complaints becomes a theme of its own."""

from __future__ import annotations

import numpy as np

from tradeoff.analysis.discover import Discovery
from tradeoff.analysis.label.counter import praise_cues
from tradeoff.analysis.praise_apart import praise_apart
from tradeoff.domain.enums import EvidenceKind

#: A theme of the editor: complaints (sub-theme 0) and two ways of praising it (1 and 2), as
#: a QA tester's corpus had them; a theme of checkout complaints (3) with one aside of praise;
#: a theme of praise alone in two sub-themes (4, 5); an unsorted item.
TEXTS = [
    ("The theme editor breaks the layout on mobile, buttons overlap", 0, 0),
    ("On iPhone the product pages are cut off since the theme update", 0, 0),
    ("Theme editor preview does not match what customers see on mobile", 0, 0),
    ("Mobile menu of our theme will not open on Android", 0, 0),
    ("The editor saves the desktop layout over the mobile one", 0, 0),
    ("Love the theme editor, the section blocks are great", 0, 1),
    ("The new theme editor is fantastic, drag and drop made it so easy", 0, 1),
    ("Redesigning our store was easy with the drag and drop sections", 0, 2),
    ("Theme customiser is so intuitive, changing fonts takes seconds", 0, 2),
    ("Checkout declines cards from Canada every time", 1, 3),
    ("Payment failed at checkout again, customers are leaving", 1, 3),
    ("Checkout is great otherwise, thanks for the quick fix last week", 1, 3),
    ("Support was amazing, super quick and friendly", 2, 4),
    ("Great product, our team loves it", 2, 5),
    ("asdf", -1, -1),
]


def read(texts: list[tuple[str, int, int]]) -> tuple[Discovery, np.ndarray]:
    found = Discovery(
        themes=np.array([t for _, t, _ in texts], dtype=np.int64),
        subthemes=np.array([s for _, _, s in texts], dtype=np.int64),
        closeness=np.full(len(texts), 0.8, dtype=np.float32),
    )
    praised = np.array([bool(praise_cues(x, None, EvidenceKind.SURVEY)) for x, _, _ in texts])
    return found, praised


def test_the_praise_sub_themes_of_a_theme_of_complaints_become_one_theme() -> None:
    found, praised = read(TEXTS)
    assert praised.tolist()[:9] == [False] * 5 + [True] * 4
    apart = praise_apart(found, praised)
    editor = apart.themes[:9].tolist()
    assert editor[:5] == [0] * 5
    assert editor[5:] == [3] * 4  # one new theme after the others, both ways of praise
    assert apart.subthemes.tolist() == found.subthemes.tolist()
    assert apart.parent_of()[1] == apart.parent_of()[2] == 3


def test_a_theme_mostly_of_praise_or_of_one_sub_theme_and_a_lone_aside_stay() -> None:
    found, praised = read(TEXTS)
    apart = praise_apart(found, praised)
    assert apart.themes[9:].tolist() == [1, 1, 1, 2, 2, -1]


def test_nothing_changes_without_praise() -> None:
    found, _ = read(TEXTS)
    apart = praise_apart(found, np.zeros(len(TEXTS), dtype=np.bool_))
    assert apart.themes.tolist() == found.themes.tolist()
