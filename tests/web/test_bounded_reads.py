"""The theme page's quotes, its item list and home's unsorted count, read without loading
every item, equal the whole-table computations they replace on a workspace built to trip
them: sub-themes of different sizes, items in no sub-theme, copies, an archived theme, tied
scores, and a run of identical texts at the top of a group (which forces the quotes to read
past their first batch)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select

from tradeoff.analysis.label.quotes import Candidate, representative_quotes
from tradeoff.analysis.theme_page import QUOTE_READ, theme_quotes
from tradeoff.domain.enums import EvidenceKind, ThemeStatus
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, Theme
from tradeoff.storage import evidence_inbox, repository
from tradeoff.storage import theme_quotes as quotes_store
from tradeoff.storage.home import unsorted_items
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import EvidenceThemeRow
from tradeoff.storage.theme_quotes import quote_groups
from tradeoff.storage.themes import quote_candidates, unsorted_count

REPEATED = "Export fails, again!"


def build(engine: Engine) -> dict[str, int]:
    """A theme with two sub-themes, loose items, copies and repeats; an archived theme; an
    unfiled item. Returns the themes' ids by name."""
    with write_session(engine) as session:
        theme = repository.add(session, Theme(name="Exports"))
        big = repository.add(session, Theme(name="Timeouts", parent_id=theme.id))
        small = repository.add(session, Theme(name="Formats", parent_id=theme.id))
        archived = repository.add(session, Theme(name="Old", status=ThemeStatus.ARCHIVED))
        other = repository.add(session, Theme(name="Billing"))
        number = 0

        def item(text: str, *themes: tuple[int | None, float], copy_of: int | None = None) -> int:
            nonlocal number
            number += 1
            added = repository.add(
                session,
                EvidenceItem(
                    source="zendesk",
                    external_id=f"e{number}",
                    kind=EvidenceKind.TICKET,
                    text=text,
                    duplicate_of_id=copy_of,
                    created_at=datetime(2026, 3, 2, tzinfo=UTC) + timedelta(hours=number),
                ),
            )
            assert added.id is not None
            for theme_id, score in themes:
                assert theme_id is not None
                repository.add(
                    session, EvidenceTheme(evidence_id=added.id, theme_id=theme_id, score=score)
                )
            return added.id

        # The big sub-theme: 30 identical texts at the top (only one can be quoted), then
        # distinct ones with tied scores.
        for _ in range(30):
            item(REPEATED.upper() if number % 2 else REPEATED, (theme.id, 0.99), (big.id, 0.99))
        for n in range(12):
            item(f"Export number {n % 7} timed out", (theme.id, 0.5), (big.id, 0.8 - n % 3 / 10))
        for n in range(4):
            original = item(f"CSV columns wrong in case {n}", (theme.id, 0.6), (small.id, 0.9))
            item(
                f"CSV columns wrong in case {n}",
                (theme.id, 0.95),
                (small.id, 0.97),
                copy_of=original,
            )
        for n in range(6):  # in the theme, in no sub-theme; one repeats a sub-theme's text
            item(REPEATED if n == 0 else f"Loose export note {n}", (theme.id, 0.7 + n / 100))
        item("Only in an archived theme", (archived.id, 0.9))
        item("Only in a sub-theme", (big.id, 0.3))
        item("Filed nowhere")
        for n in range(3):
            item(f"Invoice wrong {n}", (other.id, 0.5), (archived.id, 0.5))
        ids = {"theme": theme.id, "big": big.id, "small": small.id, "other": other.id}
    return {name: value for name, value in ids.items() if value is not None}


def reference(engine: Engine, theme_id: int, limit: int) -> list[Candidate]:
    with read_session(engine) as session:
        groups = quote_candidates(session, theme_id)
    return representative_quotes([[Candidate(*m) for m in g] for g in groups], limit)


@pytest.mark.parametrize("batch", [1, 3, 100])
@pytest.mark.parametrize("limit", [1, 5, 12])
def test_the_quotes_equal_those_of_every_member(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, batch: int, limit: int
) -> None:
    themes = build(engine)
    monkeypatch.setattr(quotes_store, "BATCH", batch)
    for theme_id in themes.values():
        with read_session(engine) as session:
            chosen = theme_quotes(quote_groups(session, theme_id), limit)
        assert chosen == reference(engine, theme_id, limit), theme_id
    with read_session(engine) as session:
        top = theme_quotes(quote_groups(session, themes["theme"]), 5)
    # By hand: the big sub-theme's best (one of the repeats), the small one's (a copy is
    # never quoted: its original, closeness 0.9), the loose items' best that is not a
    # repeat (0.75), then round again.
    assert [q.text for q in top][:3] == [
        REPEATED,
        "CSV columns wrong in case 0",
        "Loose export note 5",
    ]


