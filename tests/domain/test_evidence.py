"""Evidence items, imports, themes: who said what, observed or stated, and safe to show."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from tradeoff.domain.enums import (
    AssignedBy,
    EvidenceKind,
    EvidenceMode,
    ImportStatus,
    ThemeStatus,
)
from tradeoff.domain.evidence import (
    EvidenceItem,
    EvidenceTheme,
    ImportBatch,
    Theme,
    default_mode,
    safe_url,
)
from tradeoff.domain.rules import RuleViolation

SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
CREATED = datetime(2026, 3, 2, 14, 5, 9, tzinfo=UTC)


def ticket(**overrides: object) -> EvidenceItem:
    values: dict[str, object] = {
        "source": "zendesk",
        "external_id": "48213",
        "kind": EvidenceKind.TICKET,
        "text": "We export to Excel every Monday to rebuild the carrier report by hand.",
        "created_at": CREATED,
    }
    values.update(overrides)
    return EvidenceItem(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "mode"),
    [
        (EvidenceKind.TICKET, EvidenceMode.OBSERVED),
        (EvidenceKind.CHAT, EvidenceMode.OBSERVED),
        (EvidenceKind.USAGE_OBSERVATION, EvidenceMode.OBSERVED),
        (EvidenceKind.INTERVIEW, EvidenceMode.STATED),
        (EvidenceKind.CALL, EvidenceMode.STATED),
        (EvidenceKind.SURVEY, EvidenceMode.STATED),
        (EvidenceKind.REVIEW, EvidenceMode.OBSERVED),
        (EvidenceKind.DEAL_NOTE, EvidenceMode.STATED),
        (EvidenceKind.INTERNAL_REQUEST, EvidenceMode.STATED),
    ],
)
def test_each_kind_has_a_default_mode(kind: EvidenceKind, mode: EvidenceMode) -> None:
    assert default_mode(kind) is mode
    assert ticket(kind=kind).mode is mode


def test_every_kind_is_covered_by_the_default_mode_table() -> None:
    # Guards the table above: a new kind must get a deliberate default.
    assert {default_mode(kind) for kind in EvidenceKind} == set(EvidenceMode)
    assert len(EvidenceKind) == 9


def test_a_user_may_override_the_mode() -> None:
    item = ticket(kind="interview", mode="Observed")
    assert item.kind is EvidenceKind.INTERVIEW
    assert item.mode is EvidenceMode.OBSERVED


def test_an_item_from_an_export_is_normalised() -> None:
    item = ticket(
        source=" Zendesk ",
        external_id=" 48213 ",
        kind=" Ticket ",
        title="   ",
        text="  <script>alert('x')</script> and =HYPERLINK(\"http://evil.test\")  ",
        created_at=datetime(2026, 3, 2, 15, 5, 9, tzinfo=timezone(timedelta(hours=1))),
        tags=["reporting", " export ", "reporting", "", "  ", "Export"],
        url=" https://brightwater.zendesk.com/agent/tickets/48213 ",
        raw={"priority": "high", "requester": "Zoë O'Brien", "custom": [1, None, "ß"]},
    )
    assert item == EvidenceItem(
        source="zendesk",
        external_id="48213",
        kind=EvidenceKind.TICKET,
        mode=EvidenceMode.OBSERVED,
        title=None,
        text="<script>alert('x')</script> and =HYPERLINK(\"http://evil.test\")",
        created_at=CREATED,
        # De-duplicated and sorted; case is kept, so "Export" and "export" stay distinct.
        tags=["Export", "export", "reporting"],
        url="https://brightwater.zendesk.com/agent/tickets/48213",
        raw={"priority": "high", "requester": "Zoë O'Brien", "custom": [1, None, "ß"]},
    )
    assert item.created_at.tzinfo is UTC


def test_a_naive_created_at_is_taken_as_utc() -> None:
    item = ticket(created_at=datetime(2026, 3, 2, 14, 5, 9))
    assert item.created_at == CREATED
    assert item.created_at.tzinfo is UTC


def test_created_at_is_required() -> None:
    with pytest.raises(RuleViolation, match="created_at: must be set"):
        ticket(created_at=None)


@pytest.mark.parametrize("field", ["source", "external_id", "text"])
def test_required_text_fields(field: str) -> None:
    with pytest.raises(RuleViolation, match=f"{field}: must not be empty"):
        ticket(**{field: "  "})


def test_an_unknown_kind_lists_the_allowed_kinds() -> None:
    with pytest.raises(RuleViolation) as caught:
        ticket(kind="tweet")
    assert caught.value.field == "kind"
    assert caught.value.message == (
        "'tweet' is not one of: ticket, chat, interview, call, survey, review, deal_note, "
        "usage_observation, internal_request"
    )


def test_an_unknown_mode_is_refused() -> None:
    with pytest.raises(RuleViolation, match="'guessed' is not one of: observed, stated"):
        ticket(mode="guessed")


def test_a_relayed_item_records_the_proxy() -> None:
    item = ticket(kind="internal_request", person_id=3, relayed_by_id=9)
    assert item.is_relayed
    assert not ticket(person_id=3).is_relayed


def test_a_person_cannot_relay_their_own_words() -> None:
    with pytest.raises(RuleViolation, match="a person cannot relay their own words") as caught:
        ticket(person_id=3, relayed_by_id=3)
    assert caught.value.field == "relayed_by_id"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)",
        "JavaScript:alert(1)",
        "  javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "ftp://files.example.com/report.csv",
        "//evil.test/phish",
        "brightwater.zendesk.com/tickets/1",
    ],
)
def test_only_http_links_are_kept(url: str) -> None:
    with pytest.raises(RuleViolation, match="only http\\(s\\) links are allowed") as caught:
        ticket(url=url)
    assert caught.value.field == "url"


@pytest.mark.parametrize(
    "url",
    [
        "https://brightwater.zendesk.com/agent/tickets/48213",
        "HTTP://intranet.tradewinds.io/notes?id=1&q=<b>",
    ],
)
def test_http_and_https_links_are_kept_verbatim(url: str) -> None:
    assert safe_url("url", url) == url


def test_a_blank_link_is_no_link() -> None:
    assert safe_url("url", "   ") is None
    assert safe_url("url", None) is None


def test_a_refused_link_is_quoted_shortly_in_the_error() -> None:
    long_payload = "javascript:" + "a" * 500
    with pytest.raises(RuleViolation) as caught:
        safe_url("url", long_payload)
    assert repr(long_payload[:60]) in caught.value.message
    assert "a" * 100 not in caught.value.message


def test_an_import_batch_is_normalised() -> None:
    batch = ImportBatch(
        source="Intercom",
        file_name="conversations-2026-03.csv",
        sha256=SHA,
        mapping={"body": "text"},
        started_at=datetime(2026, 3, 31, 18, 0),
        status="Completed",  # type: ignore[arg-type]
        inserted=120,
        unchanged=3,
    )
    assert batch.source == "intercom"
    assert batch.status is ImportStatus.COMPLETED
    assert batch.started_at == datetime(2026, 3, 31, 18, 0, tzinfo=UTC)
    assert batch.finished_at is None


def test_an_import_batch_starts_now_by_default() -> None:
    before = datetime.now(UTC)
    batch = ImportBatch(source="csv", file_name="tickets.csv", sha256=SHA)
    assert before <= batch.started_at <= datetime.now(UTC)
    assert batch.status is ImportStatus.RUNNING


def test_an_import_batch_needs_a_sha256_digest() -> None:
    with pytest.raises(RuleViolation, match="sha256: must be a hex SHA-256 digest"):
        ImportBatch(source="csv", file_name="tickets.csv", sha256=SHA[:40])


def test_an_import_batch_sha256_must_be_hex() -> None:
    with pytest.raises(RuleViolation, match="sha256: must be a hex SHA-256 digest"):
        ImportBatch(source="csv", file_name="tickets.csv", sha256="tickets.csv".ljust(64, "!"))


@pytest.mark.parametrize("counter", ["inserted", "updated", "unchanged", "rejected"])
def test_import_counters_are_not_negative(counter: str) -> None:
    with pytest.raises(RuleViolation, match=f"{counter}: must not be negative"):
        ImportBatch(source="csv", file_name="tickets.csv", sha256=SHA, **{counter: -1})


def test_a_merged_theme_names_the_theme_it_went_into() -> None:
    merged = Theme(name="Excel export", status="merged", merged_into_id=4)  # type: ignore[arg-type]
    assert merged.status is ThemeStatus.MERGED
    with pytest.raises(RuleViolation, match="a merged theme names the theme it went into"):
        Theme(name="Excel export", status=ThemeStatus.MERGED)
    with pytest.raises(RuleViolation, match="a merged theme names the theme it went into"):
        Theme(name="Excel export", status=ThemeStatus.ACTIVE, merged_into_id=4)


def test_a_theme_needs_a_name_and_known_status() -> None:
    with pytest.raises(RuleViolation, match="name: must not be empty"):
        Theme(name="")
    with pytest.raises(RuleViolation, match="'deleted' is not one of: active, merged, archived"):
        Theme(name="Reporting", status="deleted")  # type: ignore[arg-type]


def test_an_evidence_theme_defaults_to_a_sure_model_filing() -> None:
    filing = EvidenceTheme(evidence_id=1, theme_id=2)
    assert (filing.score, filing.assigned_by) == (1.0, AssignedBy.MODEL)
    assert EvidenceTheme(evidence_id=1, theme_id=2, score=0).score == 0.0
    by_hand = EvidenceTheme(evidence_id=1, theme_id=2, score=0.8, assigned_by="Person")  # type: ignore[arg-type]
    assert by_hand.assigned_by is AssignedBy.PERSON


@pytest.mark.parametrize("score", [-0.1, 1.5])
def test_an_evidence_theme_score_is_in_the_unit_interval(score: float) -> None:
    with pytest.raises(RuleViolation, match="score: must be between 0 and 1"):
        EvidenceTheme(evidence_id=1, theme_id=2, score=score)
