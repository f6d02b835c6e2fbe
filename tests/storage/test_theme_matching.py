"""Which old theme a rebuild's cluster continues, and that the stored hierarchy stays whole."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from sqlalchemy import Engine, func, select

from tests.analysis.themed import add_tickets
from tradeoff.domain.enums import AssignedBy, ThemeStatus
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import EvidenceThemeRow, RetiredThemeMemberRow, ThemeRow
from tradeoff.storage.theme_edits import merge_themes, split_theme
from tradeoff.storage.theme_matching import FoundTheme, save_found_themes
from tradeoff.storage.themes import not_active


@pytest.fixture
def items(engine: Engine) -> list[int]:
    """300 stored tickets: the ids the clusters below are made of."""
    rows = [{"text": f"ticket number {n}", "category": "any"} for n in range(300)]
    return sorted(add_tickets(engine, rows, 1000))


def cluster(key: str, members: Iterable[int], parent: str | None = None) -> FoundTheme:
    return FoundTheme(key, parent, f"cluster {key}", dict.fromkeys(members, 0.9))


def save(engine: Engine, found: list[FoundTheme]) -> dict[str, int]:
    with write_session(engine) as session:
        return save_found_themes(session, found)


def members(engine: Engine) -> dict[int, set[int]]:
    """Active theme id → its evidence ids."""
    query = (
        select(EvidenceThemeRow.theme_id, EvidenceThemeRow.evidence_id)
        .join(ThemeRow, ThemeRow.id == EvidenceThemeRow.theme_id)
        .where(ThemeRow.status == ThemeStatus.ACTIVE)
    )
    result: dict[int, set[int]] = {}
    with read_session(engine) as session:
        for theme_id, evidence_id in session.execute(query):
            result.setdefault(theme_id, set()).add(evidence_id)
    return result


def statuses(engine: Engine) -> dict[int, tuple[ThemeStatus, int | None]]:
    with read_session(engine) as session:
        rows = session.execute(select(ThemeRow.id, ThemeRow.status, ThemeRow.parent_id))
        return {theme_id: (status, parent) for theme_id, status, parent in rows}


def test_a_theme_that_grew_and_came_apart_lives_on_in_its_largest_part(
    engine: Engine, items: list[int]
) -> None:
    first = save(engine, [cluster("a", items[:100]), cluster("b", items[100:150])])
    # 45 new items join 60 of a's: a Jaccard of 60 / 145 = 0.41, yet mostly theme a.
    again = save(
        engine,
        [
            cluster("x", [*items[:60], *items[200:245]]),
            cluster("y", items[60:100]),
            cluster("z", items[100:150]),
        ],
    )
    assert again["x"] == first["a"]
    assert again["z"] == first["b"]
    assert again["y"] not in first.values()
    assert statuses(engine)[first["a"]][0] is ThemeStatus.ACTIVE


def test_a_few_items_split_off_do_not_take_their_source_themes_cluster(
    engine: Engine, items: list[int]
) -> None:
    first = save(engine, [cluster("a", items[:100]), cluster("b", items[100:150])])
    with write_session(engine) as session:
        carved = split_theme(session, first["a"], items[:4], "Tracking a card")
    # The source came apart; its largest part holds the four carved items and new ones.
    again = save(
        engine,
        [
            cluster("x", [*items[:44], *items[200:250]]),
            cluster("y", items[44:100]),
            cluster("z", items[100:150]),
        ],
    )
    assert again["y"] == first["a"]  # 56 of its items, more than the 40 in x
    assert again["x"] not in (first["a"], carved)
    assert members(engine)[carved] == set(items[:4])
    assert statuses(engine)[carved][0] is ThemeStatus.ACTIVE


def test_a_split_of_half_a_theme_survives_the_cluster_that_still_holds_both_halves(
    engine: Engine, items: list[int]
) -> None:
    """A QA tester split 56 praise items out of a theme of 110 whose other 54 were
    complaints; the rebuild found the 110 together again, gave the cluster the split's id
    (56 shared against 54) and retired the theme, filing the complaints under the praise."""
    first = save(engine, [cluster("a", items[:110]), cluster("b", items[110:160])])
    with write_session(engine) as session:
        praise = split_theme(session, first["a"], items[54:110], "Praise: theme editor")
    again = save(engine, [cluster("x", items[:110]), cluster("z", items[110:160])])
    assert again["x"] == first["a"]
    live = members(engine)
    assert live[first["a"]] == set(items[:54])
    assert live[praise] == set(items[54:110])
    assert statuses(engine)[praise][0] is ThemeStatus.ACTIVE


def test_a_sub_theme_merged_under_another_theme_keeps_the_hierarchy_whole(
    engine: Engine, items: list[int]
) -> None:
    found = [
        cluster("p1", items[:50]),
        cluster("s1", items[:20], "p1"),
        cluster("s1b", items[20:50], "p1"),
        cluster("p2", items[50:100]),
        cluster("s2", items[50:70], "p2"),
        cluster("s2b", items[70:100], "p2"),
    ]
    ids = save(engine, found)
    with write_session(engine) as session:
        merge_themes(session, ids["s1"], ids["s2"])
    again = save(engine, found)  # the model finds the same clusters again
    assert again["s1"] == again["s2"] == ids["s2"]
    live = members(engine)
    assert live[ids["s2"]] == set(items[:20]) | set(items[50:70])
    assert live[ids["p2"]] == set(items[:20]) | set(items[50:100])
    assert live[ids["p1"]] == set(items[20:50])
    for theme_id, (status, parent) in statuses(engine).items():
        if status is ThemeStatus.ACTIVE and parent is not None:
            assert live[theme_id] <= live[parent], f"sub-theme {theme_id} outside its theme"


def test_a_person_filing_is_never_overridden_by_the_cluster_its_item_is_in(
    engine: Engine, items: list[int]
) -> None:
    found = [
        cluster("p1", items[:50]),
        cluster("s1", items[:50], "p1"),
        cluster("p2", items[50:100]),
        cluster("s2", items[50:100], "p2"),
    ]
    ids = save(engine, found)
    with write_session(engine) as session:
        moved = items[0]
        session.add(
            EvidenceThemeRow(
                evidence_id=moved, theme_id=ids["p2"], score=1.0, assigned_by=AssignedBy.PERSON
            )
        )
        session.execute(
            EvidenceThemeRow.__table__.delete().where(
                EvidenceThemeRow.evidence_id == moved,
                EvidenceThemeRow.theme_id.in_([ids["p1"], ids["s1"]]),
            )
        )
    save(engine, found)
    placed = {t for t, m in members(engine).items() if moved in m}
    assert placed == {ids["p2"]}  # not s1, whose theme is not where the person put it


def test_a_merged_theme_is_named_by_its_largest_part_and_stays_where_it_was_put(
    engine: Engine, items: list[int]
) -> None:
    found = [
        cluster("p1", items[:60]),
        cluster("s1", items[:40], "p1"),
        cluster("s1b", items[40:60], "p1"),
        cluster("p2", items[60:100]),
        cluster("s2", items[60:75], "p2"),
        cluster("s2b", items[75:100], "p2"),
    ]
    ids = save(engine, found)
    with write_session(engine) as session:
        merge_themes(session, ids["s1"], ids["s2"])  # 40 items into a sub-theme of 15
    again = save(engine, found)
    # p1's cluster now shares as many items with p2 (the 40 moved) as p2's own: the tie goes
    # to the closer pair, and neither theme is lost.
    assert (again["p1"], again["p2"]) == (ids["p1"], ids["p2"])
    with read_session(engine) as session:
        target = session.get(ThemeRow, ids["s2"])
        assert target is not None
        assert (target.name, target.parent_id) == ("cluster s1", ids["p2"])


def test_a_theme_a_rebuild_retired_comes_back_when_its_cluster_does(
    engine: Engine, items: list[int]
) -> None:
    apart = [cluster("a", items[:60]), cluster("b", items[60:120])]
    first = save(engine, apart)
    together = save(engine, [cluster("ab", items[:120])])  # another seed found one theme
    assert together["ab"] == first["a"]
    assert statuses(engine)[first["b"]][0] is ThemeStatus.ARCHIVED
    with read_session(engine) as session:
        assert not_active(session, first["b"]) == (
            f"theme {first['b']} was retired by a rebuild: most of its evidence is in "
            f"theme {first['a']} now; use {first['a']}"
        )
    again = save(engine, apart)  # the first seed again: the same themes, the same ids
    assert again == first
    assert members(engine)[first["b"]] == set(items[60:120])
    with read_session(engine) as session:
        assert session.scalar(select(func.count()).select_from(RetiredThemeMemberRow)) == 0
