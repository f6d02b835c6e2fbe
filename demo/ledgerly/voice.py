"""What customers say rather than do: interview and call notes (Markdown with front matter),
the Delighted NPS export, and App Store reviews. All text here is synthetic and labelled so.

Nothing here mentions multi-currency payouts: that theme must stay backed only by people
relaying it (sales, CSMs, agents), which is what the demo asks a PM to notice.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from ledgerly.common import (
    COUNTRY_ALPHA3,
    COUNTRY_NAMES,
    END,
    START,
    TextPool,
    at_time,
    pacific_time,
    slug,
    write_csv,
    write_text,
)
from ledgerly.world import Person, World

NPS_HEADER = (
    "Response ID", "Person ID", "Name", "Email", "Score", "Comment", "Created At (UTC)",
    "Updated At (UTC)", "Survey Type", "Tags", "Notes", "Permalink", "Company", "Plan",
    "Segment", "Country", "Delighted Source",
)  # fmt: skip
REVIEW_HEADER = (
    "id", "rating", "title", "body", "reviewerNickname", "createdDate", "territory", "appVersion"
)  # fmt: skip
RELEASES = (
    (date(2025, 9, 22), "3.8.0"),
    (date(2025, 11, 10), "3.9.0"),
    (date(2025, 12, 1), "3.9.1"),
    (date(2026, 2, 3), "4.0.0"),
    (date(2026, 2, 17), "4.0.1"),
    (date(2026, 4, 14), "4.1.0"),
    (date(2026, 6, 23), "4.2.0"),
    (date(2026, 7, 7), "4.2.1"),
    (date(2026, 9, 15), "4.3.0"),
)
CRASHING_RELEASE = (date(2026, 2, 3), date(2026, 2, 16))
TERRITORY_WEIGHTS = {"US": 45, "GB": 25, "IE": 5, "DE": 10, "FR": 7, "NL": 5, "ES": 3}


# --- interviews ----------------------------------------------------------------------------


def _yaml(value: str) -> str:
    """A double-quoted YAML scalar; JSON's escaping is valid YAML for these strings."""
    return json.dumps(value, ensure_ascii=False)


def interview_files(world: World, narrative: dict[str, Any]) -> dict[str, str]:
    """File name -> Markdown, front matter first. ``synthetic: true`` on every note."""
    files = {}
    for note in narrative["interviews"]:
        account = world.account(note["company"])
        person = next(p for p in account.people if p.name == note["person"])
        interviewer = world.member(note["interviewer"])
        front = [
            "---",
            "synthetic: true",
            f"kind: {note['kind']}",
            f"date: {note['date']}",
            f"account: {_yaml(account.name)}",
            f"account_id: {_yaml(account.salesforce_id)}",
            f"person: {_yaml(person.name)}",
            f"email: {_yaml(person.email)}",
            f"role: {_yaml(note['role'])}",
            f"interviewer: {_yaml(interviewer.name)}",
            f"interviewer_email: {_yaml(interviewer.email)}",
            f"title: {_yaml(note['title'])}",
            "---",
        ]
        label = "interview" if note["kind"] == "interview" else "call"
        banner = (
            f"_Synthetic {label} notes written for the Tradeoff demo; Ledgerly and "
            f"{account.name} are fictional._"
        )
        text = "\n".join(front) + f"\n\n# {note['title']}\n\n{banner}\n\n{note['body'].strip()}\n"
        name = f"{note['date']}-{slug(account.short_name, '-')}-{slug(person.name, '-')}.md"
        files[name] = text
    return files


# --- NPS -----------------------------------------------------------------------------------


@dataclass
class Response:
    person: Person
    score: int
    comment: str
    at: datetime


def _band(score: int) -> str:
    return "promoter" if score >= 9 else "passive" if score >= 7 else "detractor"


def _survey_days(person: Person, rng: random.Random) -> list[date]:
    """Delighted's autopilot asks each customer once in their first months (the day depends
    on when they were added to the schedule), then every six months while they are one."""
    account = person.account
    last = END.date() if account is None or account.churn_date is None else account.churn_date
    days, day = [], person.created_at.date() + timedelta(days=rng.randint(30, 210))
    while day <= last:
        days.append(day)
        day += timedelta(days=180)
    return days


def nps_responses(world: World, narrative: dict[str, Any], rng: random.Random) -> list[Response]:
    pool = TextPool({k: v for k, v in narrative["nps"].items()}, rng)
    comment_rate = {"promoter": 0.35, "passive": 0.4, "detractor": 0.55}
    responses = []
    for person in world.people:
        for day in _survey_days(person, rng):
            if rng.random() > 0.42:
                continue
            score = rng.choices(range(11), weights=(1, 1, 1, 1.5, 2, 3, 5, 9, 14, 18, 16))[0]
            band = _band(score)
            comment = pool.take(band) if rng.random() < comment_rate[band] else ""
            moment = at_time(day + timedelta(days=rng.randint(0, 3)), rng, 6, 21)
            responses.append(Response(person, score, comment, min(moment, END)))
    responses += _churn_voices(world, pool, rng)
    return sorted(responses, key=lambda r: (r.at, r.person.email))


def _churn_voices(world: World, pool: TextPool, rng: random.Random) -> list[Response]:
    """The planted churn's people also say it in the survey before they leave."""
    voices = []
    for account in (a for a in world.accounts if "signal" in a.churn):
        assert account.churn_date is not None
        for person in rng.sample(account.people, 4):
            day = account.churn_date - timedelta(days=rng.randint(8, 80))
            voices.append(
                Response(person, rng.randint(0, 4), pool.take("kestrel"), at_time(day, rng))
            )
    return voices


