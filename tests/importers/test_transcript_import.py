"""Call and interview transcripts: the evidence is what the customer said, without speaker
labels, timestamps and our own people's turns; the whole conversation stays in raw."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.cli.helpers import run_cli
from tests.importers.exports import snapshot
from tradeoff.analysis.text.theme_text import as_said
from tradeoff.importers.interviews import InterviewsImporter
from tradeoff.importers.registry import run


def call(
    *,
    account: str,
    person: str,
    turns: str,
    interviewer: str | None = "Aisha Rahman",
    kind: str = "call",
) -> str:
    """A recorder's call export: front matter, a heading, then the turns."""
    front = [
        "---",
        f"kind: {kind}",
        "date: 2026-04-14 10:30",
        f'account: "{account}"',
        f'person: "{person}"',
    ]
    if interviewer:
        front += [f'interviewer: "{interviewer}"', "interviewer_email: aisha@ledgerly.example"]
    return "\n".join([*front, "---", "", f"# Discovery call — {account}", "", turns])


#: Gong-like Markdown: every turn is "**Name (Company)** [hh:mm:ss]" then the line.
FENWICK = call(
    account="Fenwick & Daughters Ltd",
    person="Priya Shah",
    turns=(
        "**Aisha Rahman (Ledgerly)** [00:00:04]  \n"
        "Thanks for joining. How do you reconcile card spend today?\n\n"
        "**Priya Shah (Fenwick)** [00:00:11]  \n"
        "I export the statement every Friday and retype it into Xero.\n\n"
        "**Tom Okafor (Ledgerly)** [00:00:40]  \n"
        "Do your cardholders upload receipts in the app?\n\n"
        "**Priya Shah (Fenwick)** [00:00:52]  \n"
        "They try, but receipts never match the merchant names.\n\n"
        "**Aisha Rahman (Ledgerly)** [00:01:30]  \n"
        "Got it. I'll follow up with a summary.\n"
    ),
)
FENWICK_SAID = (
    "# Discovery call — Fenwick & Daughters Ltd\n\n"
    "I export the statement every Friday and retype it into Xero.\n\n"
    "They try, but receipts never match the merchant names."
)
#: A Spanish call, with the rep named by first name only in the labels.
TLALOC = call(
    account="Tlaloc Logística S.A. de C.V.",
    person="Mariana Ortiz",
    interviewer="Diego Salas",
    turns=(
        "**Diego (Ledgerly)** [00:00:03]\n¿Cómo pagan hoy a sus proveedores?\n\n"
        "**Mariana Ortiz (Tlaloc)** [00:00:09]\n"
        "Las transferencias SPEI tardan dos días en reflejarse.\n"
    ),
)
#: Interviews with no interviewer in the front matter: only the batch tells our side.
ORCHARD = call(
    kind="interview",
    interviewer=None,
    account="Orchard Dental Group",
    person="Lena Fischer",
    turns=(
        "[00:00:02] Sam Reyes (Ledgerly): What slows down month end?\n"
        "[00:00:08] Lena Fischer (Orchard Dental): Approving forty card top-ups by hand.\n"
    ),
)
BRIGHTWATER = call(
    kind="interview",
    interviewer=None,
    account="Brightwater Logistics Ltd",
    person="Omar Haddad",
    turns=(
        "[00:00:02] Sam Reyes (Ledgerly): What slows down month end?\n"
        "[00:00:06] Omar Haddad (Brightwater): Fuel cards declined at the pump.\n"
    ),
)


