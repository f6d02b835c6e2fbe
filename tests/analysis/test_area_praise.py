"""Praise of a theme's area filed in a praise theme of its own is shown with the theme.

A project tool's workspace, themes made by hand as discovery would leave them: Gantt PDF
export complaints, Gantt dependency complaints, a theme of people praising the Gantt view,
one of generic praise naming no area, and a billing theme. The Gantt praise must land on
the Gantt theme whose centroid it sits nearest, the generic praise on none.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from sqlalchemy import Engine

from tests.analysis.themed import file_ticket
from tests.cli.helpers import run_cli
from tradeoff.analysis.label.area_praise import (
    area_stems,
    is_praise_theme,
    key_stems,
    nearest_namesakes,
    spoken_to,
)
from tradeoff.analysis.label.counter import praise_cues
from tradeoff.analysis.theme_page import theme_page
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import Theme
from tradeoff.storage import repository
from tradeoff.storage.analysis_runs import AnalysisRun, record_run
from tradeoff.storage.centroids import put_centroid
from tradeoff.storage.session import write_session
from tradeoff.storage.theme_profile import MonthlyTrend, ThemeProfile
from tradeoff.storage.themes import ThemeSummary

EXPORT = [
    "The Gantt chart PDF export cuts the timeline in half.",
    "Exporting the Gantt view to PDF drops every milestone.",
    "PDF export of the Gantt chart ignores the landscape setting.",
    "Task names overlap in the exported Gantt PDF.",
]
DEPENDENCIES = [
    "Gantt dependencies vanish when I move a task.",
    "Dragging a dependency arrow on the Gantt chart freezes the page.",
    "Gantt dependencies are drawn to the wrong task after a reorder.",
]
GANTT_PRAISE = [
    "Love the Gantt view, planning is so easy now.",
    "The Gantt chart is fantastic, our PMO switched because of it.",
    "Gantt view is great, drag to reschedule works perfectly.",
]
GENERIC_PRAISE = [
    "Great tool, love it.",
    "Amazing tool, the team is delighted.",
]
BILLING = [
    "We were charged twice for the same invoice.",
    "The invoice shows the wrong VAT number.",
]
MODEL = "test-model"


def _unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


#: Theme name, texts, centroid: the Gantt praise sits nearer the dependencies theme.
THEMES = [
    ("gantt chart · pdf export", EXPORT, _unit(1, 0, 0, 0)),
    ("gantt · dependencies", DEPENDENCIES, _unit(0.7, 0.7, 0, 0)),
    ("gantt view · great", GANTT_PRAISE, _unit(0.5, 0.8, 0.2, 0)),
    ("love it · great · amazing", GENERIC_PRAISE, _unit(0, 0, 1, 0)),
    ("invoice · charged", BILLING, _unit(0, 0, 0, 1)),
]


@pytest.fixture
def workspace(engine: Engine) -> dict[str, int]:
    """Theme name → id, every item filed, a rebuild recorded with the themes' centroids."""
    start = datetime(2026, 3, 2, tzinfo=UTC)
    ids: dict[str, int] = {}
    n = 0
    with write_session(engine) as session:
        for name, texts, centroid in THEMES:
            theme = repository.add(session, Theme(name=name)).id
            assert theme is not None
            ids[name] = theme
            put_centroid(session, MODEL, theme, centroid)
            for text in texts:
                n += 1
                file_ticket(session, theme, text, f"t{n}", start + timedelta(days=n), 0.9)
        moment = start + timedelta(days=n)
        record_run(
            session,
            AnalysisRun("rebuild", MODEL, 0, 2.0, 0.4, n, n, 0, 5, 0, moment, moment),
        )
    return ids


def test_the_fixture_reads_as_written() -> None:
    praise = [*GANTT_PRAISE, *GENERIC_PRAISE]
    assert all(praise_cues(t, None, EvidenceKind.TICKET) for t in praise)
    assert not any(praise_cues(t, None, EvidenceKind.TICKET) for t in EXPORT + DEPENDENCIES)


def test_gantt_praise_is_shown_with_the_nearest_gantt_theme_and_generic_praise_nowhere(
    engine: Engine, workspace: dict[str, int]
) -> None:
    export, dependencies = workspace["gantt chart · pdf export"], workspace["gantt · dependencies"]
    praise = workspace["gantt view · great"]
    page = theme_page(engine, dependencies)
    assert [a.theme.id for a in page.praise_of_area] == [praise]
    answer = page.praise_of_area[0]
    assert (answer.profile.praise_items, answer.profile.items) == (3, 3)
    # The newest first, at most three, each with the words that make it praise.
    assert [c.text for c in answer.said] == GANTT_PRAISE[::-1]
    assert all(c.cues for c in answer.said)
    assert page.speaks_to is None
    # The export theme shares "gantt" too but sits farther: nothing to show there.
    assert theme_page(engine, export).praise_of_area == ()
    praise_page = theme_page(engine, praise)
    assert praise_page.speaks_to is not None
    assert praise_page.speaks_to.id == dependencies
    assert praise_page.praise_of_area == ()
    generic = theme_page(engine, workspace["love it · great · amazing"])
    assert generic.speaks_to is None
    assert generic.praise_of_area == ()
    assert theme_page(engine, workspace["invoice · charged"]).praise_of_area == ()


