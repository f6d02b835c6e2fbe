"""NPS / CSAT surveys: Delighted-style and Typeform CSV exports, read back from the database."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.importers.exports import snapshot, utc
from tradeoff.domain.enums import EvidenceKind, EvidenceMode, PersonRole
from tradeoff.errors import InputError
from tradeoff.importers.registry import run
from tradeoff.importers.surveys import SurveyImporter

DELIGHTED_HEADER = (
    "Response ID,Person ID,Name,Email,Score,Comment,Created At (UTC),Updated At (UTC),"
    "Survey Type,Tags,Notes,Permalink,Company,Plan,Segment,Country,Delighted Source"
)
R = "https://app.delighted.com/r/"
#: As the demo writes it: UTF-8 with a BOM, CRLF record ends, LF inside a quoted comment.
#: Line 3 has no comment (not evidence); the comment on line 4 runs onto line 5.
DELIGHTED_ROWS = [
    "48213781,9100000,Chloe Patel,chloe.patel@prairie-wind.example,8,Card delivery was slow.,"
    f"2025-11-02 07:36:39,2025-11-02 07:36:39,nps,synthetic-demo,,{R}fBg4LJa2,"
    "Prairie Wind Logistics Inc.,Scale,Mid-Market,United States,web",
    "48213924,9100017,Isla Walker,isla.walker@thistle-cleaning.example,9,,2025-11-03 12:07:04,"
    f"2025-11-03 12:07:04,nps,synthetic-demo,,{R}9w7tDFTh,Thistle Cleaning Services Ltd,Growth,"
    "Mid-Market,United Kingdom,email",
    "48214001,9100020,Zoë O'Brien,zoe.obrien@quayside-coffee.example,3,\"Great app.\nBut the "
    '""instant"" card took 9 days to arrive.",1762243200,1762243200,nps,synthetic-demo,'
    f"Called her back,{R}AbN2VPUR,Quayside Coffee Roasters Ltd,Growth,SMB,UK,email",
    "48214019,9100051,Jürgen Weiß,jurgen.weiss@brandt-sohne.example,10,"
    '"+1 for the app, the approvals feature is great",2025-11-05 07:06:26,2025-11-05 07:06:26,'
    f'nps,synthetic-demo,,{R}7KvJijFh,"Brandt & Söhne Metallbau GmbH",Scale,Mid-Market,'
    "Germany,web",
    "48214071,9100068,Keira Green,keira.green@gmail.com,4,<script>alert(1)</script>,"
    "2025-11-08 08:34:58,2025-11-08 08:34:58,nps,synthetic-demo,,javascript:alert(1),,"
    "Self-serve,Self-serve,United Kingdom,email",
    "48214099,9100085,Omar Haddad,omar@globex.example,2,"
    '"=HYPERLINK(""http://x"",""click"")",2025-11-09 10:00:00,2025-11-09 10:00:00,csat,'
    f'"billing, synthetic-demo",,{R}958juZdC,Globex,Starter,SMB,United States,email',
]


def delighted_csv(folder: Path, rows: list[str], name: str = "nps.csv") -> Path:
    path = folder / name
    path.write_bytes(("\r\n".join([DELIGHTED_HEADER, *rows]) + "\r\n").encode("utf-8-sig"))
    return path


TYPEFORM_CSV = (
    "#,How likely are you to recommend Ledgerly to a friend or colleague?,"
    "What is the main reason for your score?,email,name,company,Response Type,"
    "Start Date (UTC),Stage Date (UTC),Submit Date (UTC),Network ID,Tags\n"
    'odwdp4nzj1xg6m9l36odwdp4nzlv2gcw,9,"Approvals, finally.",lucia.serrano@olivares.example,'
    "Lucía Serrano,Olivares Distribución S.L.,completed,2026-03-04 10:20:01,,"
    "2026-03-04 10:22:31,653e97acae,\n"
    "x3k2b9q7m1c8v5n4x3k2b9q7m1c8v5n4,2,,,,,completed,2026-03-05 09:00:00,,"
    "2026-03-05 09:01:10,1a2b3c4d5e,\n"
)
TYPEFORM_MAP = {
    "text": "What is the main reason for your score?",
    "rating": "How likely are you to recommend Ledgerly to a friend or colleague?",
}


def test_a_delighted_export_becomes_survey_evidence_from_end_users(
    ledgerly: Engine, tmp_path: Path
) -> None:
    report = run(ledgerly, SurveyImporter(), delighted_csv(tmp_path, DELIGHTED_ROWS))

    assert (report.inserted, report.rejected, report.encoding) == (5, 0, "utf-8-sig")
    stored = snapshot(ledgerly)
    accounts = {a.id: a.name for a in stored.accounts}
    people = {p.id: (p.name, p.email, p.role, accounts.get(p.account_id)) for p in stored.people}
    outcome = [
        (
            item.external_id,
            item.created_at,
            item.rating,
            item.text,
            people[item.person_id],
            item.relayed_by_id,
            item.tags,
            item.url,
        )
        for item in stored.evidence
    ]
    assert outcome == [
        (
            "48213781",
            utc(2025, 11, 2, 7, 36, 39),
            8.0,
            "Card delivery was slow.",
            (
                "Chloe Patel",
                "chloe.patel@prairie-wind.example",
                PersonRole.END_USER,
                "Prairie Wind Logistics Inc.",
            ),
            None,
            ["nps", "passive", "scale:0-10", "synthetic-demo"],
            f"{R}fBg4LJa2",
        ),
        (
            "48214001",
            utc(2025, 11, 4, 8),
            3.0,
            'Great app.\nBut the "instant" card took 9 days to arrive.',
            (
                "Zoë O'Brien",
                "zoe.obrien@quayside-coffee.example",
                PersonRole.END_USER,
                "Quayside Coffee Roasters Ltd",
            ),
            None,
            ["detractor", "nps", "scale:0-10", "synthetic-demo"],
            f"{R}AbN2VPUR",
        ),
        (
            "48214019",
            utc(2025, 11, 5, 7, 6, 26),
            10.0,
            "+1 for the app, the approvals feature is great",
            (
                "Jürgen Weiß",
                "jurgen.weiss@brandt-sohne.example",
                PersonRole.END_USER,
                "Brandt & Söhne Metallbau GmbH",
            ),
            None,
            ["nps", "promoter", "scale:0-10", "synthetic-demo"],
            f"{R}7KvJijFh",
        ),
        (
            "48214071",
            utc(2025, 11, 8, 8, 34, 58),
            4.0,
            "<script>alert(1)</script>",
            ("Keira Green", "keira.green@gmail.com", PersonRole.END_USER, None),
            None,
            ["detractor", "nps", "scale:0-10", "synthetic-demo"],
            None,
        ),
        (
            "48214099",
            utc(2025, 11, 9, 10),
            2.0,
            '=HYPERLINK("http://x","click")',
            ("Omar Haddad", "omar@globex.example", PersonRole.END_USER, "Globex"),
            None,
            ["billing", "csat", "scale:1-5", "synthetic-demo"],
            f"{R}958juZdC",
        ),
    ]
    assert {i.kind for i in stored.evidence} == {EvidenceKind.SURVEY}
    assert {i.mode for i in stored.evidence} == {EvidenceMode.STATED}
    # The response with no comment carries no words: nothing of it is stored.
    assert "48213924" not in {i.external_id for i in stored.evidence}
    assert "isla.walker@thistle-cleaning.example" not in {p.email for p in stored.people}
    zoe = stored.item("48214001")
    assert zoe.raw["Notes"] == "Called her back"
    assert [zoe.raw[k] for k in ("Plan", "Segment", "Country")] == ["Growth", "SMB", "UK"]


def test_a_typeform_export_needs_its_questions_named(ledgerly: Engine, tmp_path: Path) -> None:
    path = tmp_path / "responses.csv"
    path.write_text(TYPEFORM_CSV, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        run(ledgerly, SurveyImporter(), path)
    assert caught.value.line == 1
    assert "--map text=COLUMN" in str(caught.value)
    assert "'What is the main reason for your score?'" in str(caught.value)
    assert snapshot(ledgerly).counts == (0, 0, 0, 0)

    report = run(ledgerly, SurveyImporter(), path, columns=TYPEFORM_MAP)

    assert (report.inserted, report.rejected) == (1, 0)
    (item,) = snapshot(ledgerly).evidence
    stored = snapshot(ledgerly)
    assert (item.external_id, item.title, item.text, item.rating, item.created_at) == (
        "odwdp4nzj1xg6m9l36odwdp4nzlv2gcw",
        "What is the main reason for your score?",
        "Approvals, finally.",
        9.0,
        utc(2026, 3, 4, 10, 22, 31),
    )
    assert item.tags == ["nps", "promoter", "scale:0-10"]
    assert stored.person(item.person_id).email == "lucia.serrano@olivares.example"
    assert stored.account(item.account_id).name == "Olivares Distribución S.L."


def test_survey_type_sets_the_scale_of_a_file_without_one(ledgerly: Engine, tmp_path: Path) -> None:
    path = tmp_path / "responses.csv"
    path.write_text(TYPEFORM_CSV, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        run(ledgerly, SurveyImporter(), path, columns=TYPEFORM_MAP, options={"survey-type": "csat"})
    assert (caught.value.line, caught.value.column) == (2, TYPEFORM_MAP["rating"])
    assert "the score 9 is outside the csat scale 1-5" in str(caught.value)
    assert snapshot(ledgerly).counts == (0, 0, 0, 0)

    run(ledgerly, SurveyImporter(), path, columns=TYPEFORM_MAP, options={"survey-type": "enps"})
    (item,) = snapshot(ledgerly).evidence
    assert item.tags == ["enps", "promoter", "scale:0-10"]


def test_reimport_changes_nothing_and_an_overlapping_export_updates_in_place(
    ledgerly: Engine, tmp_path: Path
) -> None:
    week1 = delighted_csv(tmp_path, DELIGHTED_ROWS)
    run(ledgerly, SurveyImporter(), week1)
    again = run(ledgerly, SurveyImporter(), week1)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 5)
    # The same file read through an explicit (identical) mapping runs the import again.
    explicit = run(ledgerly, SurveyImporter(), week1, columns={"text": "Comment"})
    assert (explicit.inserted, explicit.updated, explicit.unchanged) == (0, 0, 5)

    edited = DELIGHTED_ROWS[0].replace("Card delivery was slow.", "Card delivery was SLOW.")
    new = DELIGHTED_ROWS[1].replace("48213924", "48213999").replace(",9,,", ",9,Love it,")
    report = run(
        ledgerly,
        SurveyImporter(),
        delighted_csv(tmp_path, [edited, new, *DELIGHTED_ROWS[2:]], "w2.csv"),
    )

    assert (report.inserted, report.updated, report.unchanged) == (1, 1, 4)
    stored = snapshot(ledgerly)
    assert len(stored.evidence) == 6
    assert stored.item("48213781").text == "Card delivery was SLOW."
    assert stored.item("48213999").text == "Love it"
    assert len({p.email for p in stored.people}) == len(stored.people) == 6


def test_a_file_without_the_comment_column_is_refused_and_nothing_written(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "nps.csv"
    path.write_text(DELIGHTED_HEADER.replace("Comment", "Feedback") + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        run(ledgerly, SurveyImporter(), path)
    assert (caught.value.path, caught.value.line, caught.value.column) == (str(path), 1, "Comment")
    assert snapshot(ledgerly).counts == (0, 0, 0, 0)


def test_a_broken_quote_names_its_line_and_nothing_is_written(
    ledgerly: Engine, tmp_path: Path
) -> None:
    broken = DELIGHTED_ROWS[3].replace('"+1 for', '"+1 "for')
    path = delighted_csv(tmp_path, [DELIGHTED_ROWS[0], broken])
    with pytest.raises(InputError) as caught:
        run(ledgerly, SurveyImporter(), path)
    assert (caught.value.path, caught.value.line) == (str(path), 3)
    assert snapshot(ledgerly).counts == (0, 0, 0, 0)


def test_unknown_fields_and_survey_types_are_refused(ledgerly: Engine, tmp_path: Path) -> None:
    path = delighted_csv(tmp_path, DELIGHTED_ROWS)
    with pytest.raises(InputError, match="no field 'txt'"):
        run(ledgerly, SurveyImporter(), path, columns={"txt": "Comment"})
    with pytest.raises(InputError, match="--survey-type must be one of"):
        run(ledgerly, SurveyImporter(), path, options={"survey-type": "stars"})
    assert snapshot(ledgerly).counts == (0, 0, 0, 0)


def test_a_bad_score_stops_the_import_or_is_rejected_with_skip(
    ledgerly: Engine, tmp_path: Path
) -> None:
    bad = DELIGHTED_ROWS[3].replace(",10,", ",11,")
    path = delighted_csv(tmp_path, [DELIGHTED_ROWS[0], bad, DELIGHTED_ROWS[4]])
    with pytest.raises(InputError) as caught:
        run(ledgerly, SurveyImporter(), path)
    assert (caught.value.line, caught.value.column) == (3, "Score")
    assert "the score 11 is outside the nps scale 0-10" in str(caught.value)
    assert snapshot(ledgerly).counts == (0, 0, 0, 0)

    report = run(ledgerly, SurveyImporter(), path, skip_bad_rows=True)

    assert (report.inserted, report.rejected) == (2, 1)
    assert [i.external_id for i in snapshot(ledgerly).evidence] == ["48213781", "48214071"]
    assert report.rejects_file is not None
    with report.rejects_file.open(encoding="utf-8", newline="") as handle:
        (header, reject) = list(csv.reader(handle))
    assert header == ["line", "json_path", "column", "reason", "record"]
    assert reject[:4] == ["3", "", "Score", "the score 11 is outside the nps scale 0-10"]
    assert "48214019" in reject[4]
