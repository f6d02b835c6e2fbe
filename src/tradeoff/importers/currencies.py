"""How exports write currencies: ISO 4217 codes, and signs beside amounts.

Shared by the importers that read money (``crm``: Salesforce, HubSpot; which column holds
an export's currency is ``currency_columns``). An amount names its currency with an ISO
4217 code ("BRL 243,600.00", "12000 USD") or a sign that belongs to one currency
("R$ 1.234,56", "MX$292,500", "€5", "1 000 zł": ``SIGNS``); before, "R$" and "MX$" made
an amount "not a number". A sign several currencies share ("$", "¥", "kr":
``SHARED_SIGNS``) agrees with a currency column or the import's currency that uses it;
with neither, the amount is refused (``crm.money``), since "$12,000" in a euro workspace
is not 12,000 euros, as it was read before.
"""

from __future__ import annotations

import re

#: ISO 4217's active currencies, plus codes withdrawn recently enough to sit in CRM
#: records (HRK until 2023) and Chile's unidad de fomento (CLF), which B2B contracts there
#: are priced in. Precious metals, test and fund codes are no deal's currency.
CODES = frozenset(
    """AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD
    BTN BWP BYN BZD CAD CDF CHF CLF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN
    ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR
    ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA
    MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP
    PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC
    SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES VND VUV WST XAF
    XCD XOF XPF YER ZAR ZMW ZWG ZWL""".split()  # noqa: SIM905 - a code list reads better
)
#: Signs that name one currency. "$" with letters before it is a dollar or peso of one
#: country; "S/" is Peru's sol.
SIGNS = {
    "R$": "BRL", "MX$": "MXN", "Mex$": "MXN", "US$": "USD", "U$S": "USD", "C$": "CAD",
    "CA$": "CAD", "A$": "AUD", "AU$": "AUD", "NZ$": "NZD", "S$": "SGD", "SG$": "SGD",
    "HK$": "HKD", "NT$": "TWD", "RD$": "DOP", "COL$": "COP", "COP$": "COP", "CLP$": "CLP",
    "AR$": "ARS", "ARS$": "ARS", "$U": "UYU", "CN¥": "CNY", "JP¥": "JPY", "元": "CNY",
    "€": "EUR", "£": "GBP", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₪": "ILS",
    "฿": "THB", "₫": "VND", "₦": "NGN", "₱": "PHP", "₴": "UAH", "₡": "CRC", "₲": "PYG",
    "₸": "KZT", "₾": "GEL", "৳": "BDT", "zł": "PLN", "Kč": "CZK", "Ft": "HUF", "lei": "RON",
    "S/.": "PEN", "S/": "PEN", "RM": "MYR", "Rp": "IDR", "Fr.": "CHF",
}  # fmt: skip
#: Signs several currencies write, and the currencies that write them.
SHARED_SIGNS = {
    "$": frozenset(
        """USD CAD AUD NZD SGD HKD TWD MXN ARS CLP COP UYU DOP CUP BSD BBD BMD BND BZD FJD
        GYD JMD KYD LRD NAD SBD SRD TTD XCD""".split()  # noqa: SIM905 - a code list
    ),
    "¥": frozenset({"JPY", "CNY"}),
    "kr": frozenset({"SEK", "NOK", "DKK", "ISK"}),
    "kr.": frozenset({"DKK", "ISK"}),
}
_ALL_SIGNS = sorted([*SIGNS, *SHARED_SIGNS], key=len, reverse=True)
_CODE = re.compile(r"([A-Za-z]{3})\s*(.+)|(.+?)\s*([A-Za-z]{3})")


#: A code in capitals is read as one even when ISO 4217 does not list it (a new or
#: withdrawn code); in other cases only a listed code is ("usd 12", not "lei" of "1 lei").
def split_amount(cell: str) -> tuple[str | None, str | None, str]:
    """The currency an amount names (its code or one-currency sign), the shared sign it is
    written with, and the number left.

    >>> split_amount("R$ 1.234,56"), split_amount("$12,000"), split_amount("12000 USD")
    (('BRL', None, '1.234,56'), (None, '$', '12,000'), ('USD', None, '12000'))
    """
    code, text = None, cell.strip()
    coded = _CODE.fullmatch(text)
    letters = (coded[1] or coded[4]) if coded else ""
    if coded and (letters.isupper() or letters.upper() in CODES) and not _sign_at_edge(text):
        code = letters.upper()
        text = (coded[2] or coded[3]).strip()
    shared = None
    for sign in _ALL_SIGNS:
        rest = _without_sign(text, sign)
        if rest is None:
            continue
        text = rest
        if sign in SIGNS:
            code = code or SIGNS[sign]
        else:
            shared = sign
        break
    return code, shared, text


def uses_sign(currency: str, sign: str) -> bool:
    """Whether ``currency`` is written with the shared ``sign`` ("MXN" with "$")."""
    return currency.upper() in SHARED_SIGNS.get(sign, frozenset())


def shared_sign_users(sign: str) -> str:
    """A few of the currencies a shared sign stands for, for a message."""
    users = sorted(SHARED_SIGNS.get(sign, frozenset()))
    return ", ".join(users[:6]) + (", ..." if len(users) > 6 else "")


def _sign_at_edge(text: str) -> bool:
    """A code-like run that is a sign with letters ("MX$", "Mex$", "COL$"), not a code."""
    return any(_without_sign(text, sign) is not None for sign in SIGNS if len(sign) >= 3)


def _without_sign(text: str, sign: str) -> str | None:
    """``text`` without ``sign`` written before or after the number, or None; a sign of
    letters must not run into a word ("Rpt 5" holds no rupiah sign)."""
    if text.startswith(sign) or text.startswith("-" + sign):
        negative = text.startswith("-")
        rest = text[len(sign) + negative :].strip()
        if sign[-1].isalpha() and rest[:1].isalpha():
            return None
        return "-" + rest if negative else rest
    if text.endswith(sign):
        rest = text[: -len(sign)].strip()
        if sign[0].isalpha() and rest[-1:].isalpha():
            return None
        return rest
    return None
