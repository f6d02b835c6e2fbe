"""``tradeoff themes`` and ``tradeoff theme``: the figures shown are the workspace's own."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, update

from tests.analysis.themed import intent_rows, links, themes
from tests.cli.helpers import run_cli
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.run import analyze
from tradeoff.domain.accounts import Account
from tradeoff.domain.enums import EvidenceKind, EvidenceMode, ThemeStatus
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.storage import repository
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import EvidenceItemRow


@pytest.fixture
def analysed(engine: Engine) -> dict[int, EvidenceItem]:
    """Tickets from three accounts over three months, some stated, one praising review."""
    rows = intent_rows(("card_arrival", "lost_or_stolen_card"))
    with write_session(engine) as session:
        accounts = [repository.add(session, Account(name=n)) for n in ("Acme", "Globex", "Initech")]
        for number, row in enumerate(rows):
            repository.add(
                session,
                EvidenceItem(
                    source="zendesk",
                    external_id=f"t{number}",
                    kind=EvidenceKind.TICKET if number % 4 else EvidenceKind.INTERVIEW,
                    mode=EvidenceMode.OBSERVED if number % 4 else EvidenceMode.STATED,
                    text=row["text"],
                    created_at=datetime(2026, 1 + number % 3, 10, tzinfo=UTC),
                    account_id=accounts[number % 3].id,
                ),
            )
    analyze(engine, StaticEmbedder())
    with read_session(engine) as session:
        return {e.id: e for e in repository.list_all(session, EvidenceItem) if e.id}


def expected(engine: Engine, items: dict[int, EvidenceItem], theme_id: int) -> dict[str, object]:
    """Counted here in plain Python, from the links and items themselves."""
    members = [items[link.evidence_id] for link in links(engine) if link.theme_id == theme_id]
    return {
        "items": len(members),
        "accounts": len({m.account_id for m in members if m.account_id is not None}),
        "observed": sum(m.mode is EvidenceMode.OBSERVED for m in members),
        "months": Counter(m.created_at.strftime("%Y-%m") for m in members),
    }


def test_themes_json_carries_each_themes_figures(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    engine: Engine,
    analysed: dict[int, EvidenceItem],
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "themes", "--format", "json")
    document = json.loads(result.stdout)
    live = [t for t in themes(engine) if t.status is ThemeStatus.ACTIVE]
    assert {t["id"] for t in document} == {t.id for t in live if t.parent_id is None}
    assert [t["items"] for t in document] == sorted((t["items"] for t in document), reverse=True)
    for listed in [*document, *(s for t in document for s in t["subthemes"])]:
        want = expected(engine, analysed, listed["id"])
        assert listed["items"] == want["items"]
        assert listed["accounts"] == want["accounts"]
        assert listed["observed_items"] == want["observed"]
        months = {m["month"]: m["items"] for m in listed["monthly"] if m["items"]}
        assert months == want["months"]


def test_the_theme_page_shows_the_same_figures(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    engine: Engine,
    analysed: dict[int, EvidenceItem],
) -> None:
    top = [t for t in themes(engine) if t.parent_id is None and t.status is ThemeStatus.ACTIVE]
    for theme in top:
        want = expected(engine, analysed, theme.id or 0)
        page = run_cli(capsys, "--db", workspace_url, "theme", str(theme.id)).stdout
        lines = page.splitlines()
        assert lines[0] == f"{theme.name}  (theme {theme.id})"
        assert lines[1].startswith(
            f"{want['items']} evidence items from {want['accounts']} accounts"
        )
        share = round(100 * int(str(want["observed"])) / int(str(want["items"])))
        assert lines[2].startswith(f"observed {share}%")
        assert "Quotes:" in lines


def test_the_unsorted_items_are_counted_and_listed(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    engine: Engine,
    analysed: dict[int, EvidenceItem],
) -> None:
    live = {t.id for t in themes(engine) if t.status is ThemeStatus.ACTIVE}
    filed = {link.evidence_id for link in links(engine) if link.theme_id in live}
    expected = sorted(set(analysed) - filed)
    with write_session(engine) as session:  # one item nothing resembles, to be sure of one
        odd = repository.add(
            session,
            EvidenceItem(
                source="zendesk",
                external_id="odd",
                kind=EvidenceKind.TICKET,
                text="Zxq vorpal quux",
                created_at=datetime(2026, 3, 1, tzinfo=UTC),
            ),
        )
    analyze(engine, StaticEmbedder())
    if odd.id not in {link.evidence_id for link in links(engine) if link.theme_id in live}:
        expected.append(odd.id or 0)
    assert expected  # the table's footer below is only printed when something is unsorted
    listed = run_cli(capsys, "--db", workspace_url, "evidence", "--unsorted", "--format", "jsonl")
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [r["id"] for r in rows] == sorted(expected)
    assert all(r["theme_id"] is None for r in rows)
    assert {r["text"] for r in rows if r["id"] == odd.id} <= {"Zxq vorpal quux"}
    table = run_cli(capsys, "--db", workspace_url, "themes").stdout
    assert table.splitlines()[-1] == (
        f"{len(expected)} items are unsorted (no theme fits them well enough): "
        "tradeoff evidence --unsorted"
    )


def test_a_very_long_quote_is_cut_on_the_terminal(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    engine: Engine,
    analysed: dict[int, EvidenceItem],
) -> None:
    """A 50 KB ticket would fill the screen; the page shows its first 400 characters."""
    top = next(t for t in themes(engine) if t.parent_id is None and t.status is ThemeStatus.ACTIVE)
    members = [link.evidence_id for link in links(engine) if link.theme_id == top.id]
    filler = "and it still does not work " * 2000

    def own(member: int) -> str:
        return " ".join(f"order{member}{part}" for part in ("a", "b", "c", "d", "e"))

    with write_session(engine) as session:
        for member in members:
            session.execute(
                update(EvidenceItemRow)
                .where(EvidenceItemRow.id == member)
                # Words of its own, or the quotes would all say the same (one quote).
                .values(text=f"My card arrived broken (ticket {member}) {own(member)} {filler}")
            )
    page = run_cli(capsys, "--db", workspace_url, "theme", str(top.id)).stdout
    assert page.count("My card arrived broken") >= 2  # the quotes are these long items
    assert page.count("…") >= 2
    # At most five quotes of 400 characters with the figures around them, not 5 × 54 KB.
    assert len(page) < 6_000


def test_one_theme_as_json_holds_what_its_page_shows(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    engine: Engine,
    analysed: dict[int, EvidenceItem],
) -> None:
    """`theme ID --format json` (QA round 22: "No such option: --format"): the theme's entry
    of `themes --format json`, figure for figure, recounted from the links, with the page's
    quotes by evidence id and external id and its sub-themes."""
    listed = json.loads(run_cli(capsys, "--db", workspace_url, "themes", "--format", "json").stdout)
    live = [t for t in themes(engine) if t.status is ThemeStatus.ACTIVE]
    top = [t for t in live if t.parent_id is None]
    assert top
    for theme in top:
        args = ("--db", workspace_url, "theme", str(theme.id))
        document = json.loads(run_cli(capsys, *args, "--format", "json").stdout)
        entry = next(t for t in listed if t["id"] == theme.id)
        assert {k: document[k] for k in entry} == entry
        want = expected(engine, analysed, theme.id or 0)
        assert (document["id"], document["name"], document["parent_id"]) == (
            theme.id,
            theme.name,
            None,
        )
        assert (document["items"], document["accounts"]) == (want["items"], want["accounts"])
        assert document["observed_items"] == want["observed"]
        months = {m["month"]: m["items"] for m in document["monthly"] if m["items"]}
        assert months == want["months"]
        members = {link.evidence_id for link in links(engine) if link.theme_id == theme.id}
        page = run_cli(capsys, *args).stdout
        assert document["quotes"]
        for quote in document["quotes"]:
            item = analysed[quote["evidence_id"]]
            assert quote["evidence_id"] in members
            assert (quote["source"], quote["external_id"]) == (item.source, item.external_id)
            assert f'"{quote["text"]}"  (#{quote["evidence_id"]}, {quote["score"]:.2f})' in page
        children = sorted(
            (t for t in live if t.parent_id == theme.id),
            key=lambda t: (-sum(link.theme_id == t.id for link in links(engine)), t.id or 0),
        )
        assert [(s["id"], s["name"], s["parent_id"]) for s in document["subthemes"]] == [
            (c.id, c.name, theme.id) for c in children
        ]
        for sub in document["subthemes"]:
            assert f"  {sub['id']}  {sub['name']}  ({sub['items']:,} items)" in page
            assert sub["items"] == expected(engine, analysed, sub["id"])["items"]


def test_an_unknown_theme_as_json_is_one_line(
    capsys: pytest.CaptureFixture[str], workspace_url: str, analysed: dict[int, EvidenceItem]
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "theme", "999999", "--format", "json")
    assert result.exit_code != 0
    assert result.stdout == ""
    assert "no active theme with id 999999" in result.stderr
