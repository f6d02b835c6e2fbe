"""An outsourced accountant, a gestoría or a contador externo is the agency kind, and
short names alike in a few letters are no look-alikes (QA round 24).

A payroll product's CRM named "Gestoría", "Outsourced accountant" and "Contador externo" as
competitors: all three were direct rivals, and the scan proposed `competitor-merge
"Gestoría" --into "Gusto"` at 0.62. Principle 3 names "an outsourced accountant/agency" as
an alternative of its own kind, and a look-alike proposal never pairs two kinds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli
from tradeoff.analysis.business.competitor_alikes import look_alikes
from tradeoff.domain.competitor_names import (
    PROPOSE_AT,
    edits_apart,
    names_only_its_kind,
    similarity,
)
from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind
from tradeoff.importers.competitors import classify_competitor

AGENCY = CompetitorKind.AGENCY


@pytest.mark.parametrize(
    "field",
    [
        # English
        "Outsourced accountant",
        "Their accountant",
        "External bookkeeper",
        "Accounting firm",
        "Payroll bureau",
        "Outsourced payroll",
        "CPA firm",
        "PEO",
        "a PEO",
        "Employer of record",
        # Spanish
        "Gestoría",
        "gestoria laboral",
        "Asesoría laboral",
        "Contador externo",
        "Contable externo",
        "Despacho contable",
        "Nómina tercerizada",
        # Portuguese
        "Contabilidade terceirizada",
        "Escritório de contabilidade",
        "Escritório contábil",
        "Contador",
        # French
        "Expert-comptable",
        "Cabinet comptable",
        "Cabinet d'expertise comptable",
        "Prestataire de paie",
        # German
        "Steuerberater",
        "Steuerberaterin",
        "Steuerbüro",
        "Lohnbüro",
        "Externe Lohnbuchhaltung",
        # Italian
        "Commercialista",
        "Consulente del lavoro",
        "Studio paghe",
        # Dutch
        "Boekhouder",
        "Administratiekantoor",
        "Salarisbureau",
    ],
)
def test_a_firm_hired_to_run_payroll_is_the_agency_kind(field: str) -> None:
    assert classify_competitor(field) is AGENCY
    assert names_only_its_kind(field, AGENCY), "the name says only the kind: no firm named"


@pytest.mark.parametrize(
    "field",
    [
        "Gusto",
        "Personio",
        "Deel",
        "Deel EOR",  # a product line, not an employer of record
        "Justworks PEO",
        "Software contable",  # accounting software, not an accountant
        "Sistema contábil",
        "Contpaqi Nóminas",
        "DATEV Lohn und Gehalt",
        "Sage Paie",
        "Lexware lohn+gehalt",
    ],
)
def test_products_stay_direct(field: str) -> None:
    assert classify_competitor(field) is CompetitorKind.DIRECT


def test_a_named_firm_is_a_member_of_the_kind() -> None:
    """ "Garrigues Asesores" names which firm: a member, proposed beside the kind's row."""
    assert classify_competitor("Garrigues Asesores") is AGENCY
    assert not names_only_its_kind("Garrigues Asesores", AGENCY)


@pytest.mark.parametrize(
    ("one", "other"),
    [("Gestoría", "Gusto"), ("Paychex", "Paycor"), ("Factorial", "Fourth"), ("Sage", "Gusto")],
)
def test_short_names_sharing_a_few_letters_are_no_look_alikes(one: str, other: str) -> None:
    assert similarity(one, other) < PROPOSE_AT


@pytest.mark.parametrize(
    ("one", "other"),
    [("Zoho", "Zohar"), ("Gusto", "Gutso"), ("Ripling", "Rippling"), ("Gusto", "Justo")],
)
def test_typos_of_short_names_are_still_proposed(one: str, other: str) -> None:
    """A letter or two added, dropped, changed or swapped: for a person to decide."""
    assert similarity(one, other) >= PROPOSE_AT


def test_edits_count_a_swap_as_one() -> None:
    assert (edits_apart("gusto", "gutso"), edits_apart("zoho", "zohar")) == (1, 2)
    assert edits_apart("gestoria", "gusto") == 4


def test_no_proposal_pairs_an_agency_with_a_payroll_product() -> None:
    known = [
        Competitor(id=1, name="Gusto"),
        Competitor(id=2, name="Gestoría", kind=AGENCY),
        Competitor(id=3, name="Gutso"),
        Competitor(id=4, name="Outsourced accountant", kind=AGENCY),
    ]
    proposed = {(p.name, p.keep, p.as_kind) for p in look_alikes(known)}
    assert proposed == {
        ("Gutso", "Gusto", None),
        # Two rows that each say only the kind: one alternative, worded twice.
        ("Outsourced accountant", "Gestoría", AGENCY),
    }


HEADER = (
    '"Opportunity Name","Opportunity ID","Account Name","Stage","Amount",'
    '"Opportunity Currency","Close Date","Created Date","Loss Reason","Competitor"'
)
DEALS = (
    '"Lumen - Nómina","0065g0000000201","Lumen Logística S.L.","Closed Lost","48000","EUR",'
    '"3/1/2026","1/9/2026","Seguirán con su gestoría","Gestoría"',
    '"Ipê - Folha","0065g0000000202","Ipê Hotéis Ltda","Closed Lost","210000","BRL",'
    '"4/2/2026","1/12/2026","Vão continuar com o contador externo","Contador externo"',
    '"Koala - Payroll","0065g0000000203","Koala Retail Ltd","Closed Lost","31000","EUR",'
    '"4/20/2026","2/2/2026","Staying with their outsourced accountant","Outsourced accountant"',
    '"Hafen - Lohn","0065g0000000204","Hafen Logistik GmbH","Closed Lost","52000","EUR",'
    '"5/5/2026","2/2/2026","Bleibt beim Steuerberater","Steuerberater"',
    '"Gaviota - Nómina","0065g0000000205","Gaviota Labs S.A.S.","Closed Lost","39000","EUR",'
    '"5/9/2026","2/3/2026","Too expensive compared to Gusto","Gusto"',
)


def test_an_import_files_them_as_agencies_and_the_scan_never_pairs_them_with_gusto(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], workspace_url: str
) -> None:
    report = tmp_path / "Opportunity_report.csv"
    report.write_text("\r\n".join([HEADER, *DEALS]) + "\r\n", encoding="utf-8")
    assert (
        run_cli(capsys, "--db", workspace_url, "import", "salesforce", str(report)).exit_code == 0
    )
    scan = run_cli(capsys, "--db", workspace_url, "scan-competitors")
    assert scan.exit_code == 0
    listed = run_cli(capsys, "--db", workspace_url, "competitors", "--format", "json")
    kinds = {row["name"]: row["kind"] for row in json.loads(listed.stdout)}
    assert kinds == {
        "Gestoría": "agency",
        "Contador externo": "agency",
        "Outsourced accountant": "agency",
        "Steuerberater": "agency",
        "Gusto": "direct",
    }
    assert "Gusto" not in " ".join(
        line for line in scan.stdout.splitlines() if "competitor-merge" in line
    )
    page = run_cli(capsys, "--db", workspace_url, "competitor", "Gusto", "--format", "json")
    assert json.loads(page.stdout)["looks_like"] == []