def nps_rows(responses: list[Response], rng: random.Random) -> list[list[object]]:
    person_ids: dict[str, int] = {}
    rows: list[list[object]] = []
    response_id = 48_213_577
    for r in responses:
        response_id += rng.randint(3, 400)
        person_id = person_ids.setdefault(r.person.email, 9_100_000 + 17 * len(person_ids))
        token = "".join(
            rng.choices("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", k=32)
        )
        account = r.person.account
        stamp = f"{r.at:%Y-%m-%d %H:%M:%S}"
        rows.append(
            [
                response_id,
                person_id,
                r.person.name,
                r.person.email,
                r.score,
                r.comment,
                stamp,
                stamp,
                "nps",
                "synthetic-demo",
                "",
                f"https://app.delighted.example/r/{token}",
                account.name if account else "",
                account.plan if account else "Self-serve",
                account.segment if account else "Self-serve",
                COUNTRY_NAMES[r.person.country],
                rng.choice(("email", "email", "web")),
            ]
        )
    return rows


# --- App Store reviews ---------------------------------------------------------------------


@dataclass
class Review:
    rating: int
    title: str
    body: str
    nickname: str
    at: datetime
    territory: str


def _version(day: date) -> str:
    return [version for released, version in RELEASES if released <= day][-1]


def _topic_weights(day: date) -> dict[str, float]:
    return {
        "praise": 45,
        "card_delivery": 28 if day < date(2026, 1, 1) else 12,
        "verification": 10,
        "login": 8,
        "crash": 60 if CRASHING_RELEASE[0] <= day <= CRASHING_RELEASE[1] else 3,
        "fees": 12 if day >= date(2026, 4, 1) else 5,
        "support": 8,
    }


def _nickname(words: list[str], rng: random.Random) -> str:
    word = rng.choice(words)
    return word if rng.random() < 0.4 else f"{word}{rng.randint(1, 99)}"


def _review_day(rng: random.Random) -> date:
    if rng.random() < 0.07:
        first, last = CRASHING_RELEASE
    else:
        first, last = START.date(), END.date()
    return first + timedelta(days=int((last - first).days * rng.random() ** 0.85))


def reviews(narrative: dict[str, Any], rng: random.Random, count: int = 200) -> list[Review]:
    spec = narrative["reviews"]
    topics = spec["topics"]
    territories = list(TERRITORY_WEIGHTS)
    seen: set[tuple[str, str]] = set()
    found: list[Review] = []
    while len(found) < count:
        day = _review_day(rng)
        weights = _topic_weights(day)
        topic = rng.choices(list(weights), weights=list(weights.values()))[0]
        sentences = rng.sample(topics[topic]["bodies"], rng.choice((1, 1, 2)))
        if topic != "praise" and rng.random() < 0.25:
            sentences.append("Otherwise a good app.")
        title, body = rng.choice(topics[topic]["titles"]), " ".join(sentences)
        if (title, body) in seen:
            continue
        seen.add((title, body))
        country = rng.choices(territories, weights=list(TERRITORY_WEIGHTS.values()))[0]
        rating = rng.choice(topics[topic]["ratings"])
        nickname = _nickname(spec["nicknames"]["words"], rng)
        found.append(Review(rating, title, body, nickname, at_time(day, rng, 0, 23), country))
    found += _special_reviews(spec, rng)
    return sorted(found, key=lambda r: (r.at, r.title))


def _special_reviews(spec: dict[str, Any], rng: random.Random) -> list[Review]:
    """Hostile text (markup, a formula, quotes and a newline) and a few non-English ones."""
    special = []
    for i, item in enumerate(spec["hostile"]):
        day = date(2026, 6, 25) + timedelta(days=9 * i)
        moment = at_time(day, rng, 0, 23)
        special.append(
            Review(item["rating"], item["title"], item["body"], item["nickname"], moment, "US")
        )
    alpha2 = {v: k for k, v in COUNTRY_ALPHA3.items()}
    for item in spec["localised"]:
        day = START.date() + timedelta(days=rng.randint(20, 380))
        nickname = _nickname(spec["nicknames"]["words"], rng)
        country = alpha2[item["territory"]]
        special.append(
            Review(
                item["rating"], item["title"], item["body"], nickname, at_time(day, rng), country
            )
        )
    return special


def review_rows(found: list[Review], rng: random.Random) -> list[list[object]]:
    rows: list[list[object]] = []
    review_id = 11_904_387_220
    for r in found:
        review_id += rng.randint(1_000, 90_000)
        rows.append(
            [
                str(review_id),
                r.rating,
                r.title,
                r.body,
                r.nickname,
                pacific_time(r.at),
                COUNTRY_ALPHA3[r.territory],
                _version(r.at.date()),
            ]
        )
    return rows


def write_voice(
    data: Path, world: World, narrative: dict[str, Any], rng: random.Random
) -> tuple[dict[str, int], list[Response]]:
    counts: dict[str, int] = {}
    files = interview_files(world, narrative)
    for name, text in sorted(files.items()):
        write_text(data / "interviews" / name, text)
    counts["interviews/*.md"] = len(files)
    responses = nps_responses(world, narrative, rng)
    counts["surveys/nps.csv"] = write_csv(
        data / "surveys" / "nps.csv", NPS_HEADER, nps_rows(responses, rng), bom=True
    )
    counts["reviews/app-store.csv"] = write_csv(
        data / "reviews" / "app-store.csv", REVIEW_HEADER, review_rows(reviews(narrative, rng), rng)
    )
    return counts, responses
