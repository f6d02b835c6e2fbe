"""A new user's first hour: real Zendesk and Intercom exports, through the CLI, into themes.

Real Banking77 queries (demo/source/banking77_subset.csv) of four intents, sent the way the
tools export them: a Zendesk incremental export page (plain-text descriptions with "Dear
Sir/Madam," openings, sign-offs, a signature with a phone number, "Sent from my iPhone",
our agent's reply quoted below, subjects such as "Urgent!!") and Intercom conversations
(HTML bodies opening "Hi there 👋", a teammate's question, the customer's "ok thanks", and a
5-star rating remark "Quick and helpful"). The intent never reaches the files; it is kept
on the side and scores the themes against the same queries imported as plain text.
"""

from __future__ import annotations

import csv
import html
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.analysis.themed import intent_rows
from tests.cli.helpers import run_cli
from tradeoff.analysis.embed.registry import embedder_name_of, embedder_named
from tradeoff.analysis.label.counter import praise_cues
from tradeoff.analysis.metrics import normalized_mutual_information
from tradeoff.domain.enums import EvidenceKind

INTENTS = ("card_arrival", "pending_transfer", "declined_card_payment", "lost_or_stolen_card")
SENDERS = [
    ("Mateo Petrov", "Oakridge Farms", "Dear Sir/Madam,", "Best,"),
    ("Mei Haddad", "Lumen Legal LLP", "Dear Sir/Madam,", "Kind regards,"),
    ("Oskar Larsen", "Vireo Studio", "Hello team,", "Cheers,"),
    ("Fatima Rossi", "Kestrel Logistics", "", "Thanks,"),
]
SUBJECTS = ["Urgent!!", "Question", "Help", "Support request"]
AGENT = (
    "Thank you for contacting Northpay support. We have passed your request to our payments team."
)
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
#: Words of the wrapping, never of a topic: no theme may be named by them.
WRAPPING = re.compile(r"\b(sir|madam|regards|iphone|mob|quick|helpful|urgent|question|ok)\b")


def zendesk_page(rows: list[dict[str, str]]) -> dict[str, object]:
    tickets = []
    for n, row in enumerate(rows):
        name, company, greeting, sign_off = SENDERS[n % len(SENDERS)]
        created = START + timedelta(days=n)
        description = "\n\n".join(
            part
            for part in (
                greeting,
                row["text"],
                f"{sign_off}\n{name}\n{company}\nMob: +44 7700 9{n:05d}",
                "Sent from my iPhone",
                f"On {created:%a, %b %d, %Y at %H:%M} Northpay Support "
                f"<support@northpay.zendesk.com> wrote:\n> {AGENT}\n>\n"
                "> Best,\n> The Northpay team",
            )
            if part
        )
        tickets.append(
            {
                "id": 10_000 + n,
                "url": f"https://northpay.zendesk.com/api/v2/tickets/{10_000 + n}.json",
                "via": {"channel": "email", "source": {"from": {"name": name}}},
                "created_at": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "subject": SUBJECTS[n % len(SUBJECTS)],
                "raw_subject": SUBJECTS[n % len(SUBJECTS)],
                "description": description,
                "status": "solved",
                "requester_id": 500 + n % len(SENDERS),
                "submitter_id": 500 + n % len(SENDERS),
                "tags": [],
            }
        )
    return {"tickets": tickets, "end_of_stream": True, "after_url": None}


def intercom_conversation(number: int, row: dict[str, str]) -> dict[str, object]:
    created = int((START + timedelta(days=number)).timestamp())
    user = {"type": "user", "id": f"u{number % 7}", "name": f"Customer {number % 7}"}
    admin = {"type": "admin", "id": "5017", "name": "Sam"}
    return {
        "type": "conversation",
        "id": str(120_000_000 + number),
        "created_at": created,
        "source": {
            "delivered_as": "customer_initiated",
            "body": f"<p>Hi there 👋</p><p>{html.escape(row['text'])}</p>",
            "author": user,
        },
        "conversation_parts": {
            "conversation_parts": [
                {"part_type": "comment", "body": "<p>Which app version?</p>", "author": admin},
                {"part_type": "comment", "body": "<p>ok thanks</p>", "author": user},
            ]
        },
        "conversation_rating": {"rating": 5, "remark": "Quick and helpful"},
    }


