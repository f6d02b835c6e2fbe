"""One survey response, read from its cells by field, as a piece of stated evidence.

Shared by every survey layout (Delighted, Typeform, Qualtrics, SurveyMonkey): each finds
its columns its own way, then hands the row's cells here, so a score is checked against its
scale, tagged and attached to its respondent the same way whatever tool wrote the file.
"""

from __future__ import annotations

import math
from typing import Any

from tradeoff.domain.enums import EvidenceKind, PersonRole
from tradeoff.domain.rules import RuleViolation
from tradeoff.importers.drafts import AccountRef, EvidenceDraft, PersonRef, Where
from tradeoff.importers.locales import Locale
from tradeoff.importers.values import parse_tags

#: The lowest and highest score of each survey type (Delighted's ``survey_type`` values).
SCALES = {"nps": (0, 10), "enps": (0, 10), "csat": (1, 5), "ces": (1, 7)}


def response_draft(
    cells: dict[str, str],
    default_type: str,
    title: str | None,
    where: Where,
    raw: dict[str, Any],
    locale: Locale,
) -> EvidenceDraft:
    """The evidence a response with a comment gives; a bad id, date or score raises
    ``RuleViolation`` naming its field, so the row is refused with its column.

    ``cells``: the row's values by field (``text``, ``external_id``, ``created_at``,
    ``rating``, ``email``, ``person``, ``account``, ...); ``title``: the question the
    comment answers, where the layout knows it (a mapped ``title`` column wins).
    """
    external_id = cells["external_id"]
    if not external_id:
        raise RuleViolation("external_id", "the response has no id")
    created_at = locale.when("created_at", cells["created_at"])
    survey_type = (cells.get("survey_type") or default_type).lower()
    rating = _score(cells.get("rating", ""), survey_type, locale)
    name, email = cells.get("person") or None, cells.get("email") or None
    person = PersonRef()
    if name or email:
        person = PersonRef(
            email=email,
            name=name,
            role=PersonRole.END_USER,
            external_id=cells.get("person_id") or None,
        )
    url = cells.get("url") or None
    return EvidenceDraft(
        where=where,
        line=where.line,
        external_id=external_id,
        kind=EvidenceKind.SURVEY,
        title=cells.get("title") or title,
        text=cells["text"],
        created_at=created_at,
        account=AccountRef(name=cells.get("account") or None),
        person=person,
        rating=rating,
        tags=[*scale_tags(survey_type, rating), *parse_tags(cells.get("tags", ""))],
        url=url if url and url.lower().startswith(("http://", "https://")) else None,
        raw=raw,
    )


def _score(text: str, survey_type: str, locale: Locale) -> float | None:
    if not text:
        return None
    score = locale.score("rating", text, "score")
    low, high = SCALES.get(survey_type, (-math.inf, math.inf))
    if not low <= score <= high:
        raise RuleViolation(
            "rating", f"the score {text} is outside the {survey_type} scale {low}-{high}"
        )
    return score


def scale_tags(survey_type: str, rating: float | None) -> list[str]:
    """``nps``, ``scale:0-10`` and, for an NPS score, ``promoter`` / ``passive`` /
    ``detractor`` (9-10, 7-8, 0-6)."""
    tags = [survey_type]
    if survey_type in SCALES:
        low, high = SCALES[survey_type]
        tags.append(f"scale:{low}-{high}")
    if survey_type in {"nps", "enps"} and rating is not None:
        tags.append("promoter" if rating >= 9 else "passive" if rating >= 7 else "detractor")
    return tags
