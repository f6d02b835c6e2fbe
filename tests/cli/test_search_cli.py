"""``tradeoff search`` as a user runs it: table, JSON, filters, errors, hostile text."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine, func, select

from tests.analysis.search_corpus import add_tickets
from tests.cli.helpers import run_cli
from tradeoff.storage.session import read_session
from tradeoff.storage.tables import EmbeddingRow


@pytest.fixture
def inbox(engine: Engine) -> dict[str, int]:
    return add_tickets(engine)


def test_json_gives_every_field_of_each_hit(
    capsys: pytest.CaptureFixture[str], workspace_url: str, inbox: dict[str, int]
) -> None:
    result = run_cli(
        capsys,
        "--db",
        workspace_url,
        "search",
        "card declined shop",
        "--limit",
        "2",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.stderr
    hits = json.loads(result.stdout)
    first = hits[0]
    assert list(first) == [
        "evidence_id",
        "source",
        "external_id",
        "kind",
        "created_at",
        "theme_id",
        "theme",
        "score",
        "matched",
        "keyword_score",
        "similarity",
        "copies",
        "snippet",
        "highlights",
    ]
    assert {k: first[k] for k in list(first)[:7]} == {
        "evidence_id": inbox["declined-shop"],
        "source": "zendesk",
        "external_id": "ZE-1000",
        "kind": "ticket",
        "created_at": "2026-03-01T09:00:00+00:00",
        "theme_id": None,
        "theme": None,
    }
    assert (first["matched"], first["copies"], first["score"]) == ("both", 1, 0.032787)
    assert first["snippet"] == "My card was declined at the shop this morning, I have money in it."
    assert first["highlights"] == [[3, 7], [12, 20], [28, 32]]
    assert [h["external_id"] for h in hits] == ["ZE-1000", "ZE-1004"]
    again = run_cli(
        capsys,
        "--db",
        workspace_url,
        "search",
        "card declined shop",
        "--limit",
        "2",
        "--format",
        "json",
    )
    assert again.stdout == result.stdout


def test_the_table_shows_the_match_and_folded_copies(
    capsys: pytest.CaptureFixture[str], workspace_url: str, inbox: dict[str, int]
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "search", "card declined", "--limit", "3")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "id",
        "┃",
        "source",
        "┃",
        "date",
        "┃",
        "theme",
        "┃",
        "match",
        "┃",
        "evidence",
    ]
    assert f"{inbox['declined-shop']}  │ zendesk ZE-1000 │ 2026-03-01 │ —" in result.stdout
    assert "(+1 copy)" in result.stdout


def test_filters_reach_the_search(
    capsys: pytest.CaptureFixture[str], workspace_url: str, inbox: dict[str, int]
) -> None:
    def externals(query: str, *options: str) -> list[str]:
        result = run_cli(
            capsys, "--db", workspace_url, "search", query, "--format", "json", *options
        )
        assert result.exit_code == 0, result.stderr
        return [hit["external_id"] for hit in json.loads(result.stdout)]

    assert all(e.startswith("IN-") for e in externals("card declined", "--source", "intercom"))
    assert externals("login", "--kind", "review", "--limit", "1") == ["AP-1010"]
    assert "ZE-1004" in externals("card declined", "--since", "2026-04-01")
    assert "ZE-1000" not in externals("card declined", "--since", "2026-04-01")


def test_customer_markup_is_printed_literally(
    capsys: pytest.CaptureFixture[str], workspace_url: str, inbox: dict[str, int]
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "search", '"URGENT"')
    assert result.exit_code == 0, result.stderr
    assert "[bold red]URGENT[/] my card was declined" in result.stdout
    assert "[link=http://x]here[/link]" in " ".join(result.stdout.split())


@pytest.mark.parametrize("query", ["", "   ", "the and of"])
def test_a_query_with_nothing_to_look_for_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], workspace_url: str, inbox: dict[str, int], query: str
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "search", query)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("error: the search query")
    assert "Traceback" not in result.stderr


def test_unknown_theme_and_embedder_are_one_line_errors(
    capsys: pytest.CaptureFixture[str], workspace_url: str, inbox: dict[str, int]
) -> None:
    theme = run_cli(capsys, "--db", workspace_url, "search", "card", "--theme", "999")
    assert (theme.exit_code, theme.stderr) == (1, "error: no active theme with id 999\n")
    embedder = run_cli(capsys, "--db", workspace_url, "search", "card", "--embedder", "bert")
    assert embedder.exit_code == 2
    assert embedder.stderr.startswith("error: unknown embedder 'bert'")
    source = run_cli(capsys, "--db", workspace_url, "search", "card", "--source", "zendsk")
    assert source.exit_code == 2
    assert source.stderr.startswith("error: no evidence comes from source 'zendsk'; the sources")
    assert "zendesk" in source.stderr
    assert source.stderr.count("\n") == 1


def test_no_match_says_so(
    capsys: pytest.CaptureFixture[str], workspace_url: str, inbox: dict[str, int]
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "search", '"declined at the bakery"')
    assert (result.exit_code, result.stdout) == (
        0,
        "No evidence matches '\"declined at the bakery\"'.\n",
    )


def test_search_reads_meaning_with_the_embedder_the_themes_were_found_with(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, inbox: dict[str, int]
) -> None:
    """A QA tester's workspace analysed with minilm was searched with the default static
    embedder unless told: another space than the themes', and every item embedded again."""
    assert (
        run_cli(capsys, "--db", workspace_url, "analyze", "--embedder", "static-128").exit_code == 0
    )
    before = embedded_by(engine)
    found = run_cli(capsys, "--db", workspace_url, "search", "card declined", "--format", "json")
    assert found.exit_code == 0, found.stderr
    assert json.loads(found.stdout)
    assert embedded_by(engine) == before  # nothing embedded again with another model
    assert len(before) == 1


def embedded_by(engine: Engine) -> dict[str, int]:
    """Cached vectors per model."""
    with read_session(engine) as session:
        rows = session.execute(
            select(EmbeddingRow.model_id, func.count()).group_by(EmbeddingRow.model_id)
        )
        return {model: count for model, count in rows}