@pytest.fixture
def exports(tmp_path: Path) -> tuple[Path, Path, Path, dict[str, str]]:
    """The two exports, the same queries as a plain labelled corpus, and text → intent."""
    rows = intent_rows(INTENTS)
    tickets, chats = rows[::2], rows[1::2]
    zendesk = tmp_path / "tickets.jsonl"
    zendesk.write_text(json.dumps(zendesk_page(tickets)) + "\n", encoding="utf-8")
    intercom = tmp_path / "conversations.jsonl"
    intercom.write_text(
        "".join(json.dumps(intercom_conversation(n, r)) + "\n" for n, r in enumerate(chats)),
        encoding="utf-8",
    )
    corpus = tmp_path / "corpus.csv"
    with corpus.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "label"])
        writer.writerows((r["text"], r["category"]) for r in rows)
    intent = {r["text"]: r["category"] for r in rows}
    intent |= {str(10_000 + n): r["category"] for n, r in enumerate(tickets)}
    intent |= {str(120_000_000 + n): r["category"] for n, r in enumerate(chats)}
    return zendesk, intercom, corpus, intent


def themes_nmi(capsys: pytest.CaptureFixture[str], db: str, intent: dict[str, str]) -> float:
    """NMI of the filed themes (unsorted as one group) against the intents kept aside."""
    result = run_cli(capsys, "--db", db, "evidence", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(result.stdout.splitlines(keepends=True)))
    truth = [intent.get(r["external_id"]) or intent[r["text"]] for r in rows]
    return normalized_mutual_information(truth, [r["theme_id"] or "unsorted" for r in rows])


def test_support_exports_theme_like_the_plain_queries(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    exports: tuple[Path, Path, Path, dict[str, str]],
) -> None:
    zendesk, intercom, corpus, intent = exports
    dressed, plain = f"sqlite:///{tmp_path / 'dressed.db'}", f"sqlite:///{tmp_path / 'plain.db'}"
    for db, imports in (
        (dressed, [["zendesk", str(zendesk)], ["intercom", str(intercom)]]),
        (plain, [["csv", str(corpus), "--date", "2026-11-01"]]),
    ):
        assert run_cli(capsys, "--db", db, "init").exit_code == 0
        for args in imports:
            result = run_cli(capsys, "--db", db, "import", *args)
            assert result.exit_code == 0, result.stderr
        assert run_cli(capsys, "--db", db, "analyze").exit_code == 0

    # The wrapping costs the themes little: they follow the topic as the plain queries do.
    assert themes_nmi(capsys, dressed, intent) >= themes_nmi(capsys, plain, intent) - 0.05

    listed = json.loads(run_cli(capsys, "--db", dressed, "themes", "--format", "json").stdout)
    names = [t["name"] for t in listed] + [s["name"] for t in listed for s in t["subthemes"]]
    assert [n for n in names if WRAPPING.search(n)] == []

    # Quotes and counter evidence are the customer's words: no phone, footer or our reply;
    # and only what a customer said in praise counts, as read in their plain query.
    praising = sum(bool(praise_cues(t, None, EvidenceKind.TICKET)) for t in intent if " " in t)
    assert sum(t["counter_evidence_count"] for t in listed) <= praising
    for theme in listed:
        shown = run_cli(capsys, "--db", dressed, "theme", str(theme["id"])).stdout
        assert not re.search(r"Mob:|\+44|Sent from|wrote:|Quick and helpful|Dear Sir", shown)


def test_search_matches_the_customers_words_not_our_quoted_reply(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    exports: tuple[Path, Path, Path, dict[str, str]],
) -> None:
    db = zendesk_workspace(capsys, tmp_path, exports[0])
    # Words only our agent's quoted reply holds: no customer said them.
    ours = run_cli(capsys, "--db", db, "search", '"payments team"', "--format", "json")
    assert json.loads(ours.stdout) == []
    # The customers' own words are found, and shown without their signature.
    found = run_cli(capsys, "--db", db, "search", "card payment", "--format", "json")
    hits = json.loads(found.stdout)
    assert hits
    assert all(h["matched"] != "meaning" for h in hits[:5])
    assert not re.search(r"Mob:|Sent from|Northpay team", " ".join(h["snippet"] for h in hits))


