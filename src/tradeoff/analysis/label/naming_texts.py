"""The words a theme is named by: its items' words, less those that name no topic of it.

Two kinds of words in a theme's items say nothing of what the theme is about:

- **Our own name.** Customers name the company whose feedback this is ("my Clinicly
  account", "the Clinicly support team"): every theme could hold it, so it sets none apart
  and names none. A QA tester's rebuild named a theme "clinicly account · two practices
  share · split" in a workspace made with ``init --company Clinicly``. The workspace's
  company name and the name of each of its email domains ("clinicly" of "clinicly.io")
  are cut from the texts that name themes (``own_name``), the way a sentence ends: a
  phrase never runs through them.
- **What support fixed, in praise of support.** "Huge thanks to Sarah in support, she
  sorted our reminder settings in ten minutes" praises support; the reminder settings were
  the problem. In a praise theme (``praise_filing.praise_themes``) what a person fixed
  ("she sorted …", "support fixed …", "thanks for sorting …": a verb of ``FIXES`` after
  one of ``FIXERS`` or "thanks for") is cut to the end of its sentence, so the theme is
  named by what is praised ("support team brilliant"), not "support sorted reminder ·
  settings ten minutes", which reads as a reminders topic. "The update fixed the export"
  keeps its words: the fixer there is the product. Thanks said big ("huge thanks") is cut
  too: it says how much, not what.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import fields

import numpy as np
from numpy.typing import NDArray

from tradeoff.domain.workspace import WorkspaceSettings

#: The company name a workspace has until one is given: no customer writes it as a name.
_UNNAMED = next(f.default for f in fields(WorkspaceSettings) if f.name == "company_name")
#: The labels of a domain that name no company: "co" of "clinicly.co.uk", "mail", "www".
_NOT_A_NAME = frozenset("co com org net gov ac edu mail www app eu us uk".split())  # noqa: SIM905
#: Who fixes in praise of support, and the verbs they fix with.
FIXERS = "she|he|they|you|support|team|agent|agents|staff|guys|someone"
FIXES = "sorted|fixed|solved|resolved|repaired|sorting|fixing|solving|resolving|sort|fix"
_FIXED = re.compile(
    rf"(\b(?:{FIXERS})\b(?:\s+\w+)?\s+|\bthanks?\s+(?:you\s+)?for\s+)(?:{FIXES})\b[^.!?\n]*",
    re.IGNORECASE,
)


#: Thanks said big ("Huge thanks to Sarah"): how much, not what is praised.
_BIG_THANKS = re.compile(r"\b(?:huge|big|massive|many|special)\s+thanks\b", re.IGNORECASE)


def own_name(company: str, domains: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern of the workspace's own names: its company name (unless never given) and
    the name of each email domain; None when there is none.

    >>> own_name("Clinicly", ["clinicly.example"]).sub("|", "My Clinicly account, clinicly's")
    'My | account, |'
    >>> own_name("Our company", []) is None
    True
    """
    names = {company.strip().lower()} if company.strip() != _UNNAMED else set()
    names |= {name for domain in domains if (name := _domain_name(domain))}
    names = {name for name in names if len(name) > 2}
    if not names:
        return None
    spelled = (
        r"[\s-]+".join(map(re.escape, name.split()))
        for name in sorted(names, key=lambda n: (-len(n), n))
    )
    return re.compile(
        rf"(?<![^\W_])(?:{'|'.join(spelled)})(?:['\u2019]s)?(?![^\W_])", re.IGNORECASE
    )


def _domain_name(domain: str) -> str | None:
    """The name a domain spells: "clinicly" of "clinicly.io" and of "mail.clinicly.co.uk"."""
    labels = [label for label in domain.lower().split(".") if label][:-1]
    while labels and labels[-1] in _NOT_A_NAME:
        labels.pop()
    return labels[-1] if labels else None


def naming_texts(
    texts: Sequence[str],
    themes: NDArray[np.int64],
    praise_labels: Collection[int],
    own: re.Pattern[str] | None,
) -> list[str]:
    """``texts`` as they name their themes (``themes``: each text's label, -1 for none):
    our own name cut from every text, and what a person fixed from the texts of the
    ``praise_labels`` themes.

    >>> naming_texts(["Thanks to Tom in support, she sorted our reminders. Great team."],
    ...              np.array([0]), {0}, None)
    ['Thanks to Tom in support, she \\n. Great team.']
    """
    in_praise = np.isin(themes, list(praise_labels)).tolist()
    result: list[str] = []
    for text, praise in zip(texts, in_praise, strict=True):
        if own is not None:
            text = own.sub("\n", text)
        if praise:
            text = _FIXED.sub("\\1\n", text)  # the fixer stays: "support fixed ..."
            text = _BIG_THANKS.sub("\n", text)
        result.append(text)
    return result
