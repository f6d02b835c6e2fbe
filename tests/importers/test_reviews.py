"""App-store reviews: App Store Connect (CSV and API JSON) and Google Play's UTF-16 report."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from tests.importers.exports import snapshot, utc
from tradeoff.domain.enums import EvidenceKind, EvidenceMode, PersonRole
from tradeoff.errors import InputError
from tradeoff.importers.registry import run
from tradeoff.importers.reviews import ReviewsImporter

APP_STORE_CSV = """\
id,rating,title,body,reviewerNickname,createdDate,territory,appVersion
11904436805,2,Card took forever,"Had to order a replacement.
The tracking just says ""dispatched"" for ten days.",SmallBizSam,2025-10-01T18:55:28-07:00,GBR,3.8.0
11904509221,1,"=HYPERLINK(""x"")",<script>alert(1)</script>,Zoë,2025-10-02T02:54:16-07:00,USA,4.0.0
11904524283,5,Überweisungen top,,Jürgen,2026-03-04T02:22:31-08:00,DEU,
"""

PLAY_HEADER = (
    "Package Name,App Version Code,App Version Name,Reviewer Language,Device,"
    "Review Submit Date and Time,Review Submit Millis Since Epoch,"
    "Review Last Update Date and Time,Review Last Update Millis Since Epoch,Star Rating,"
    "Review Title,Review Text,Developer Reply Date and Time,"
    "Developer Reply Millis Since Epoch,Developer Reply Text,Review Link"
)
LEGACY_LINK = (
    "https://play.google.com/apps/publish?account=7083182635971239206"
    "#ReviewDetailsPlace:p=com.ledgerly.app&reviewid=gp:AOqpTOF0Hj5dChzt"
)
CONSOLE_LINK = (
    "https://play.google.com/console/developers/5551234/app/4972/user-feedback/review-details"
    "?reviewId=b7f3a2c1-9d1e-4c55-8f00-123456789abc&corpus=PUBLIC_REVIEWS"
)
#: Line 2-3: multi-line text with our reply; 4: hostile text; 5: a bare star rating (no
#: words, skipped); 6: a title without text and without a link.
PLAY_ROWS = {
    "edited": (
        "com.ledgerly.app,4120,4.12.0,de,a52q,2026-04-08T07:45:12Z,1775634312123,"
        '2026-04-09T08:00:00Z,1775721600000,1,,"Überweisung hängt seit dem Update.\n'
        'Seit 3 Tagen ""ausstehend"".",2026-04-09T10:00:00Z,1775728800000,'
        f'"Sorry! Please write to support@ledgerly.example",{LEGACY_LINK}'
    ),
    "hostile": (
        "com.ledgerly.app,4120,4.12.0,en,OnePlus7,2026-04-11T19:03:00Z,1775934180000,"
        "2026-04-11T19:03:00Z,1775934180000,5,Love it,"
        f'"<script>alert(1)</script> =HYPERLINK(""x"") works",,,,{CONSOLE_LINK}'
    ),
    "stars only": (
        "com.ledgerly.app,4110,4.11.0,fr,dream2lte,2026-04-12T06:30:45Z,1775975445000,"
        "2026-04-12T06:30:45Z,1775975445000,4,,,,,,"
    ),
    "title only": (
        "com.ledgerly.app,,,nl,,2026-04-13T12:00:00Z,1776081600000,2026-04-13T12:00:00Z,"
        "1776081600000,3,Prima app maar traag,,,,,"
    ),
}


def play_report(
    folder: Path, rows: list[str], name: str = "reviews_com.ledgerly.app_202604.csv"
) -> Path:
    """The report as Google writes it: UTF-16 with a byte-order mark."""
    path = folder / name
    path.write_bytes(("\n".join([PLAY_HEADER, *rows]) + "\n").encode("utf-16"))
    return path


def api_review(review_id: str, **attributes: Any) -> dict[str, Any]:
    """One review as ``GET /v1/apps/{id}/customerReviews`` returns it."""
    base = "https://api.appstoreconnect.apple.com/v1/customerReviews/" + review_id
    return {
        "type": "customerReviews",
        "id": review_id,
        "attributes": {
            "rating": 5,
            "title": "Awesome!!!",
            "body": "It's a really fantastic app!",
            "reviewerNickname": "Anne Johnson",
            "createdDate": "2017-11-15T08:10:34-08:00",
            "territory": "USA",
            **attributes,
        },
        "relationships": {
            "response": {
                "links": {"self": base + "/relationships/response", "related": base + "/response"}
            }
        },
        "links": {"self": base},
    }


def api_page(folder: Path, reviews: list[dict[str, Any]]) -> Path:
    path = folder / "customerReviews.json"
    page = {
        "data": reviews,
        "links": {
            "self": "https://api.appstoreconnect.apple.com/v1/apps/682658836/customerReviews"
        },
        "meta": {"paging": {"total": len(reviews), "limit": 50}},
    }
    path.write_text(json.dumps(page, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def outcome(engine: Engine) -> list[tuple[Any, ...]]:
    stored = snapshot(engine)
    people = {p.id: (p.name, p.role, p.account_id) for p in stored.people}
    return [
        (
            i.external_id,
            i.created_at,
            i.rating,
            i.title,
            i.text,
            people.get(i.person_id),
            i.account_id,
            i.tags,
            i.url,
        )
        for i in stored.evidence
    ]


def test_an_app_store_csv_becomes_anonymous_observed_reviews(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "app-store.csv"
    path.write_text(APP_STORE_CSV, encoding="utf-8")

    report = run(ledgerly, ReviewsImporter(), path)

    assert (report.inserted, report.rejected) == (3, 0)
    assert outcome(ledgerly) == [
        (
            "11904436805",
            utc(2025, 10, 2, 1, 55, 28),
            2.0,
            "Card took forever",
            'Had to order a replacement.\nThe tracking just says "dispatched" for ten days.',
            ("SmallBizSam", PersonRole.END_USER, None),
            None,
            ["app_store", "territory:GBR", "version:3.8.0"],
            None,
        ),
        (
            "11904509221",
            utc(2025, 10, 2, 9, 54, 16),
            1.0,
            '=HYPERLINK("x")',
            "<script>alert(1)</script>",
            ("Zoë", PersonRole.END_USER, None),
            None,
            ["app_store", "territory:USA", "version:4.0.0"],
            None,
        ),
        (
            "11904524283",
            utc(2026, 3, 4, 10, 22, 31),
            5.0,
            None,
            "Überweisungen top",
            ("Jürgen", PersonRole.END_USER, None),
            None,
            ["app_store", "territory:DEU"],
            None,
        ),
    ]
    stored = snapshot(ledgerly)
    assert {(i.kind, i.mode, i.relayed_by_id) for i in stored.evidence} == {
        (EvidenceKind.REVIEW, EvidenceMode.OBSERVED, None)
    }
    assert stored.accounts == []
    assert stored.item("11904436805").raw["appVersion"] == "3.8.0"


def test_the_app_store_connect_api_json_reads_the_same(ledgerly: Engine, tmp_path: Path) -> None:
    path = api_page(tmp_path, [api_review("00000028-b08c-0014-729e-fbd500000000")])
    report = run(ledgerly, ReviewsImporter(), path)
    assert report.inserted == 1
    assert outcome(ledgerly) == [
        (
            "00000028-b08c-0014-729e-fbd500000000",
            utc(2017, 11, 15, 16, 10, 34),
            5.0,
            "Awesome!!!",
            "It's a really fantastic app!",
            ("Anne Johnson", PersonRole.END_USER, None),
            None,
            ["app_store", "territory:USA"],
            None,
        )
    ]
    assert snapshot(ledgerly).evidence[0].raw["relationships"]["response"]["links"]


def test_a_google_play_report_in_utf16_keys_reviews_by_their_review_id(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = play_report(tmp_path, list(PLAY_ROWS.values()))

    report = run(ledgerly, ReviewsImporter(), path)

    assert (report.inserted, report.rejected, report.encoding) == (3, 0, "utf-16")
    edited, hostile, title_only = outcome(ledgerly)
    assert edited == (
        "gp:AOqpTOF0Hj5dChzt",
        utc(2026, 4, 8, 7, 45, 12, 123000),
        1.0,
        None,
        'Überweisung hängt seit dem Update.\nSeit 3 Tagen "ausstehend".',
        None,
        None,
        ["developer-replied", "google_play", "language:de", "version:4.12.0"],
        LEGACY_LINK,
    )
    assert hostile == (
        "b7f3a2c1-9d1e-4c55-8f00-123456789abc",
        utc(2026, 4, 11, 19, 3),
        5.0,
        "Love it",
        '<script>alert(1)</script> =HYPERLINK("x") works',
        None,
        None,
        ["google_play", "language:en", "version:4.12.0"],
        CONSOLE_LINK,
    )
    assert title_only[1:] == (
        utc(2026, 4, 13, 12),
        3.0,
        None,
        "Prima app maar traag",
        None,
        None,
        ["google_play", "language:nl"],
        None,
    )
    assert title_only[0].startswith("sha256:")
    stored = snapshot(ledgerly)
    # Our reply is ours: kept with the record, never part of what the reviewer said.
    first = stored.item("gp:AOqpTOF0Hj5dChzt")
    assert "Sorry" not in first.text
    assert first.raw["Developer Reply Text"] == "Sorry! Please write to support@ledgerly.example"
    assert stored.people == []
    assert stored.accounts == []


def test_reimport_changes_nothing_and_an_edited_review_updates_in_place(
    ledgerly: Engine, tmp_path: Path
) -> None:
    april = play_report(tmp_path, list(PLAY_ROWS.values()))
    run(ledgerly, ReviewsImporter(), april)
    again = run(ledgerly, ReviewsImporter(), april)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 3)
    explicit = run(ledgerly, ReviewsImporter(), april, columns={"text": "Review Text"})
    assert (explicit.inserted, explicit.updated, explicit.unchanged) == (0, 0, 3)

    edited = (
        PLAY_ROWS["edited"]
        .replace("2026-04-09T08:00:00Z,1775721600000,1,", "2026-05-02T10:00:00Z,1777716000000,3,")
        .replace('ausstehend"".', 'ausstehend"". Jetzt geht es wieder.')
    )
    new = (
        "com.ledgerly.app,4130,4.13.0,es,SM-G991B,2026-04-20T09:00:00Z,1776675600000,"
        "2026-04-20T09:00:00Z,1776675600000,2,,La app se cierra al abrir tarjetas,,,,"
        "https://play.google.com/console/developers/5551234/app/4972/user-feedback/"
        "review-details?reviewId=c0ffee00-0000-4000-8000-000000000001&corpus=PUBLIC_REVIEWS"
    )
    may = play_report(tmp_path, [edited, PLAY_ROWS["hostile"], new], "reviews_202605.csv")
    report = run(ledgerly, ReviewsImporter(), may)

    assert (report.inserted, report.updated, report.unchanged) == (1, 1, 1)
    stored = snapshot(ledgerly)
    assert len(stored.evidence) == 4
    first = stored.item("gp:AOqpTOF0Hj5dChzt")
    assert (first.rating, first.text.endswith("Jetzt geht es wieder.")) == (3.0, True)
    assert stored.item("c0ffee00-0000-4000-8000-000000000001").tags == [
        "google_play",
        "language:es",
        "version:4.13.0",
    ]


def test_another_tools_export_reads_through_map(ledgerly: Engine, tmp_path: Path) -> None:
    path = tmp_path / "appfollow.csv"
    path.write_text(
        "Review ID,Rating,Title,Content,Author,Date,Version\n"
        "r-1,4,Nice,Works well on iPad,Kim,2026-03-01 08:00:00,4.1.0\n",
        encoding="utf-8",
    )
    columns = {
        "external_id": "Review ID",
        "rating": "Rating",
        "title": "Title",
        "text": "Content",
        "person": "Author",
        "created_at": "Date",
        "version": "Version",
    }
    run(ledgerly, ReviewsImporter(), path, columns=columns)
    assert outcome(ledgerly) == [
        (
            "r-1",
            utc(2026, 3, 1, 8),
            4.0,
            "Nice",
            "Works well on iPad",
            ("Kim", PersonRole.END_USER, None),
            None,
            ["app_store", "version:4.1.0"],
            None,
        )
    ]


def test_a_file_that_is_no_review_export_is_refused(ledgerly: Engine, tmp_path: Path) -> None:
    path = tmp_path / "reviews.csv"
    path.write_text("Date,Stars,Review\n2026-03-01,5,Great\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        run(ledgerly, ReviewsImporter(), path)
    assert (caught.value.path, caught.value.line) == (str(path), 1)
    assert "not an App Store or Google Play review export" in str(caught.value)
    with pytest.raises(InputError, match="the reviews importer has no field 'body'"):
        run(ledgerly, ReviewsImporter(), path, columns={"body": "Review"})
    assert snapshot(ledgerly).counts == (0, 0, 0, 0)


def test_a_play_report_without_review_text_names_the_column(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "reviews.csv"
    header = PLAY_HEADER.replace("Review Text", "Text")
    path.write_bytes((header + "\n" + PLAY_ROWS["hostile"] + "\n").encode("utf-16"))
    with pytest.raises(InputError) as caught:
        run(ledgerly, ReviewsImporter(), path)
    assert (caught.value.line, caught.value.column) == (1, "Review Text")
    assert snapshot(ledgerly).counts == (0, 0, 0, 0)


def test_broken_json_names_its_line(ledgerly: Engine, tmp_path: Path) -> None:
    path = api_page(tmp_path, [api_review("1")])
    path.write_text(
        path.read_text(encoding="utf-8").replace('"rating": 5', '"rating": 5,,'), "utf-8"
    )
    with pytest.raises(InputError) as caught:
        run(ledgerly, ReviewsImporter(), path)
    assert caught.value.line == 7  # the line of "rating" in the indented page
    assert "not valid JSON" in str(caught.value)
    assert snapshot(ledgerly).counts == (0, 0, 0, 0)


def test_a_bad_star_rating_stops_the_import_or_is_rejected_with_skip(
    ledgerly: Engine, tmp_path: Path
) -> None:
    bad = PLAY_ROWS["hostile"].replace(",5,Love it,", ",five,Love it,")
    path = play_report(tmp_path, [PLAY_ROWS["edited"], bad, PLAY_ROWS["title only"]])
    with pytest.raises(InputError) as caught:
        run(ledgerly, ReviewsImporter(), path)
    assert (caught.value.line, caught.value.column) == (4, "Star Rating")
    assert "the rating 'five' is not a number" in str(caught.value)
    assert snapshot(ledgerly).counts == (0, 0, 0, 0)

    report = run(ledgerly, ReviewsImporter(), path, skip_bad_rows=True)

    assert (report.inserted, report.rejected) == (2, 1)
    assert report.rejects_file is not None
    with report.rejects_file.open(encoding="utf-8", newline="") as handle:
        (_, reject) = list(csv.reader(handle))
    assert reject[:4] == ["4", "", "Star Rating", "the rating 'five' is not a number"]
    assert "Love it" in reject[4]


def test_a_bad_api_review_is_named_by_its_json_path(ledgerly: Engine, tmp_path: Path) -> None:
    path = api_page(tmp_path, [api_review("1"), api_review("2", rating=6), api_review("3")])
    # The field is named as the file names it, where the user will look for it.
    with pytest.raises(
        InputError, match=r"data\[1\]: attributes\.rating: the rating '6' is not 1 to 5"
    ):
        run(ledgerly, ReviewsImporter(), path)
    report = run(ledgerly, ReviewsImporter(), path, skip_bad_rows=True)
    assert (report.inserted, report.rejected) == (2, 1)
    assert [i.external_id for i in snapshot(ledgerly).evidence] == ["1", "3"]
    (tmp_path / "dated").mkdir()
    dated = api_page(tmp_path / "dated", [api_review("4", createdDate="not a date")])
    with pytest.raises(InputError, match=r"data\[0\]: attributes\.createdDate: not a date"):
        run(ledgerly, ReviewsImporter(), dated)
