"""The customer's own message inside an email-shaped ticket: what the theme engine reads.

A ticket exported from a help desk holds more than the request: a greeting, a sign-off, a
signature block (name, job title, company, phone), "Sent from my iPhone", a legal disclaimer,
and often the whole earlier thread quoted below it. Embedded as they are, tickets from one
customer resemble each other through their signature more than tickets about the same
problem do, and keyword labels fill with "regards" and a company's name. ``message_body``
keeps the message and drops the rest, by the layout of an email rather than by a list of
names:

- **Quoted thread**: everything from the first reply or forward header ("On … wrote:",
  "-----Original Message-----", "From: … / Sent: …", "Begin forwarded message:", and the
  German, French, Spanish, Dutch and Portuguese forms of "wrote") is cut, and so is every
  line quoted with ">". An "On … wrote:" line must hold a date's or time's digit or an
  address ("On Monday the export wrote:" is the customer speaking, and stays). Inside a
  line, an "On <date> … wrote:" followed by a quoted ">" cuts the rest too: HTML that
  wrote the reply's lines as plain newlines in one paragraph runs them together.
- **Signature**: everything from an RFC 3676 signature separator ("-- ") is cut, and so
  is a bare name alone on the last line after a blank one ("Hana", "- Ivan", "Jules M.":
  a one-word last paragraph is cut as one too); "Sent from my …" and "Get Outlook for …"
  lines are dropped; a sign-off line ("Thanks,", "Best
  regards", "Cheers, Dana") is cut with what follows it when that is a short block (at most
  ``SIGNATURE_LINES`` short lines: a name, a title, a phone), so a "Thanks" in the middle
  of a long message stays.
- **Disclaimer**: everything from a paragraph that opens like a confidentiality notice.
- **Acknowledgements**: a line that only says "ok thanks", "Yes" or "Thank you!!" (a
  chat's replies to "anything else?") is dropped.
- **Greeting**: an opening line that is only a greeting ("Hi team,", "Dear Support,") is
  dropped, and so is a greeting clause of at most three words before the first comma
  ("Hi there, my card…" → "my card…").

An HTML message (a help desk's or mail client's body) is read as its plain text first
(``markup.plain_text``): its blocks and ``<br>`` as lines, its ``<blockquote>`` or Gmail
``gmail_quote`` as the quoted thread, so these rules read it as they read a plain email.

Nothing is ever lost: a greeting or sign-off is only dropped when message is left beside
it, and a text that cleaning would empty (a bare forward) is kept as it was. The stored text
is never changed (``tradeoff evidence`` exports it whole); a theme's quotes, its counter
evidence and search hits show this reading, the customer's own words without a phone number
from their signature or our reply quoted below them.

    >>> message_body("Hi team,\\nThe CSV export times out.\\n\\nThanks,\\nDana\\nAcme Ltd")
    'The CSV export times out.'
"""

from __future__ import annotations

import re

from tradeoff.analysis.text.markup import plain_text

#: The most lines a signature block after a sign-off may hold (name, title, company, phone…).
SIGNATURE_LINES = 6
#: A signature line is short; a longer line after "Thanks" is more message.
SIGNATURE_LINE_CHARS = 80