def import_notes(engine: Engine, folder: Path, notes: dict[str, str], **options: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in notes.items():
        (folder / name).write_bytes(text.encode("utf-8"))
    run(engine, InterviewsImporter(), folder, options=options)


def texts(engine: Engine) -> dict[str, str]:
    return {item.external_id: item.text for item in snapshot(engine).evidence}


def test_a_call_is_what_the_customer_said_and_the_whole_call_stays_in_raw(
    ledgerly: Engine, tmp_path: Path
) -> None:
    """QA: 31 of 46 calls were one theme named "clara nunes payroo · run payroll today",
    from the rep's name and questions. The interviewer, a colleague of the same company,
    labels and timestamps are left out; the full transcript is kept."""
    import_notes(ledgerly, tmp_path / "calls", {"fenwick.md": FENWICK, "tlaloc.md": TLALOC})
    items = {item.external_id: item for item in snapshot(ledgerly).evidence}
    assert items["fenwick.md"].text == FENWICK_SAID
    assert items["tlaloc.md"].text == (
        "# Discovery call — Tlaloc Logística S.A. de C.V.\n\n"
        "Las transferencias SPEI tardan dos días en reflejarse."
    )
    assert items["fenwick.md"].raw["transcript"] == FENWICK.split("---\n\n", 1)[1].rstrip()
    assert items["fenwick.md"].raw["our_speakers"] == [
        "Aisha Rahman (Ledgerly)",
        "Tom Okafor (Ledgerly)",
    ]
    assert as_said("call", items["fenwick.md"].text) == (
        "I export the statement every Friday and retype it into Xero.\n\n"
        "They try, but receipts never match the merchant names."
    )


def test_the_company_on_every_call_is_ours_when_no_interviewer_is_named(
    ledgerly: Engine, tmp_path: Path
) -> None:
    import_notes(
        ledgerly, tmp_path / "interviews", {"orchard.md": ORCHARD, "brightwater.md": BRIGHTWATER}
    )
    assert texts(ledgerly) == {
        "orchard.md": "# Discovery call — Orchard Dental Group\n\n"
        "Approving forty card top-ups by hand.",
        "brightwater.md": "# Discovery call — Brightwater Logistics Ltd\n\n"
        "Fuel cards declined at the pump.",
    }


def test_calls_with_one_customer_only_tell_no_side_by_the_batch(
    ledgerly: Engine, tmp_path: Path
) -> None:
    """Two interviews at one customer: its company is on every call too, so the batch
    says nothing and every turn is kept (labels and timestamps aside)."""
    second = ORCHARD.replace("Approving forty card top-ups by hand.", "Receipts go missing.")
    import_notes(ledgerly, tmp_path / "interviews", {"a.md": ORCHARD, "b.md": second})
    assert texts(ledgerly)["a.md"] == (
        "# Discovery call — Orchard Dental Group\n\n"
        "What slows down month end?\n\nApproving forty card top-ups by hand."
    )


def test_ours_names_our_side_when_the_notes_do_not(
    capsys: pytest.CaptureFixture[str], ledgerly: Engine, workspace_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "orchard.md").write_bytes(ORCHARD.encode("utf-8"))
    result = run_cli(
        capsys, "--db", workspace_url, "import", "interviews", str(folder), "--ours", "Ledgerly"
    )
    assert result.exit_code == 0, result.stderr
    assert texts(ledgerly) == {
        "orchard.md": "# Discovery call — Orchard Dental Group\n\n"
        "Approving forty card top-ups by hand."
    }


def test_role_labels_tell_the_sides_in_any_language(ledgerly: Engine, tmp_path: Path) -> None:
    """A research interview typed with role labels; the interviewer's turn runs over two
    lines and goes whole."""
    interview = call(
        kind="interview",
        interviewer=None,
        account="Quinta do Vale Ltda",
        person="Rita Alves",
        turns=(
            "Entrevistador: Como fecham o mês hoje?\nPode descrever o processo?\n"
            "Entrevistada: Exportamos o extrato e lançamos tudo à mão no Omie.\n"
            "Entrevistador: E os recibos?\n"
            "Entrevistada: Metade se perde antes do fechamento.\n"
        ),
    )
    import_notes(ledgerly, tmp_path / "pt", {"quinta.md": interview})
    assert texts(ledgerly)["quinta.md"] == (
        "# Discovery call — Quinta do Vale Ltda\n\n"
        "Exportamos o extrato e lançamos tudo à mão no Omie.\n\n"
        "Metade se perde antes do fechamento."
    )


def test_notes_that_are_no_transcript_are_stored_as_written(
    ledgerly: Engine, tmp_path: Path
) -> None:
    notes = call(
        account="Kestrel Freight Inc",
        person="Sarah Whitcombe",
        turns=(
            "## Notes\n- Usage up: 85 active cards.\n"
            '- Sarah: "Fuel cards fail at night."\n'
            "- Wants a DATEV export.\n\nPain point: declines\nImpact: drivers stranded\n"
        ),
    )
    import_notes(ledgerly, tmp_path / "plain", {"kestrel.md": notes})
    (item,) = snapshot(ledgerly).evidence
    assert item.text == notes.split("---\n\n", 1)[1].rstrip()
    assert "transcript" not in item.raw


def test_a_relayers_address_names_them_in_the_labels(ledgerly: Engine, tmp_path: Path) -> None:
    """A CSM's call forwarded with only an address: tom.okafor@ is Tom Okafor, ours."""
    forwarded = call(
        account="Kestrel Freight Inc",
        person="Sarah Whitcombe",
        interviewer=None,
        turns=(
            "Tom Okafor: How did the fuel cards do this month?\n"
            "Sarah Whitcombe: Three drivers were declined at night again.\n"
            "Tom Okafor: I'll raise it with the card team.\n"
            "Sarah Whitcombe: Please do, it costs us a delivery each time.\n"
        ),
    ).replace("---\n\n#", "relayed_by: tom.okafor@ledgerly.example\n---\n\n#")
    import_notes(ledgerly, tmp_path / "qbr", {"kestrel.md": forwarded})
    assert texts(ledgerly)["kestrel.md"] == (
        "# Discovery call — Kestrel Freight Inc\n\n"
        "Three drivers were declined at night again.\n\n"
        "Please do, it costs us a delivery each time."
    )