@pytest.mark.parametrize("resolution", ["0", "-1", "nan", "inf", "100"])
def test_a_resolution_outside_what_clustering_supports_is_refused(
    capsys: pytest.CaptureFixture[str], workspace_url: str, resolution: str
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "analyze", "--resolution", resolution)
    assert result.exit_code == 2
    assert "--resolution" in result.stderr
    assert "must be above 0 and at most 32" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_merged_themes_id_leads_to_where_its_evidence_went(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    exports: tuple[Path, Path, Path, dict[str, str]],
) -> None:
    db = zendesk_workspace(capsys, tmp_path, exports[0])
    run_cli(capsys, "--db", db, "analyze")
    listed = json.loads(run_cli(capsys, "--db", db, "themes", "--format", "json").stdout)
    first, second, third = (t["id"] for t in listed[:3])
    assert run_cli(capsys, "--db", db, "merge", str(first), "--into", str(second)).exit_code == 0
    assert run_cli(capsys, "--db", db, "merge", str(second), "--into", str(third)).exit_code == 0
    result = run_cli(capsys, "--db", db, "theme", str(first))
    assert result.exit_code == 1
    assert result.stderr == (f"error: theme {first} was merged into theme {third}; use {third}\n")
    searched = run_cli(capsys, "--db", db, "search", "card", "--theme", str(first))
    assert searched.exit_code == 1
    assert searched.stderr == result.stderr  # search leads to the same place


def zendesk_workspace(capsys: pytest.CaptureFixture[str], tmp_path: Path, tickets: Path) -> str:
    """A fresh workspace holding the dressed Zendesk export."""
    db = f"sqlite:///{tmp_path / 'w.db'}"
    run_cli(capsys, "--db", db, "init")
    assert run_cli(capsys, "--db", db, "import", "zendesk", str(tickets)).exit_code == 0
    return db


def test_a_plain_analyze_files_with_the_embedder_the_themes_were_found_with(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    exports: tuple[Path, Path, Path, dict[str, str]],
) -> None:
    """Themes found with another embedder than the default are not rebuilt with the default
    by the next plain `tradeoff analyze` (that threw a quality embedder's themes away)."""
    corpus = exports[2]
    rows = corpus.read_text(encoding="utf-8").splitlines()
    first, later = tmp_path / "first.csv", tmp_path / "later.csv"
    first.write_text("\n".join(rows[: len(rows) - 5]) + "\n", encoding="utf-8")
    later.write_text("\n".join([rows[0], *rows[len(rows) - 5 :]]) + "\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'w.db'}"
    assert run_cli(capsys, "--db", db, "init").exit_code == 0
    run_cli(capsys, "--db", db, "import", "csv", str(first), "--date", "2026-11-01")
    found = run_cli(capsys, "--db", db, "analyze", "--embedder", "static-128")
    assert "Rebuilt the themes" in found.stdout
    assert "static-wordllama-l2-supercat-128-" in found.stdout
    run_cli(capsys, "--db", db, "import", "csv", str(later), "--date", "2026-11-02")
    filed = run_cli(capsys, "--db", db, "analyze")
    assert filed.exit_code == 0, filed.stderr
    # The five new items, and any the first run left unsorted, are placed by the same model.
    placing = re.match(
        r"Filed (\d+) of (\d+) items to place into existing themes with ", filed.stdout
    )
    assert placing is not None, filed.stdout
    assert int(placing[2]) >= 5
    assert int(placing[1]) >= 5
    assert "static-wordllama-l2-supercat-128-" in filed.stdout
    default = run_cli(capsys, "--db", db, "analyze", "--embedder", "static")
    assert "Rebuilt the themes (the themes were found with static-wordllama" in default.stdout


@pytest.mark.parametrize("name", ["static", "static-128"])
def test_every_embedder_is_known_by_its_model_id(name: str) -> None:
    assert embedder_name_of(embedder_named(name).model_id) == name
