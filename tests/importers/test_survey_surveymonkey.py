"""SurveyMonkey survey exports (two header rows), read back from the database.

The export is *All individual responses* as CSV with actual answer text: SurveyMonkey's own
columns, then each question over its first column, and under it what the column holds
("Response", "Open-Ended Response", or an answer option).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.importers.exports import snapshot, utc
from tradeoff.domain.enums import EvidenceKind, EvidenceMode, PersonRole
from tradeoff.errors import InputError
from tradeoff.importers.registry import run
from tradeoff.importers.surveys import SurveyImporter

NPS = "How likely is it that you would recommend Ledgerly to a friend or colleague?"
REASON = "What is the main reason for your score?"
HEADER = [
    "Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,"
    f"Last Name,Custom Data 1,{NPS},{REASON},Which features do you use?,,,"
    "How did you hear about us?,",
    ",,,,,,,,,Response,Open-Ended Response,Invoicing,Approvals,Other (please specify),"
    "Response,Other (please specify)",
]
#: An email collector's response; a web link's (no email) with a score and no comment; a
#: comment over two lines; a formula. UTF-8 with a BOM and CRLF, as SurveyMonkey writes.
ROWS = [
    "118052219061,446111201,11/03/2025 04:12:40 PM,11/03/2025 04:15:02 PM,203.0.113.41,"
    "chloe.patel@prairie-wind.example,Chloe,Patel,Prairie Wind Logistics Inc.,8,"
    '"Card delivery was slow, and nobody told us why.",Invoicing,Approvals,,Search engine,',
    "118052305512,446111202,11/03/2025 05:01:10 PM,11/03/2025 05:01:55 PM,198.51.100.3,,,,,"
    "10,,Invoicing,,,Search engine,",
    "118052377890,446111201,11/04/2025 09:14:02 AM,11/04/2025 09:20:31 AM,192.0.2.77,"
    "isla.walker@thistle-cleaning.example,Isla,Walker,Thistle Cleaning Services Ltd,3,"
    '"Great app.\nBut the ""instant"" card took 9 days to arrive.",,Approvals,'
    "Receipts from email,,A podcast",
    "118052401234,446111201,11/05/2025 11:30:00 AM,11/05/2025 11:31:45 AM,192.0.2.80,"
    "omar@globex.example,Omar,Haddad,Globex,0,\"=cmd|' /C calc'!A0\",,,,Colleague,",
]


def surveymonkey_csv(folder: Path, rows: list[str], header: list[str] = HEADER) -> Path:
    path = folder / "Ledgerly NPS Q4.csv"
    path.write_bytes(("\r\n".join([*header, *rows]) + "\r\n").encode("utf-8-sig"))
    return path


def test_a_surveymonkey_export_becomes_survey_evidence(ledgerly: Engine, tmp_path: Path) -> None:
    report = run(ledgerly, SurveyImporter(), surveymonkey_csv(tmp_path, ROWS))

    assert (report.inserted, report.rejected) == (3, 0)
    assert report.deal_notes == (
        f"read as a SurveyMonkey export; comment: '{REASON}'; score: '{NPS}'",
        "skipped 1 response with no comment (a score alone is not evidence)",
    )
    stored = snapshot(ledgerly)
    people = {p.id: (p.name, p.email, p.role) for p in stored.people}
    outcome = [
        (item.external_id, item.created_at, item.rating, item.title, item.text, item.tags)
        for item in stored.evidence
    ]
    assert outcome == [
        (
            "118052219061",
            utc(2025, 11, 3, 16, 15, 2),
            8.0,
            REASON,
            "Card delivery was slow, and nobody told us why.",
            ["nps", "passive", "scale:0-10"],
        ),
        (
            "118052377890",
            utc(2025, 11, 4, 9, 20, 31),
            3.0,
            REASON,
            'Great app.\nBut the "instant" card took 9 days to arrive.',
            ["detractor", "nps", "scale:0-10"],
        ),
        (
            "118052401234",
            utc(2025, 11, 5, 11, 31, 45),
            0.0,
            REASON,
            "=cmd|' /C calc'!A0",
            ["detractor", "nps", "scale:0-10"],
        ),
    ]
    assert [people[i.person_id] for i in stored.evidence] == [
        ("Chloe Patel", "chloe.patel@prairie-wind.example", PersonRole.END_USER),
        ("Isla Walker", "isla.walker@thistle-cleaning.example", PersonRole.END_USER),
        ("Omar Haddad", "omar@globex.example", PersonRole.END_USER),
    ]
    assert {(i.kind, i.mode) for i in stored.evidence} == {
        (EvidenceKind.SURVEY, EvidenceMode.STATED)
    }
    # Every column is kept, an answer option's under "Question - Option".
    isla = stored.item("118052377890")
    assert {k: isla.raw[k] for k in isla.raw if k.startswith(("Which", "How did"))} == {
        "Which features do you use? - Invoicing": "",
        "Which features do you use? - Approvals": "Approvals",
        "Which features do you use? - Other (please specify)": "Receipts from email",
        "How did you hear about us?": "",
        "How did you hear about us? - Other (please specify)": "A podcast",
    }
    assert (isla.raw["Collector ID"], isla.raw["Custom Data 1"]) == (
        "446111201",
        "Thistle Cleaning Services Ltd",
    )


def test_the_account_zone_and_a_reimport(ledgerly: Engine, tmp_path: Path) -> None:
    path = surveymonkey_csv(tmp_path, ROWS)
    options = {"timezone": "America/New_York"}
    columns = {"account": "Custom Data 1"}

    run(ledgerly, SurveyImporter(), path, columns=columns, options=options)
    again = run(ledgerly, SurveyImporter(), path, columns=columns, options=options)

    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 3)
    stored = snapshot(ledgerly)
    chloe = stored.item("118052219061")
    # 4:15 PM in New York on 3 November 2025 (EST, UTC-5).
    assert chloe.created_at == utc(2025, 11, 3, 21, 15, 2)
    assert stored.account(chloe.account_id).name == "Prairie Wind Logistics Inc."


def test_two_numeric_questions_stop_the_import_until_the_score_is_named(
    ledgerly: Engine, tmp_path: Path
) -> None:
    satisfied = "How satisfied are you with our support?"
    header = [HEADER[0] + f",{satisfied}", HEADER[1] + ",Response"]
    rows = [ROWS[0] + ",4", ROWS[2] + ",2"]
    path = surveymonkey_csv(tmp_path, rows, header)
    with pytest.raises(InputError) as caught:
        run(ledgerly, SurveyImporter(), path)
    assert caught.value.line == 1
    assert "2 questions answered with numbers from 0 to 10: name the score with --map" in str(
        caught.value
    )
    assert f"'{NPS}', '{satisfied}'" in str(caught.value)
    assert snapshot(ledgerly).counts == (0, 0, 0, 0)

    run(
        ledgerly,
        SurveyImporter(),
        path,
        columns={"rating": satisfied},
        options={"survey-type": "csat"},
    )
    stored = snapshot(ledgerly)
    assert [(i.rating, i.tags) for i in stored.evidence] == [
        (4.0, ["csat", "scale:1-5"]),
        (2.0, ["csat", "scale:1-5"]),
    ]


def test_a_day_first_date_names_its_line_and_column_and_nothing_is_written(
    ledgerly: Engine, tmp_path: Path
) -> None:
    day_first = [r.replace("11/04/2025", "13/11/2025") for r in ROWS]
    path = surveymonkey_csv(tmp_path, day_first)
    with pytest.raises(InputError) as caught:
        run(ledgerly, SurveyImporter(), path)
    # The response on line 5 ends on line 6; the file's first two lines are its header.
    assert (caught.value.line, caught.value.column) == (5, "End Date")
    assert "use --dates dmy" in str(caught.value)
    assert snapshot(ledgerly).counts == (0, 0, 0, 0)


def test_an_export_without_open_ended_questions_asks_for_the_comment(
    ledgerly: Engine, tmp_path: Path
) -> None:
    header = [HEADER[0], HEADER[1].replace("Open-Ended Response", "Response")]
    path = surveymonkey_csv(tmp_path, ROWS, header)
    with pytest.raises(InputError) as caught:
        run(ledgerly, SurveyImporter(), path)
    assert caught.value.line == 1
    assert "has no open-ended question: name the comment with --map text=COLUMN" in str(
        caught.value
    )
    assert snapshot(ledgerly).counts == (0, 0, 0, 0)