def test_the_terminal_and_scripts_show_the_same_pairing(
    engine: Engine,
    workspace: dict[str, int],
    workspace_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    dependencies, praise = workspace["gantt · dependencies"], workspace["gantt view · great"]
    shown = run_cli(capsys, "--db", workspace_url, "theme", str(dependencies)).stdout
    assert f'Praise of its area in theme {praise} "gantt view · great" (3 of its 3 items' in shown
    assert '"Love the Gantt view, planning is so easy now."' in shown
    on_praise = run_cli(capsys, "--db", workspace_url, "theme", str(praise)).stdout
    assert f'Speaks well of the area of theme {dependencies} "gantt · dependencies".' in on_praise
    listed = json.loads(run_cli(capsys, "--db", workspace_url, "themes", "--format", "json").stdout)
    by_id = {t["id"]: t for t in listed}
    assert by_id[dependencies]["praised_in_themes"] == [praise]
    assert by_id[praise]["speaks_well_of_theme"] == dependencies
    others = set(by_id) - {dependencies, praise}
    assert all(by_id[i]["praised_in_themes"] == [] for i in others)
    assert all(by_id[i]["speaks_well_of_theme"] is None for i in others)


def _profile(theme_id: int, items: int, praise: int) -> ThemeProfile:
    trend = MonthlyTrend((), None, None, None)
    return ThemeProfile(theme_id, items, 0, 1, 1, 0, 0, None, None, trend, praise, 0, ())


def test_stems_name_the_area_not_the_judgement() -> None:
    assert area_stems("feedback · gantt chart · view great") == {
        "feedback",
        "gantt",
        "chart",
        "view",
    }
    assert area_stems("love · great · the best") == frozenset()
    assert area_stems("Gantt charts") == area_stems("gantt · chart")


def test_a_praise_theme_is_half_praise_or_more() -> None:
    assert is_praise_theme(_profile(1, 10, 5))
    assert not is_praise_theme(_profile(1, 10, 4))
    assert not is_praise_theme(_profile(1, 0, 0))


def test_without_centroids_praise_speaks_only_to_a_theme_it_alone_shares_words_with() -> None:
    themes = [
        ThemeSummary(1, "gantt · export", None, False),
        ThemeSummary(2, "gantt view · love", None, False),
        ThemeSummary(3, "calendar sync", None, False),
        ThemeSummary(4, "calendar · great", None, False),
        ThemeSummary(5, "calendar · outlook", None, False),
        ThemeSummary(6, "gantt · fantastic", 2, False),  # a sub-theme: never paired
    ]
    profiles = {
        1: _profile(1, 10, 1),
        2: _profile(2, 6, 5),
        3: _profile(3, 8, 0),
        4: _profile(4, 4, 4),
        5: _profile(5, 8, 0),
        6: _profile(6, 3, 3),
    }
    # 4 shares "calendar" with both 3 and 5: without centroids, which is unknowable.
    assert spoken_to(nearest_namesakes(themes, {}), profiles) == {2: 1}
    centroids = {
        1: _unit(1, 0),
        2: _unit(1, 0.1),
        3: _unit(0, 1),
        4: _unit(0.6, 0.8),
        5: _unit(0.8, 0.6),
    }
    namesakes = nearest_namesakes(themes, centroids)
    assert namesakes == {1: 2, 2: 1, 3: 4, 4: 5, 5: 4}
    assert spoken_to(namesakes, profiles) == {2: 1, 4: 5}


def test_praise_nearest_another_praise_theme_speaks_to_none() -> None:
    themes = [
        ThemeSummary(1, "mobile app · crashes", None, False),
        ThemeSummary(2, "mobile app · love", None, False),
        ThemeSummary(3, "mobile app · great design", None, False),
    ]
    profiles = {1: _profile(1, 9, 0), 2: _profile(2, 4, 4), 3: _profile(3, 6, 5)}
    centroids = {1: _unit(1, 0, 0), 2: _unit(0, 1, 0.2), 3: _unit(0, 1, 0.1)}
    # 2 and 3 are each other's nearest: praise of the app in general, not of its crashes.
    assert spoken_to(nearest_namesakes(themes, centroids), profiles) == {}
    nearer = {**centroids, 3: _unit(1, 0.2, 0)}
    assert spoken_to(nearest_namesakes(themes, nearer), profiles) == {3: 1}


def test_praise_of_the_whole_product_answers_no_theme_that_shares_a_word() -> None:
    """A QA tester's bank: "app · easy love · best banking" is praise of the app as a whole.
    "app" names the product, not an area; "bank" it shares with a complaint about the
    exchange markup, which sits far from it (the farthest theme from there)."""
    themes = [
        ThemeSummary(13, "app · easy love · best banking", None, False),
        ThemeSummary(18, "start black screen · updating app · home", None, False),
        ThemeSummary(21, "outrageous compared banks · foreign exchange markup", None, False),
        ThemeSummary(4, "card declined · abroad", None, False),
        ThemeSummary(12, "card · abroad paid japan · works great", None, False),
    ]
    assert area_stems(themes[0].name) == {"bank"}
    assert "app" not in area_stems(themes[1].name)
    profiles = {
        13: _profile(13, 32, 30),
        18: _profile(18, 15, 0),
        21: _profile(21, 8, 0),
        4: _profile(4, 51, 0),
        12: _profile(12, 32, 30),
    }
    centroids = {
        13: _unit(0.3, 0.2, 0.1, 0.9),
        18: _unit(0.6, 0.8, 0.2, 0),
        21: _unit(1, 0, 0.5, 0),
        4: _unit(0.6, 0, 1, 0),
        12: _unit(0.5, 0, 1, 0.2),
    }
    # 13 is the nearest namesake of 21 but the farthest theme from it: no pairing.
    assert spoken_to(nearest_namesakes(themes, centroids), profiles) == {12: 4}


def test_praise_sharing_only_a_measure_with_a_theme_speaks_to_none() -> None:
    """A QA tester's inventory tool, static embedder: support praise ("fixed our issue in ten
    minutes") sat next to a theme of slow reports ("takes ten minutes to load"), and the
    only word their names shared was "minutes": how long, not what. Praise of the reports
    themselves still speaks to them."""
    themes = [
        ThemeSummary(5, "support · team amazing · minutes great service", None, False),
        ThemeSummary(8, "report · ten minutes load · month end", None, False),
        ThemeSummary(9, "permissions · user roles · store staff", None, False),
        ThemeSummary(4, "expiry dates · batch · tracking", None, False),
    ]
    assert area_stems(themes[0].name) == {"support", "team", "servic"}
    assert area_stems(themes[1].name) == {"report", "load", "month", "end"}
    profiles = {
        5: _profile(5, 90, 80),
        8: _profile(8, 94, 0),
        9: _profile(9, 66, 0),
        4: _profile(4, 105, 0),
    }
    # The praise is the slow-reports theme's second nearest, as it was there.
    centroids = {
        5: _unit(0.3, 1, 0.1, 0),
        8: _unit(1, 0.4, 0, 0.2),
        9: _unit(0.2, 0.6, 1, 0),
        4: _unit(1, 0, 0, 1),
    }
    assert spoken_to(nearest_namesakes(themes, centroids), profiles) == {}
    reports = ThemeSummary(7, "month end reports · ten minutes · great", None, False)
    praised = spoken_to(
        nearest_namesakes([*themes, reports], {**centroids, 7: _unit(1, 0.5, 0, 0.1)}),
        {**profiles, 7: _profile(7, 12, 11)},
    )
    assert praised == {7: 8}


def test_a_shared_word_must_lead_one_of_the_names() -> None:
    """A shared "store" among the lesser terms of both names is a detail of each (praise of the
    onboarding team that mentions store managers; permissions for store staff); praise that
    leads with it is of that area."""
    themes = [
        ThemeSummary(9, "permissions · user roles · store staff", None, False),
        ThemeSummary(11, "onboarding · team fantastic · store managers", None, False),
        ThemeSummary(3, "transfer · in transit · warehouse", None, False),
    ]
    assert key_stems(themes[0].name) == {"permission"}
    profiles = {9: _profile(9, 66, 0), 11: _profile(11, 40, 38), 3: _profile(3, 90, 0)}
    centroids = {9: _unit(1, 0.3, 0), 11: _unit(0.8, 0.6, 0), 3: _unit(0, 0.2, 1)}
    assert spoken_to(nearest_namesakes(themes, centroids), profiles) == {}
    staff = ThemeSummary(12, "store staff logins · easy", None, False)
    paired = spoken_to(
        nearest_namesakes([*themes, staff], {**centroids, 12: _unit(1, 0.4, 0)}),
        {**profiles, 12: _profile(12, 14, 13)},
    )
    assert paired == {12: 9}
