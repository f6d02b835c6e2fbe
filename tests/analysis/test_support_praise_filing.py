"""Praise of support joins the support-praise theme, which is named by what is praised.

On a QA tester's clinic-booking corpus 15 items praising support were left unsorted beside
a support-praise theme: "Tom from the Clinicly support team went above and beyond, thank
you!" read as no praise (no praise word), and "Support answered within 5 minutes on a
Saturday, amazing service. Please treat as urgent." was read as French ("minutes",
"urgent"), so the filing rule kept them out of the praise theme. And the theme was named
"support sorted reminder · settings ten minutes" by "she sorted our reminder settings in
ten minutes": the problem support fixed, which reads as a reminders topic.
"""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
from sqlalchemy import Engine

from tests.analysis.themed import active, placements
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.label.counter import names_something, praise_cues
from tradeoff.analysis.label.keywords import theme_keywords
from tradeoff.analysis.label.naming_texts import naming_texts
from tradeoff.analysis.run import analyze
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.storage import repository
from tradeoff.storage.session import write_session

ABOVE = "{} from the Clinicly support team went above and beyond, thank you!"
SORTED = "Huge thanks to {} in support, she sorted our reminder settings in ten minutes."
BRILLIANT = "Your support team is brilliant, always quick and friendly."
PEOPLE = ("Tom", "Hannah", "Priya", "Sarah", "Claire", "Aoife")
REMINDERS = [
    "SMS reminders were not sent to patients yesterday.",
    "Our patients did not get their SMS reminders this morning.",
    "SMS reminders fail for patients with foreign numbers.",
    "No SMS reminders went out for Monday's appointments.",
    "The reminder settings page does not save the SMS template.",
    "Patients complain they get no SMS reminder before the appointment.",
    "SMS reminders stopped working after the update.",
    "Several patients missed appointments because the SMS reminders were not sent.",
    "SMS reminders are sent twice to some patients.",
    "The SMS reminder shows the wrong appointment time.",
]


def test_going_above_and_beyond_is_praise_of_support() -> None:
    for person in PEOPLE:
        text = ABOVE.format(person)
        assert praise_cues(text, None, EvidenceKind.CHAT) == ("above and beyond",)
        assert names_something(text)


def test_an_english_request_after_support_praise_is_read_in_english() -> None:
    text = (
        "Support answered within 5 minutes on a Saturday, amazing service. Please treat as urgent."
    )
    assert praise_cues(text, None, EvidenceKind.TICKET) == ("amazing",)


def test_a_support_praise_theme_is_named_by_support_not_by_what_it_fixed() -> None:
    praise = [SORTED.format(p) for p in PEOPLE] * 2 + [BRILLIANT] * 8
    complaints = REMINDERS * 2
    texts = praise + complaints
    labels = np.array([0] * len(praise) + [1] * len(complaints), dtype=np.int64)
    before = theme_keywords(texts, labels.tolist())[0]
    assert any("reminder" in term for term in before), before  # the defect, as it was
    named = theme_keywords(naming_texts(texts, labels, {0}, None), labels.tolist())
    assert any("support" in term for term in named[0]), named
    assert not any("reminder" in term or "settings" in term for term in named[0]), named
    assert any("reminder" in term for term in named[1]), named  # complaints keep theirs


def test_support_praise_joins_the_support_praise_theme(engine: Engine) -> None:
    praise = [SORTED.format(p) for p in PEOPLE] + [BRILLIANT] * 6
    above = [ABOVE.format(p) for p in PEOPLE]
    with write_session(engine) as session:
        ids: dict[str, list[int]] = {"praise": [], "above": []}
        for n, (group, text) in enumerate(
            [("praise", t) for t in praise * 2]
            + [("reminders", t) for t in REMINDERS * 2]
            + [("above", t) for t in above]
        ):
            item = repository.add(
                session,
                EvidenceItem(
                    source="desk",
                    external_id=str(n),
                    kind=EvidenceKind.CHAT,
                    text=text,
                    created_at=datetime(2026, 3, 1, tzinfo=UTC),
                ),
            )
            assert item.id is not None
            ids.setdefault(group, []).append(item.id)
    analyze(engine, StaticEmbedder())
    placed = placements(engine)
    tops = {t.id for t in active(engine).values() if t.parent_id is None}
    praise_themes = {theme for i in ids["praise"] for theme in placed.get(i, set()) & tops}
    assert praise_themes
    filed = [i for i in ids["above"] if placed.get(i, set()) & praise_themes]
    assert len(filed) == len(above), (filed, ids["above"], placed)
    names = [active(engine)[theme].name for theme in praise_themes]
    assert any("support" in name for name in names), names
    assert not any("reminder" in name or "settings" in name for name in names), names
