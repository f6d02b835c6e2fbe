"""``tradeoff frontier``, ``compare A B`` and ``rank``, run as a user would on a real
workspace. The three scores are entered as overrides, so every figure is computed by hand."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import Engine

from tests.cli.helpers import run_cli
from tradeoff.domain.problems import Opportunity, OpportunityEstimate
from tradeoff.storage import repository
from tradeoff.storage.session import write_session

HOSTILE = "=2+3 [bold]Receipts[/bold]"
REASON = "agreed in the October review"
DIMENSIONS = ("user_value", "viability", "feasibility")

Figure = float | tuple[float, float, float]  # a value, or (value, low, high)

#: Bulk (8, 6, 5) dominates Cards (6, 6, 5), but Cards' user value reaches 9.5 > 8: uncertain.
#: Receipts (5, 9, 2) has the best viability: on the frontier. Receipts has no reach (its
#: computed accounts, 0, stand in) and no confidence (RICE derives it), nor ease (ICE needs it).
OPPORTUNITIES: dict[str, dict[str, Figure]] = {
    "Bulk payments": {"user_value": 8, "viability": 6, "feasibility": 5, "reach": 40,
                      "impact": 2, "confidence": 0.8, "ease": 5, "effort_weeks": (4, 3, 6)},
    "Card controls": {"user_value": (6, 5, 9.5), "viability": 6, "feasibility": 5,
                      "reach": (30, 20, 45), "impact": 1.5, "confidence": 0.5, "ease": 4,
                      "effort_weeks": 4},
    HOSTILE: {"user_value": 5, "viability": 9, "feasibility": 2, "impact": 3,
              "effort_weeks": 8},
}  # fmt: skip


@pytest.fixture
def ids(engine: Engine) -> list[int]:
    created = []
    with write_session(engine) as session:
        for title, figures in OPPORTUNITIES.items():
            opportunity = repository.add(session, Opportunity(title=title))
            assert opportunity.id is not None
            created.append(opportunity.id)
            for field, figure in figures.items():
                value, low, high = figure if isinstance(figure, tuple) else (figure, None, None)
                reason = REASON if field in DIMENSIONS else "team estimate"
                repository.add(session, OpportunityEstimate(
                    opportunity_id=opportunity.id, field=field, value=value, low=low,
                    high=high, confidence=0.8, reason=reason))  # fmt: skip
    return created


def test_frontier_as_json(
    capsys: pytest.CaptureFixture[str], workspace_url: str, ids: list[int]
) -> None:
    bulk, cards, receipts = ids
    result = run_cli(capsys, "--db", workspace_url, "frontier", "--format", "json")
    assert result.exit_code == 0, result.stderr
    frontier_only = {"dominated_by": [], "strongest": None, "certain": False, "uncertain": False,
                     "unknown": [], "on_frontier": True}  # fmt: skip
    assert json.loads(result.stdout) == {
        "frontier": [bulk, receipts],
        "opportunities": [
            {"id": bulk, "title": "Bulk payments", **frontier_only,
             "scores": {"user_value": 8.0, "viability": 6.0, "feasibility": 5.0}},
            {"id": cards, "title": "Card controls", "on_frontier": False,
             "scores": {"user_value": 6.0, "viability": 6.0, "feasibility": 5.0},
             "dominated_by": [bulk], "certain": False, "uncertain": True, "unknown": [],
             "strongest": {"dominator": bulk, "margin": 2.0, "better_on": ["user_value"],
                           "uncertain_on": ["user_value"]}},
            {"id": receipts, "title": HOSTILE, **frontier_only,
             "scores": {"user_value": 5.0, "viability": 9.0, "feasibility": 2.0}},
        ],
    }  # fmt: skip


def test_frontier_table(
    capsys: pytest.CaptureFixture[str], workspace_url: str, ids: list[int]
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "frontier")
    assert result.exit_code == 0, result.stderr
    rows = [line.replace("│", " ").split() for line in result.stdout.splitlines()]
    assert [str(ids[0]), "Bulk", "payments", "8.0", "6.0", "5.0", "frontier"] in rows
    assert f"dominated by #{ids[0]}; uncertain on user_value" in result.stdout
    assert HOSTILE in result.stdout  # shown as written, never read as markup
    assert "2 on the frontier" in result.stdout


def test_compare_lays_out_what_each_gives_up(
    capsys: pytest.CaptureFixture[str], workspace_url: str, ids: list[int]
) -> None:
    # Only user value differs by a point or more; reach 40/30, impact 2/1.5 and ease 5/4 are
    # all at least 1.25×; effort 4 against 4 and money (none) say nothing.
    bulk, cards, _ = ids
    result = run_cli(capsys, "--db", workspace_url, "compare", str(bulk), str(cards))
    assert result.exit_code == 0, result.stderr
    overridden = [
        f"  - {who} {what} was overridden by hand: {REASON}"
        for who in ("Bulk payments'", "Card controls'")
        for what in ("user value", "business viability", "technical feasibility")
    ]
    assert result.stdout.splitlines() == [
        f"#{bulk} Bulk payments  vs  #{cards} Card controls",
        "  User value: 8.0/10 vs 6.0/10",
        "  Business viability: 6.0/10 vs 6.0/10",
        "  Technical feasibility: 5.0/10 vs 5.0/10",
        "Bulk payments dominates Card controls: at least as good on all three dimensions, "
        "better on user value (uncertain within the stated ranges: user value).",
        f"Choosing #{bulk} Bulk payments gives up:",
        "  - nothing that matters on these figures",
        f"Choosing #{cards} Card controls gives up:",
        "  - Bulk payments scores higher on user value: 8.0 vs 6.0 out of 10",
        "  - Bulk payments' entered reach is 1.3× Card controls' (40 vs 30)",
        "  - Bulk payments' impact is 1.3× Card controls' (2 vs 1.5)",
        "  - Bulk payments' ease is 1.3× Card controls' (5 vs 4)",
        "Still a guess or not known yet:",
        *overridden,
    ]
    again = run_cli(capsys, "--db", workspace_url, "compare", str(bulk), str(cards),
                    "--format", "json")  # fmt: skip
    document = json.loads(again.stdout)
    assert document["a"] == {"id": bulk, "title": "Bulk payments"}
    assert document["currency"] == "USD"
    assert document["a_gives_up"] == []
    assert len(document["b_gives_up"]) == 4


def test_rank_by_rice_as_json(
    capsys: pytest.CaptureFixture[str], workspace_url: str, ids: list[int]
) -> None:
    # 40·2·0.8/4 = 16; 30·1.5·0.5/4 = 5.625; Receipts: accounts 0 · 3 · c / 8 = 0, c derived:
    # the lowest confidence of accounts (computed, 1), impact and effort (0.8 each) = 0.8
    bulk, cards, receipts = ids
    result = run_cli(capsys, "--db", workspace_url, "rank", "--by", "rice", "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["formula"] == "reach × impact × confidence / effort_weeks"
    assert [(r["id"], r["score"]) for r in document["ranked"]] == [
        (bulk, 16.0), (cards, 5.625), (receipts, 0.0)
    ]  # fmt: skip
    assert document["ranked"][2]["derived"] == ["confidence"]
    # the ranges cannot reach: Bulk is at least 40·2·0.8/6 = 10.7, Cards at most 45·0.1875
    assert [r["holds"] for r in document["ranked"]] == [1.0, 1.0, 1.0]
    assert document["flipping"] == []
    # Cards overtakes when Bulk's reach, impact or confidence falls to 5.625/16 of itself
    # (−64.84%) or Cards' effort falls to 22.5/16 = 1.41 (also −64.84%): any of them is first
    swaps = document["ranked"][0]["next"]["swaps"]
    smallest = {(s["opportunity"], s["field"]) for s in swaps
                if s["relative"] == pytest.approx(-0.6484375, abs=1e-6)}  # fmt: skip
    assert smallest == {(bulk, "reach"), (bulk, "impact"), (bulk, "confidence"),
                        (cards, "effort_weeks")}  # fmt: skip
    assert (swaps[0]["opportunity"], swaps[0]["field"]) in smallest
    (reach,) = [s for s in swaps if (s["opportunity"], s["field"]) == (bulk, "reach")]
    assert round(reach["to"], 4) == 14.0625
    assert reach["sentence"] == (
        "Card controls overtakes Bulk payments if Bulk payments' reach falls from 40 to 14.1 (-65%)"
    )
    # Receipts only overtakes Cards once its reach passes 5.625 / (3·0.8/8) = 18.75, from 0
    (only,) = document["ranked"][1]["next"]["swaps"]
    assert (only["opportunity"], only["field"], only["from"], round(only["to"], 4)) == (
        receipts, "reach", 0.0, 18.75
    )  # fmt: skip
    assert only["relative"] is None


def test_rank_table_shows_fragility_next_to_every_score(
    capsys: pytest.CaptureFixture[str], workspace_url: str, ids: list[int]
) -> None:
    # Weighted, equal: 19/3, 17/3, 16/3. Cards passes Bulk when its user value passes 8:
    # triangular on [5, 9.5], mode 6: P = 1.5² / (4.5 · 3.5) = 1/7 of the draws.
    bulk, cards, _ = ids
    result = run_cli(capsys, "--db", workspace_url, "rank")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Ranked by weighted: 0.33 × user_value + 0.33 × viability + 0.33 × feasibility" in out
    header = next(line for line in out.splitlines() if "opportunity" in line)
    for column in ("score", "holds", "rank 5–95%", "flips with next", "swaps with next if"):
        assert column in header
    bulk_row = next(line for line in out.splitlines() if "Bulk payments" in line and "6.33" in line)
    assert f"#{bulk} user_value 8→6 (-25%)" in bulk_row  # (19 − 17)/3 → 2 points of user value
    assert "1–2" in bulk_row
    cards_row = next(
        line for line in out.splitlines() if "Card controls" in line and "5.67" in line
    )
    assert f"#{cards} user_value 6→5 (-17%)" in cards_row
    assert (
        f"flips within the stated ranges: #{bulk} Bulk payments and #{cards} Card controls" in out
    )
    document = json.loads(run_cli(capsys, "--db", workspace_url, "rank", "--format", "json").stdout)
    assert document["flipping"][0]["flip_share"] == pytest.approx(1 / 7, abs=0.03)
    assert [(r["rank_low"], r["rank_high"]) for r in document["ranked"]] == [(1, 2), (1, 2), (3, 3)]


def test_rank_is_the_same_for_a_seed(
    capsys: pytest.CaptureFixture[str], workspace_url: str, ids: list[int]
) -> None:
    args = ("--db", workspace_url, "rank", "--format", "json", "--draws", "500")
    first, second = run_cli(capsys, *args), run_cli(capsys, *args)
    assert first.stdout == second.stdout
    other = run_cli(capsys, *args, "--seed", "1")
    assert json.loads(other.stdout)["seed"] == 1
    assert json.loads(other.stdout)["flipping"] != json.loads(first.stdout)["flipping"]


def test_rank_csv_lists_what_is_not_ranked_and_is_safe(
    capsys: pytest.CaptureFixture[str], workspace_url: str, ids: list[int]
) -> None:
    # ICE: 2·0.8·5 = 8 and 1.5·0.5·4 = 3; Receipts has neither confidence nor ease
    result = run_cli(capsys, "--db", workspace_url, "rank", "--by", "ice", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["position", "id", "title", "score", "holds", "rank_low", "rank_high",
                       "next_id", "flip_share_with_next", "swap_with_next",
                       "not_ranked_reason"]  # fmt: skip
    assert [row[:4] for row in rows[1:3]] == [
        ["1", str(ids[0]), "Bulk payments", "8.0"],
        ["2", str(ids[1]), "Card controls", "3.0"],
    ]
    assert rows[3] == ["", str(ids[2]), "'" + HOSTILE, "", "", "", "", "", "", "",
                       "needs confidence, ease"]  # fmt: skip


def test_rank_by_a_formula_of_your_own(
    capsys: pytest.CaptureFixture[str], workspace_url: str, ids: list[int]
) -> None:
    # impact / effort_weeks: 2/4 = 0.5, 1.5/4 = 0.375, 3/8 = 0.375 (a tie: listed order)
    result = run_cli(capsys, "--db", workspace_url, "rank", "--by", "impact / effort_weeks",
                     "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert (document["ranking"], document["formula"]) == ("custom", "impact / effort_weeks")
    assert [(r["id"], r["score"]) for r in document["ranked"]] == [
        (ids[0], 0.5), (ids[1], 0.375), (ids[2], 0.375)
    ]  # fmt: skip
    assert document["ranked"][1]["next"]["tied"] is True


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (("rank", "--by", "reech / effort_weeks"), 2,
         "error: formula: unknown field 'reech' at column 1 (did you mean 'reach'?); known "
         "fields: accounts, arr, business_value,"),
        (("rank", "--by", "reach % 2"), 2, "error: formula: '%' is not allowed at column 7"),
        (("rank", "--weights", "user_value=x"), 2,
         "error: weights: 'x' is not a number (user_value=x)"),
        (("rank", "--by", "rice", "--weights", "user_value=1"), 2,
         "error: --weights applies only to --by weighted"),
        (("rank", "--draws", "0"), 2, "error: --draws must be between 1 and 100,000, got 0"),
        (("compare", "1", "999"), 1, "error: no opportunity with id 999"),
        (("compare", "2", "2"), 2, "error: compare needs two different opportunities"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    ids: list[int],
    args: tuple[str, ...],
    status: int,
    message: str,
) -> None:
    result = run_cli(capsys, "--db", workspace_url, *args)
    assert result.exit_code == status
    assert result.stderr.startswith(message)
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_an_empty_workspace(capsys: pytest.CaptureFixture[str], workspace_url: str) -> None:
    for command in ("frontier", "rank"):
        result = run_cli(capsys, "--db", workspace_url, command)
        assert result.exit_code == 0, result.stderr
        assert result.stdout.startswith("No opportunities yet")
    result = run_cli(capsys, "--db", workspace_url, "frontier", "--format", "json")
    assert json.loads(result.stdout) == {"frontier": [], "opportunities": []}