def test_a_theme_of_rewordings_reads_a_bounded_head_for_its_quotes(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A theme of a thousand rewordings of one complaint: after the first, each repeats the
    quotes' words, so a head never yields enough quotes. Reading stops at ``QUOTE_READ``
    members instead of walking the theme (a million-item theme took minutes)."""
    monkeypatch.setattr(quotes_store, "BATCH", 50)
    start = datetime(2026, 3, 2, tzinfo=UTC)
    with write_session(engine) as session:
        theme = repository.add(session, Theme(name="export timeouts")).id
        assert theme is not None
        for n in range(3 * QUOTE_READ):
            added = repository.add(
                session,
                EvidenceItem(
                    source="desk",
                    external_id=f"r{n}",
                    kind=EvidenceKind.TICKET,
                    text=f"Export {n} timed out again on the big report",
                    created_at=start + timedelta(minutes=n),
                ),
            )
            assert added.id is not None
            score = 0.99 - n / (10 * QUOTE_READ)
            repository.add(
                session, EvidenceTheme(evidence_id=added.id, theme_id=theme, score=score)
            )
    fetched = 0
    fetch = quotes_store.RankedGroup._fetch

    def counting(self: quotes_store.RankedGroup) -> None:
        nonlocal fetched
        fetched += 1
        fetch(self)

    monkeypatch.setattr(quotes_store.RankedGroup, "_fetch", counting)
    with read_session(engine) as session:
        chosen = theme_quotes(quote_groups(session, theme), 5)
    assert [q.evidence_id for q in chosen][:1] != []
    assert len(chosen) < 5  # rewordings: fewer quotes, none repeating another
    assert fetched * 50 <= QUOTE_READ + 50


def test_the_groups_are_those_of_quote_candidates_in_its_order(engine: Engine) -> None:
    """Timeouts (43 originals, one filed in it alone) before Formats (4: its copies do not
    count), then the theme's 6 items in no sub-theme; each group read whole holds the same
    members, best first."""
    themes = build(engine)
    with read_session(engine) as session:
        groups = [g.first(1000) for g in quote_groups(session, themes["theme"])]
        expected = quote_candidates(session, themes["theme"])
    assert [len(g) for g in groups] == [43, 4, 6]
    assert [sorted(g) for g in groups] == [sorted(g) for g in expected]
    for group in groups:
        assert group == sorted(group, key=lambda m: (-m[2], m[0]))


def test_unsorted_items_counts_what_no_active_theme_holds(engine: Engine) -> None:
    build(engine)
    with read_session(engine) as session:
        fast = unsorted_items(session)
        slow = unsorted_count(session)
    # By hand: "Only in an archived theme", "Only in a sub-theme" (filed in no top-level
    # theme), "Filed nowhere".
    assert fast == slow == 3


@pytest.mark.parametrize("walk_share", [1, 10**9])
def test_the_theme_filter_lists_the_same_items_whichever_way_it_reads(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, walk_share: int
) -> None:
    """A large theme is checked item by item, a small one read into a list: both list the
    theme's items newest first, paged by the last id shown, copies included."""
    themes = build(engine)
    monkeypatch.setattr(evidence_inbox, "WALK_SHARE", walk_share)
    with read_session(engine) as session:
        assert evidence_inbox._is_large_theme(session, themes["small"]) is (walk_share > 1)
        rows = session.execute(
            select(EvidenceThemeRow.evidence_id).where(EvidenceThemeRow.theme_id == themes["small"])
        )
        expected = sorted((r[0] for r in rows), reverse=True)
        first, more = evidence_inbox.inbox_page(
            session, evidence_inbox.InboxFilters(theme_id=themes["small"]), None, size=5
        )
        rest, after = evidence_inbox.inbox_page(
            session, evidence_inbox.InboxFilters(theme_id=themes["small"]), first[-1].id, size=5
        )
    assert [r.id for r in first] + [r.id for r in rest] == expected
    assert (len(expected), more, after) == (8, True, False)
