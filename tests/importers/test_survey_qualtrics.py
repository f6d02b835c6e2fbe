"""Qualtrics survey exports (three header rows), read back from the database.

The first export is the one a QA tester's import stopped on ("line 2, column 'RecordedDate':
not a date"): its three header rows and four of its rows are copied byte for byte, with a
preview response added as Qualtrics writes one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.cli.helpers import run_cli
from tests.importers.exports import snapshot, utc
from tradeoff.domain.enums import EvidenceKind, EvidenceMode, PersonRole
from tradeoff.errors import InputError
from tradeoff.importers.registry import run
from tradeoff.importers.surveys import SurveyImporter

NPS_QUESTION = "How likely are you to recommend Kitchenly to a friend or colleague?"
REASON = "What is the main reason for your score?"
#: The QA tester's file: CRLF line ends, times in America/Denver, ``company`` embedded data.
QA_HEADER = [
    "StartDate,EndDate,Status,Progress,Duration (in seconds),Finished,RecordedDate,ResponseId,"
    "RecipientEmail,DistributionChannel,UserLanguage,Q1_NPS_GROUP,Q1,Q2,company",
    "Start Date,End Date,Response Type,Progress,Duration (in seconds),Finished,Recorded Date,"
    "Response ID,Recipient Email,Distribution Channel,User Language,Q1 - Group,"
    f"{NPS_QUESTION},{REASON},company",
    '"{""ImportId"":""startDate"",""timeZone"":""America/Denver""}","{""ImportId"":""endDate"",'
    '""timeZone"":""America/Denver""}","{""ImportId"":""status""}","{""ImportId"":""progress""}",'
    '"{""ImportId"":""duration""}","{""ImportId"":""finished""}","{""ImportId"":""recordedDate"",'
    '""timeZone"":""America/Denver""}","{""ImportId"":""_recordId""}",'
    '"{""ImportId"":""recipientEmail""}","{""ImportId"":""distributionChannel""}",'
    '"{""ImportId"":""userLanguage""}","{""ImportId"":""QID1_NPS_GROUP""}",'
    '"{""ImportId"":""QID1""}","{""ImportId"":""QID2_TEXT""}","{""ImportId"":""company""}"',
]
QA_ROWS = [
    "2026-04-17 06:23:04,2026-04-17 06:25:04,IP Address,100,95,True,2026-04-17 06:25:04,"
    "R_0a590029554e899,lotte.jansen@restaurantjordaan.nl,email,EN,Detractor,5,Waarom is ons "
    "abonnement zonder aankondiging duurder geworden? Dit kost ons echt omzet.,Restaurant Jordaan",
    "2026-11-03 20:08:00,2026-11-03 20:10:00,IP Address,100,95,True,2026-11-03 20:10:00,"
    "R_eae78e001f68ca6,sarah.nguyen@brambleanchor.co.uk,email,EN,Passive,7,\"Customers' stamp "
    "cards reset to zero after the migration to the new loyalty programme. Lightspeed has this "
    'feature built in, just saying.",Bramble Anchor',
    "2026-07-10 18:27:44,2026-07-10 18:29:44,IP Address,100,95,True,2026-07-10 18:29:44,"
    'R_874d4d5b31f90fe,dan.walsh@omalleyscafé.ie,email,EN,Detractor,3,"The invoice PDF is '
    "missing our company address, we need it for the books.\",O'Malley's Café",
    "2026-05-27 09:47:37,2026-05-27 09:49:37,IP Address,100,95,True,2026-05-27 09:49:37,"
    "R_434c62665d72b56,eva.smit@bistrozuid.nl,email,EN,Passive,7,,Bistro Zuid",
    # A preview the survey's author took: not a customer's words.
    "2026-04-01 09:00:00,2026-04-01 09:01:00,Survey Preview,100,60,True,2026-04-01 09:01:00,"
    "R_1preview0000000,,preview,EN,Detractor,0,testing the comment box,",
]


def qualtrics_csv(folder: Path, rows: list[str], header: list[str] = QA_HEADER) -> Path:
    path = folder / "qualtrics_nps.csv"
    path.write_bytes(("\r\n".join([*header, *rows]) + "\r\n").encode("utf-8"))
    return path


def test_the_qa_export_imports_with_its_score_comment_zone_and_respondents(
    ledgerly: Engine, tmp_path: Path
) -> None:
    report = run(ledgerly, SurveyImporter(), qualtrics_csv(tmp_path, QA_ROWS))

    assert (report.inserted, report.rejected) == (3, 0)
    assert report.deal_notes == (
        f"read as a Qualtrics export; comment: 'Q2' ({REASON}); score: 'Q1' ({NPS_QUESTION})",
        "skipped 1 response with no comment (a score alone is not evidence)",
        "skipped 1 preview, test or spam response",
    )
    stored = snapshot(ledgerly)
    people = {p.id: (p.email, p.role) for p in stored.people}
    accounts = {a.id: a.name for a in stored.accounts}
    outcome = [
        (
            item.external_id,
            item.created_at,
            item.rating,
            item.title,
            item.tags,
            people[item.person_id],
            accounts[item.account_id],
        )
        for item in stored.evidence
    ]
    end_user = PersonRole.END_USER
    # Recorded in America/Denver: MDT (UTC-6) until 1 November 2026, MST (UTC-7) after.
    assert outcome == [
        (
            "R_0a590029554e899",
            utc(2026, 4, 17, 12, 25, 4),
            5.0,
            REASON,
            ["detractor", "nps", "scale:0-10"],
            ("lotte.jansen@restaurantjordaan.nl", end_user),
            "Restaurant Jordaan",
        ),
        (
            "R_eae78e001f68ca6",
            utc(2026, 11, 4, 3, 10),
            7.0,
            REASON,
            ["nps", "passive", "scale:0-10"],
            ("sarah.nguyen@brambleanchor.co.uk", end_user),
            "Bramble Anchor",
        ),
        (
            "R_874d4d5b31f90fe",
            utc(2026, 7, 11, 0, 29, 44),
            3.0,
            REASON,
            ["detractor", "nps", "scale:0-10"],
            ("dan.walsh@omalleyscafé.ie", end_user),
            "O'Malley's Café",
        ),
    ]
    item = stored.item("R_eae78e001f68ca6")
    assert item.text.endswith("Lightspeed has this feature built in, just saying.")
    assert (item.kind, item.mode) == (EvidenceKind.SURVEY, EvidenceMode.STATED)
    # Every other column is kept, by its Qualtrics name, as the item's raw record.
    assert {k: item.raw[k] for k in ("Q1_NPS_GROUP", "DistributionChannel", "Finished")} == {
        "Q1_NPS_GROUP": "Passive",
        "DistributionChannel": "email",
        "Finished": "True",
    }
    assert "R_1preview0000000" not in {i.external_id for i in stored.evidence}


def test_a_reimport_updates_in_place_and_the_cli_imports_it(
    ledgerly: Engine,
    workspace_url: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    first = run_cli(
        capsys, "--db", workspace_url, "import", "survey", str(qualtrics_csv(tmp_path, QA_ROWS))
    )
    assert first.exit_code == 0, first.stderr
    assert "3 inserted" in first.stdout

    edited = QA_ROWS[0].replace("Dit kost ons echt omzet.", "Dit kost ons omzet.")
    answered = QA_ROWS[3].replace(",Passive,7,,", ",Passive,7,De kassa is traag.,")
    week2 = qualtrics_csv(tmp_path, [edited, *QA_ROWS[1:3], answered])
    report = run(ledgerly, SurveyImporter(), week2)

    assert (report.inserted, report.updated, report.unchanged) == (1, 1, 2)
    stored = snapshot(ledgerly)
    assert len(stored.evidence) == 4
    assert stored.item("R_0a590029554e899").text.endswith("Dit kost ons omzet.")
    assert stored.item("R_434c62665d72b56").text == "De kassa is traag."


#: A fuller export: recipients' names, two text-entry questions and an "other" text box,
#: scores written as numbers ("Use numeric values"), times in Europe/Berlin.
FULL_HEADER = [
    "StartDate,EndDate,Status,IPAddress,Progress,Duration (in seconds),Finished,RecordedDate,"
    "ResponseId,RecipientLastName,RecipientFirstName,RecipientEmail,ExternalReference,"
    "LocationLatitude,LocationLongitude,DistributionChannel,UserLanguage,nps_NPS_GROUP,nps,Q3,"
    "Q5_4_TEXT,Q4,plan",
    "Start Date,End Date,Response Type,IP Address,Progress,Duration (in seconds),Finished,"
    "Recorded Date,Response ID,Recipient Last Name,Recipient First Name,Recipient Email,"
    "External Data Reference,Location Latitude,Location Longitude,Distribution Channel,"
    "User Language,How likely are you to recommend Ledgerly? - Group,"
    "How likely are you to recommend Ledgerly?,What is the main reason for your score?,"
    "Which tool did you use before? - Other - Text,Anything else we should know?,plan",
    '"{""ImportId"":""startDate"",""timeZone"":""Europe/Berlin""}",'
    '"{""ImportId"":""endDate"",""timeZone"":""Europe/Berlin""}","{""ImportId"":""status""}",'
    '"{""ImportId"":""ipAddress""}","{""ImportId"":""progress""}","{""ImportId"":""duration""}",'
    '"{""ImportId"":""finished""}","{""ImportId"":""recordedDate"",""timeZone"":""Europe/Berlin""}",'
    '"{""ImportId"":""_recordId""}","{""ImportId"":""recipientLastName""}",'
    '"{""ImportId"":""recipientFirstName""}","{""ImportId"":""recipientEmail""}",'
    '"{""ImportId"":""externalDataReference""}","{""ImportId"":""locationLatitude""}",'
    '"{""ImportId"":""locationLongitude""}","{""ImportId"":""distributionChannel""}",'
    '"{""ImportId"":""userLanguage""}","{""ImportId"":""QID1_NPS_GROUP""}",'
    '"{""ImportId"":""QID1""}","{""ImportId"":""QID2_TEXT""}","{""ImportId"":""QID5_4_TEXT""}",'
    '"{""ImportId"":""QID4_TEXT""}","{""ImportId"":""plan""}"',
]
FULL_ROWS = [
    "2026-03-02 09:58:00,2026-03-02 10:01:12,0,203.0.113.9,100,192,1,2026-03-02 10:01:13,"
    "R_2VQmXk1cG8sWb3A,Weiß,Jürgen,jurgen.weiss@brandt-sohne.example,CUST-0042,52.52,13.40,email,"
    'DE,1,4,"Die Freigaben hängen, seit dem Update.",Excel,"=HYPERLINK(""http://x"",""click"")",'
    "Scale",
    "2026-03-03 14:00:00,2026-03-03 14:02:00,0,198.51.100.7,100,120,1,2026-03-03 14:02:05,"
    "R_3kLpQ9zYw2Tn7Bd,O'Brien,Zoë,zoe.obrien@quayside-coffee.example,,,,email,EN,3,10,,,"
    "<script>alert(1)</script> Love the approvals,Growth",
]


def test_two_comments_are_joined_and_names_and_zone_come_from_the_header_rows(
    ledgerly: Engine, tmp_path: Path
) -> None:
    report = run(ledgerly, SurveyImporter(), qualtrics_csv(tmp_path, FULL_ROWS, FULL_HEADER))

    assert (report.inserted, report.rejected) == (2, 0)
    assert report.deal_notes[0] == (
        "read as a Qualtrics export; comment: 'Q3' (What is the main reason for your score?), "
        "'Q4' (Anything else we should know?); score: 'nps' (How likely are you to recommend "
        "Ledgerly?)"
    )
    stored = snapshot(ledgerly)
    jurgen, zoe = stored.item("R_2VQmXk1cG8sWb3A"), stored.item("R_3kLpQ9zYw2Tn7Bd")
    # Both comments, a blank line apart; the "other" text box ("Excel") is not a comment.
    assert jurgen.text == (
        'Die Freigaben hängen, seit dem Update.\n\n=HYPERLINK("http://x","click")'
    )
    assert jurgen.title is None
    assert (jurgen.rating, jurgen.created_at) == (4.0, utc(2026, 3, 2, 9, 1, 13))
    person = stored.person(jurgen.person_id)
    assert (person.name, person.email) == ("Jürgen Weiß", "jurgen.weiss@brandt-sohne.example")
    assert jurgen.raw["ExternalReference"] == "CUST-0042"
    assert jurgen.raw["Q5_4_TEXT"] == "Excel"
    # One comment answered: its question is the title.
    assert (zoe.text, zoe.title) == (
        "<script>alert(1)</script> Love the approvals",
        "Anything else we should know?",
    )
    assert zoe.tags == ["nps", "promoter", "scale:0-10"]
    assert stored.person(zoe.person_id).name == "Zoë O'Brien"


def test_the_comment_can_be_named_by_its_question_text(ledgerly: Engine, tmp_path: Path) -> None:
    path = qualtrics_csv(tmp_path, FULL_ROWS, FULL_HEADER)

    run(ledgerly, SurveyImporter(), path, columns={"text": "Anything else we should know?"})

    stored = snapshot(ledgerly)
    assert [i.external_id for i in stored.evidence] == ["R_2VQmXk1cG8sWb3A", "R_3kLpQ9zYw2Tn7Bd"]
    assert stored.item("R_2VQmXk1cG8sWb3A").text == '=HYPERLINK("http://x","click")'


def test_two_nps_questions_stop_the_import_until_the_score_is_named(
    ledgerly: Engine, tmp_path: Path
) -> None:
    header = [
        QA_HEADER[0] + ",Q7_NPS_GROUP,Q7",
        QA_HEADER[1] + ",Q7 - Group,How likely are you to recommend our support team?",
        QA_HEADER[2] + ',"{""ImportId"":""QID7_NPS_GROUP""}","{""ImportId"":""QID7""}"',
    ]
    path = qualtrics_csv(tmp_path, [QA_ROWS[0] + ",Promoter,9"], header)
    with pytest.raises(InputError) as caught:
        run(ledgerly, SurveyImporter(), path)
    assert caught.value.line == 1
    assert "2 Net Promoter Score questions: name the score with --map rating=COLUMN" in str(
        caught.value
    )
    assert "'Q7' (How likely are you to recommend our support team?)" in str(caught.value)
    assert snapshot(ledgerly).counts == (0, 0, 0, 0)

    run(ledgerly, SurveyImporter(), path, columns={"rating": "Q7"})
    assert [i.rating for i in snapshot(ledgerly).evidence] == [9.0]


def test_a_bad_score_or_zone_names_its_line_and_column_and_nothing_is_written(
    ledgerly: Engine, tmp_path: Path
) -> None:
    bad_score = QA_ROWS[1].replace(",Passive,7,", ",Passive,11,")
    with pytest.raises(InputError) as caught:
        run(ledgerly, SurveyImporter(), qualtrics_csv(tmp_path, [QA_ROWS[0], bad_score]))
    assert (caught.value.line, caught.value.column) == (5, "Q1")
    assert "the score 11 is outside the nps scale 0-10" in str(caught.value)

    zone = [*QA_HEADER[:2], QA_HEADER[2].replace("America/Denver", "Mountain Time")]
    with pytest.raises(InputError) as caught:
        run(ledgerly, SurveyImporter(), qualtrics_csv(tmp_path, QA_ROWS, zone))
    assert (caught.value.line, caught.value.column) == (3, "RecordedDate")
    assert "'Mountain Time' is not one this machine knows" in str(caught.value)
    assert snapshot(ledgerly).counts == (0, 0, 0, 0)


def test_without_its_importid_row_the_comment_must_be_named(
    ledgerly: Engine, workspace_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = qualtrics_csv(tmp_path, QA_ROWS, QA_HEADER[:2])

    refused = run_cli(capsys, "--db", workspace_url, "import", "survey", str(path))

    assert refused.exit_code == 2
    assert "Traceback" not in refused.stderr
    message = " ".join(refused.stderr.split())
    assert "has no ImportId row (its third header row)" in message
    assert f"'Q2' ({REASON})" in message
    assert snapshot(ledgerly).counts == (0, 0, 0, 0)

    done = run_cli(capsys, "--db", workspace_url, "import", "survey", str(path), "--map", "text=Q2")
    assert done.exit_code == 0, done.stderr
    # Without the ImportId row's zone, times are read as UTC (or --timezone).
    assert snapshot(ledgerly).item("R_0a590029554e899").created_at == utc(2026, 4, 17, 6, 25, 4)
