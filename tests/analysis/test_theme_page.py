"""One theme's page: quotes that represent it, and a trend whose bars line up.

A "Gantt PDF export" theme of a project-management tool: twenty complaints, seven items
praising the export (more than the five counter-evidence lines a page shows), and one
complaint sent twice, once bare and once inside a greeting and a signature. The praise sits
closest to the theme's centre, so a page that left out only the praise it lists would quote
the rest.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Engine

from tests.analysis.themed import file_ticket
from tests.cli.helpers import run_cli
from tradeoff.analysis.label.counter import PRAISE_RULES, praise_cues
from tradeoff.analysis.label.quotes import repeat_key
from tradeoff.analysis.theme_page import (
    ahead_words,
    month_sparkline,
    so_far,
    theme_page,
    trend_months,
    trend_words,
)
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, Theme
from tradeoff.storage import repository
from tradeoff.storage.session import write_session
from tradeoff.storage.theme_profile import MonthCount, MonthlyTrend

COMPLAINTS = [
    "The Gantt chart PDF export cuts the timeline in half.",
    "Exporting the Gantt view to PDF drops every milestone.",
    "PDF export of the Gantt chart ignores the landscape setting.",
    "Task names overlap in the exported Gantt PDF and nobody can read them.",
    "Our Gantt PDF comes out blank when the project has more than 200 tasks.",
    "The exported Gantt PDF shows only the first month of the plan.",
    "Dependencies arrows are missing from the PDF export of the Gantt chart.",
    "Gantt export to PDF takes ten minutes and then times out.",
    "When I export the Gantt chart the PDF has the wrong dates on it.",
    "The Gantt PDF export uses tiny fonts that print as grey smudges.",
    "Colours of the Gantt bars are lost in the PDF export.",
    "Can't export the Gantt chart to PDF from Safari at all.",
    "The PDF of our Gantt chart is clipped on the right side.",
    "Gantt chart export produces a PDF with duplicated pages.",
    "The Gantt PDF export leaves out collapsed task groups entirely.",
    "Exported Gantt PDFs have no page numbers, so the printouts get mixed up.",
    "Printing the Gantt chart as PDF loses the critical path highlighting.",
    "The Gantt export to PDF doesn't include the legend.",
    "Our board asked for the Gantt as a PDF and the export crashed twice.",
    "Gantt PDF export puts today's marker on the wrong week.",
]
PRAISE = [
    "The Gantt PDF export is great, our clients love the printouts.",
    "Love the Gantt chart export, the PDF looks fantastic.",
    "Exporting the Gantt view to PDF works perfectly for our steering meetings.",
    "Hi,\n\nThe new Gantt PDF export is excellent, thank you!\n\nBest,\nJo Park\n"
    "Head of PMO | Initech\n+1 555 0100",
    "Really happy with the Gantt PDF export since the last release, it's brilliant.",
    "The Gantt to PDF export is amazing, best feature you shipped this year.",
    "Gantt PDF export is so easy and the result looks great.",
]
REPEATED = "The Gantt PDF export cuts off the last column of every page."
WRAPPED = f"Hi team,\n\n{REPEATED}\n\nThanks,\nAnn Lee\nPMO lead, Acme Ltd\n+44 20 7946 0000"


@pytest.fixture
def gantt(engine: Engine) -> tuple[int, dict[str, int]]:
    """The theme's id and each text's evidence id; praise closest to the centre."""
    start = datetime(2026, 1, 5, tzinfo=UTC)
    texts = [*PRAISE, WRAPPED, REPEATED, *COMPLAINTS]
    ids: dict[str, int] = {}
    with write_session(engine) as session:
        theme = repository.add(session, Theme(name="gantt · pdf export")).id
        assert theme is not None
        for n, text in enumerate(texts):
            # The order of ``texts``: praise closest to the centre, then the repeat.
            score = 0.99 - n / 100
            ids[text] = file_ticket(
                session, theme, text, f"t{n}", start + timedelta(days=3 * n), score
            )
    return theme, ids


def test_no_praise_is_quoted_in_a_theme_of_complaints(
    engine: Engine, gantt: tuple[int, dict[str, int]]
) -> None:
    theme, ids = gantt
    assert all(praise_cues(text, None, EvidenceKind.TICKET) for text in PRAISE)
    assert not any(praise_cues(text, None, EvidenceKind.TICKET) for text in COMPLAINTS)
    page = theme_page(engine, theme)
    assert page.profile.praise_items == len(PRAISE) > len(page.profile.counter_evidence) == 5
    quoted = {q.evidence_id for q in page.quotes}
    assert len(quoted) == 5
    assert not quoted & {ids[text] for text in PRAISE}
    assert PRAISE_RULES  # the rules the page reads praise by


def test_a_message_quoted_once_whatever_greeting_and_signature_wrap_it(
    engine: Engine, gantt: tuple[int, dict[str, int]]
) -> None:
    theme, ids = gantt
    assert repeat_key(WRAPPED) == repeat_key(REPEATED.upper())
    quotes = theme_page(engine, theme).quotes
    texts = [q.text for q in quotes]
    assert texts.count(REPEATED) == 1  # shown as said: greeting and signature set aside
    assert len({repeat_key(t) for t in texts}) == len(texts) == 5
    assert ids[WRAPPED] in {q.evidence_id for q in quotes}  # the closer of the two


def test_scripts_get_counter_evidence_in_the_customers_words(
    capsys: pytest.CaptureFixture[str], workspace_url: str, gantt: tuple[int, dict[str, int]]
) -> None:
    theme, ids = gantt
    listed = json.loads(run_cli(capsys, "--db", workspace_url, "themes", "--format", "json").stdout)
    counter = {c["evidence_id"]: c["text"] for c in listed[0]["counter_evidence"]}
    assert listed[0]["id"] == theme
    assert len(counter) == 5
    assert counter[ids[PRAISE[3]]] == "The new Gantt PDF export is excellent, thank you!"


def trend(*counts: tuple[str, int]) -> MonthlyTrend:
    return MonthlyTrend(tuple(MonthCount(m, n) for m, n in counts), None, None, None)


def test_the_trend_shows_the_same_months_for_every_theme() -> None:
    old = trend(("2025-01", 4), ("2025-02", 0), ("2025-03", 9), ("2026-02", 1))
    new = trend(("2026-01", 5), ("2026-02", 1))
    assert [m.month for m in trend_months(old, 3)] == ["2025-12", "2026-01", "2026-02"]
    assert [m.month for m in trend_months(new)] == [m.month for m in trend_months(old)]
    assert [m.items for m in trend_months(new)] == [0] * 10 + [5, 1]
    assert [m.month for m in trend_months(old, 15)][:3] == ["2024-12", "2025-01", "2025-02"]
    assert [m.items for m in trend_months(old, 15)][:4] == [0, 4, 0, 9]
    assert len(month_sparkline(trend_months(new))) == len(month_sparkline(trend_months(old))) == 12
    assert trend_months(trend()) == []
    assert [m.month for m in trend_months(trend(("2026-01", 2)), 2)] == ["2025-12", "2026-01"]
    # The month so far is drawn apart: its short bar is not a fall in demand.
    assert so_far(month_sparkline(trend_months(new, 3))) == ("▁█", "▂")
    assert so_far(month_sparkline(trend_months(new, 3)), filling=False) == ("▁█▂", "")


def test_the_trend_is_worded_with_the_month_so_far_and_the_items_dated_ahead() -> None:
    """As of 26 November: October against September, November so far, and a deal note
    dated by a close date typed into next year, which is in no month."""
    counted = (("2026-09", 5), ("2026-10", 3), ("2026-11", 2))
    months = tuple(MonthCount(m, n) for m, n in counted)
    november = MonthlyTrend(months, "2026-10", 3, 5, date(2026, 11, 26), ahead=1)
    assert november.filling_month == "2026-11"
    assert trend_words(november) == (
        "2026-10: 3 (month before: 5); 2026-11 so far (to 2026-11-26): 2"
    )
    assert ahead_words(november) == "1 item dated after 2026-11-26 is in no month yet"
    whole = MonthlyTrend(months, "2026-11", 2, 3, date(2026, 11, 30), ahead=2)
    assert whole.filling_month is None
    assert trend_words(whole) == "2026-11: 2 (month before: 3)"
    assert ahead_words(whole) == "2 items dated after 2026-11-30 are in no month yet"
    assert ahead_words(MonthlyTrend(months, None, None, None, date(2026, 11, 26))) is None


def test_one_copy_is_said_in_the_singular(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    engine: Engine,
    gantt: tuple[int, dict[str, int]],
) -> None:
    theme, ids = gantt
    with write_session(engine) as session:
        copy = repository.add(
            session,
            EvidenceItem(
                source="chat",
                external_id="copy",
                kind=EvidenceKind.CHAT,
                text=REPEATED,
                created_at=datetime(2026, 6, 1, tzinfo=UTC),
                duplicate_of_id=ids[REPEATED],
            ),
        )
        assert copy.id is not None
        repository.add(session, EvidenceTheme(evidence_id=copy.id, theme_id=theme, score=0.5))
    shown = run_cli(capsys, "--db", workspace_url, "theme", str(theme)).stdout
    assert f"{len(ids)} evidence items (+1 copy) from 0 accounts and 0 end users" in shown
