"""CRM record ids as people copy them: a Salesforce report shows 15 characters, Data Loader 18."""

from __future__ import annotations

#: Salesforce's checksum alphabet: one character per five of the id, by which are capitals.
ID_SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"


def salesforce_id(text: str) -> str:
    """The 18-character form of a record id: reports show 15 case-sensitive characters,
    Data Loader 18 (the same id plus a case checksum), and both must name one record.
    Anything that is not a 15-character id comes back as given (stripped).

    >>> salesforce_id("0015000000Gv7qJ")
    '0015000000Gv7qJAAR'
    """
    value = text.strip()
    if len(value) != 15 or not (value.isascii() and value.isalnum()):
        return value
    suffix = ""
    for start in (0, 5, 10):
        chunk = value[start : start + 5]
        suffix += ID_SUFFIX[sum(1 << i for i, c in enumerate(chunk) if "A" <= c <= "Z")]
    return value + suffix