_WROTE = r"(wrote|schrieb|a écrit|escribió|schreef|escreveu)"
#: "On <date>, <name> <address> wrote:" in the languages mail clients write it, the verb
#: last or, in German and Dutch, before the name ("Am <date> schrieb <name>:").
_ATTRIBUTION = re.compile(
    rf"^\s*(on|am|le|el|op|em)\b.{{0,200}}\b{_WROTE}(\s*:?|\s+.{{1,120}}:)\s*$", re.IGNORECASE
)
#: What a mail client's attribution holds and a customer's sentence ("On Monday the export
#: wrote:") does not: a date's or time's digit, an address, or a name before "<address>".
_ATTRIBUTION_MARK = re.compile(r"[\d@<]")
_THREAD_START = re.compile(
    r"""^\s*(
        -{2,}\s*(original\s+message|forwarded\s+message|mensaje\s+original
                  |ursprüngliche\s+nachricht|message\s+d'origine)\s*-{2,}.*
        | begin\s+forwarded\s+message\s*:
        | _{10,}\s*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_HEADER = re.compile(r"^\s*\*?(from|von|de|van)\s*:\*?\s+\S", re.IGNORECASE)
_HEADER_NEXT = re.compile(
    r"^\s*\*?(sent|date|to|subject|gesendet|envoyé|enviado|verzonden|datum)\s*:", re.IGNORECASE
)
_DEVICE_FOOTER = re.compile(
    r"^\s*(sent\s+(from|via)\s+my\s+\S.*|sent\s+from\s+(outlook|mail|yahoo|gmail)\b.*"
    r"|get\s+outlook\s+for\s+\S.*|von\s+meinem\s+\S.*\s+gesendet|envoyé\s+de\s+mon\s+\S.*)$",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"""^\s*(
        (many\s+|kind\s+|best\s+|warm\s+|warmest\s+|with\s+)?(thanks|thank\s+you|thx)
            (\s+(again|so\s+much|in\s+advance|a\s+lot))?
        | (best|kind|warm|warmest)(\s+(regards|wishes))?
        | regards | cheers | sincerely | yours(\s+(truly|sincerely))? | all\s+the\s+best
        | cordialement | saludos | mit\s+freundlichen\s+grüßen | viele\s+grüße | groeten
        | met\s+vriendelijke\s+groet | atenciosamente | br
    )\s*[,.!]*(\s+[\w.'-]+){0,3}\s*[,.!]?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_DISCLAIMER = re.compile(
    r"^\s*(this\s+(e-?mail|message|communication)\b.{0,80}\b(confidential|privileged|intended)"
    r"|confidentiality\s+notice|disclaimer\s*:|the\s+information\s+(contained\s+)?in\s+this"
    r"\s+(e-?mail|message))",
    re.IGNORECASE,
)
_GREETING = (
    r"(hi|hello|hey|hiya|dear|greetings|good\s+(morning|afternoon|evening)|hallo|bonjour|hola|ciao)"
)
# "Dear Sir/Madam,", "Hi there 👋": a greeting's words may hold a slash, and emoji or other
# symbols may close it.
_GREETING_LINE = re.compile(
    rf"^\s*{_GREETING}\b(\s+[\w.'/-]+){{0,3}}(\s*[^\w\s]+)*\s*$", re.IGNORECASE
)
_GREETING_CLAUSE = re.compile(rf"^\s*{_GREETING}\b(\s+[\w.'/-]+){{0,2}}\s*[,!:]\s*", re.IGNORECASE)
#: A reply that only acknowledges ("ok thanks", "Yes", "Thank you!!", "Perfect 👍"): a chat's
#: answer to our "anything else?", which says nothing about the problem.
_ACKNOWLEDGEMENT = re.compile(
    r"""^\W*((ok(ay)?|k|yes|yeah|yep|no|nope|sure|thanks?|thank|you|thx|ty|great|perfect|cool
    |fine|alright|all\s+right|got\s+it|will\s+do|brilliant|awesome|lovely|much|so|very|many
    |again|a\s+lot|noted|understood|cheers|that'?s|it|all|ah|oh)\b\W*)+$""",
    re.IGNORECASE | re.VERBOSE,
)
_WORD = re.compile(r"\w+")
_BLANKS = re.compile(r"\n{3,}")


def message_body(text: str) -> str:
    """The message without its greeting, sign-off, signature, disclaimer and quoted thread;
    the text itself when nothing would be left (a forward with no note of its own). An HTML
    text is read as its plain text (``plain_text``)."""
    text = plain_text(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = _before_thread(lines)
    lines = [line for line in lines if not line.lstrip().startswith(">")]
    lines = _before_signature(lines)
    lines = _without_greeting(lines)
    lines = _without_acknowledgements(lines)
    body = _BLANKS.sub("\n\n", "\n".join(line.rstrip() for line in lines)).strip()
    if not _WORD.search(body):
        return text.strip()
    return body


def _before_thread(lines: list[str]) -> list[str]:
    """The lines above the first reply or forward header."""
    for at, line in enumerate(lines):
        if _THREAD_START.match(line) or _attribution(line) or _wrote_over_two_lines(lines, at):
            return lines[:at]
        if _HEADER.match(line) and any(_HEADER_NEXT.match(n) for n in lines[at + 1 : at + 5]):
            return lines[:at]
        cut = _inline_attribution(line)
        if cut is not None:
            return [*lines[:at], line[:cut]]
    return lines


#: "wrote:" followed by a quoted line or the end: where an attribution ends when HTML run
#: together a paragraph's lines ("<p>On Tue, Mar 6 … wrote:\n&gt; Could you…</p>").
_WROTE_THEN_QUOTE = re.compile(rf"\b{_WROTE}\s*:\s*(?=>|$)", re.IGNORECASE)
#: Where such an attribution starts: the capitalised word mail clients open it with.
_ATTRIBUTION_OPENER = re.compile(r"(?<!\w)(On|Am|Le|El|Op|Em)\s")


def _inline_attribution(line: str) -> int | None:
    """Where an "On <date> … wrote:" inside a line starts, when quoted lines (or nothing)
    follow it: HTML read as text runs a paragraph's lines together, so the reply's header
    and its quote sit on the customer's line. The opener nearest before "wrote:" with a
    date's digit, an address or "<" between them (``_ATTRIBUTION_MARK``) marks it."""
    if ":" not in line:
        return None  # the common line, ten times faster than the search
    for wrote in _WROTE_THEN_QUOTE.finditer(line):
        window_start = max(0, wrote.start() - 200)
        openers = list(_ATTRIBUTION_OPENER.finditer(line, window_start, wrote.start()))
        for opener in reversed(openers):
            if _ATTRIBUTION_MARK.search(line, opener.start(), wrote.start()):
                return opener.start()
    return None


def _wrote_over_two_lines(lines: list[str], at: int) -> bool:
    """Mail clients wrap a long "On <date>, <name> <address> wrote:" over two lines."""
    if at + 1 >= len(lines) or not re.match(r"^\s*(on|am|le|el|op|em)\b", lines[at], re.I):
        return False
    return _attribution(f"{lines[at]} {lines[at + 1].strip()}")


def _attribution(line: str) -> bool:
    """A reply's "On … wrote:" line, told from a customer's sentence by its date, time or
    address."""
    return bool(_ATTRIBUTION.match(line) and _ATTRIBUTION_MARK.search(line))


def _before_signature(lines: list[str]) -> list[str]:
    """The lines above a signature separator, device footer, disclaimer or sign-off block,
    and without a bare name signed below the message."""
    kept: list[str] = []
    for at, line in enumerate(lines):
        if line in ("-- ", "--") or _DISCLAIMER.match(line):
            break
        if _DEVICE_FOOTER.match(line):
            continue
        if _SIGN_OFF.match(line) and _said_something(kept) and _signature_block(lines[at + 1 :]):
            break
        kept.append(line)
    return _without_signed_name(kept)


#: A first name, or a first name and an initial or surname, alone on the last line ("Hana",
#: "- Ivan", "Jules M."): how people sign a chat or a short mail with no sign-off word.
_SIGNED_NAME = re.compile(r"^\s*[-–—~]?\s*[A-Z][a-zà-ÿ]+(?:\s+[A-Z][a-zà-ÿ]*\.?)?\s*$")


def _without_signed_name(lines: list[str]) -> list[str]:
    """``lines`` without a bare name signed after a blank line below what was said."""
    filled = [at for at, line in enumerate(lines) if line.strip()]
    if len(filled) < 2 or not _SIGNED_NAME.match(lines[filled[-1]]):
        return lines
    last = filled[-1]
    if lines[last - 1].strip() or not _said_something(lines[:last]):
        return lines
    return lines[:last]


def _signature_block(rest: list[str]) -> bool:
    """What follows a sign-off is a signature: a few short lines (blank ones aside), up to a
    quoted thread or a disclaimer, which are cut anyway."""
    block = []
    for line in rest:
        if _DISCLAIMER.match(line) or line in ("-- ", "--"):
            break
        if line.strip():
            block.append(line)
    return len(block) <= SIGNATURE_LINES and all(len(b) <= SIGNATURE_LINE_CHARS for b in block)


def _without_greeting(lines: list[str]) -> list[str]:
    """Without an opening greeting line, or a short greeting clause before the message."""
    first = next((at for at, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return lines
    opening = lines[first]
    if _GREETING_LINE.match(opening) and _said_something(lines[first + 1 :]):
        return lines[first + 1 :]
    clause = _GREETING_CLAUSE.match(opening)
    if clause and clause.end() < len(opening.rstrip()):
        return [opening[clause.end() :], *lines[first + 1 :]]
    return lines


def _without_acknowledgements(lines: list[str]) -> list[str]:
    """Without lines that only acknowledge, when something else is said."""
    kept = [line for line in lines if not _ACKNOWLEDGEMENT.match(line)]
    return kept if _said_something(kept) else lines


def _said_something(lines: list[str]) -> bool:
    """Some line holds words and is neither a greeting nor a sign-off: the message itself."""
    return any(
        _WORD.search(line) and not _GREETING_LINE.match(line) and not _SIGN_OFF.match(line)
        for line in lines
    )
