"""The customer's own message inside an email-shaped ticket: what the theme engine reads.

A ticket exported from a help desk holds more than the request: a greeting, a sign-off, a
signature block (name, job title, company, phone), "Sent from my iPhone", a legal disclaimer,
and often the whole earlier thread quoted below it. Embedded as they are, tickets from one
customer resemble each other through their signature more than tickets about the same
problem do, and keyword labels fill with "regards" and a company's name. ``message_body``
keeps the message and drops the rest, by the layout of an email rather than by a list of
names:

- **Quoted thread**: everything from the first reply or forward header ("On … wrote:",
  "-----Original Message-----", "From: … / Sent: …", "Begin forwarded message:", "---- On …
  wrote ----", Zendesk's "##- Please type your reply above this line -##", and the German,
  French, Spanish, Dutch and Portuguese forms of "wrote") is cut, and so is every line
  quoted with ">". An "On … wrote:" line must hold a date's or time's digit or an address
  ("On Monday the export wrote:" is the customer speaking, and stays). Inside a line, an
  "On <date> … wrote:" followed by a quoted ">" cuts the rest too: HTML that wrote the
  reply's lines as plain newlines in one paragraph runs them together. A reply pasted with
  no quote mark is cut from its author line when a date line follows it ("Aisha (Haulwise
  Support)" / "March 2, 2026, 8:36 CST"): the author must name a team or the date a time.
- **Signature**: everything from an RFC 3676 signature separator ("-- ") is cut, and so
  is a bare name alone on the last line after a blank one ("Hana", "- Ivan", "Jules M.":
  a one-word last paragraph is cut as one too); "Sent from my …", "Sent via the Samsung
  Galaxy …", "Get Outlook for …" lines and their Italian, Spanish, Portuguese, French,
  German and Dutch forms ("Inviato da iPhone", "Von meinem iPhone gesendet":
  ``sign_offs.DEVICE_FOOTER``) are dropped when the line ends at the device or app ("Sent
  from my iPhone but the iPad app also crashes" is a complaint, and stays); a sign-off line
  ("Thanks,", "Best regards", "Respectfully,", "Cheers, Dana", "Cordiali saluti,", "Grazie
  e buon lavoro", "Saludos cordiales", "Atenciosamente", "Bien à vous", "Mit freundlichen
  Grüßen", "Met vriendelijke groet", "Pozdrawiam", "Med vänliga hälsningar", "Best wishes,
  😡": ``sign_offs.SIGN_OFF``) is cut with what follows it
  when that is a short block (at most ``SIGNATURE_LINES`` short lines: a name, a title, a
  phone) or a block of any length whose every line reads as a signature's
  (``signatures.signature_line``: a name, title or company, an address, a phone, email,
  website or social line, an image placeholder, a USDOT or VAT number), so a "Thanks" in the
  middle of a long message stays.
  The last lines are cut with no sign-off too when each reads as a signature's and one holds
  contact details (a phone, an address…), unless the line above ends with a colon.
- **Disclaimer**: everything from a paragraph that opens like a confidentiality notice, in
  English, French, German, Spanish, Dutch, Portuguese or Italian (``signatures.disclaimer``); one
  above the message (a "CAUTION: This email originated outside…" banner) is dropped alone.
- **Acknowledgements**: a line that only says "ok thanks", "Yes" or "Thank you!!" (a
  chat's replies to "anything else?") is dropped.
- **Greeting**: an opening line that is only a greeting ("Hi team,", "Dear Support,",
  "Morning all,", "To whom it may concern:", "Buongiorno,", "Estimado cliente:", "Sehr
  geehrte Damen und Herren,", "Bom dia,", "Dzień dobry,", "Hej hej,": ``greetings``) is
  dropped, and so is a greeting clause of at
  most three words before the first comma ("Hi there, my card…" → "my card…").
- **Pleasantries**: whole sentences of courtesy at the start and end ("Happy Friday!",
  "Sorry to bother you again.", "Looking forward to hearing from you.":
  ``courtesy.courtesy``) are dropped; the complaint's own words are kept as typed.

A **conversation**'s messages (``thread_text``: ``import intercom`` stores a chat's customer
messages with a ``MESSAGE_BREAK`` line between them) are each cut on their own and read in
order: joined by a blank line only, the first message's "Thanks,\\nAnna" was read as a
sign-off and a short later reply as the signature below it, so the reply was never read. A
message that only acknowledges or thanks ("ok thanks!") is dropped when another says something.

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
from collections.abc import Iterable

from tradeoff.analysis.text.courtesy import after_courtesies, before_courtesies
from tradeoff.analysis.text.greetings import GREETING_CLAUSE, GREETING_LINE
from tradeoff.analysis.text.markup import plain_text
from tradeoff.analysis.text.sign_offs import DEVICE_FOOTER, sign_off
from tradeoff.analysis.text.signatures import (
    SIGNATURE_LINE_CHARS,
    contact_line,
    disclaimer,
    signature_line,
)

#: The most lines of any kind a block after a sign-off may hold (name, title, company,
#: phone…); a longer block is cut only when every line of it reads as a signature's.
SIGNATURE_LINES = 6

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
        | \#\#-\s*please\s+type\s+your\s+reply\s+above\s+this\s+line
        | -{2,}\s*(on|am|le|el|op|em)\s.{0,200}\s(wrote|schrieb|a\s+écrit|escribió|schreef|escreveu)
            \s*:?\s*-{2,}
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_HEADER = re.compile(r"^\s*\*?(from|von|de|van)\s*:\*?\s+\S", re.IGNORECASE)
_HEADER_NEXT = re.compile(
    r"^\s*\*?(sent|date|to|subject|gesendet|envoyé|enviado|verzonden|datum)\s*:", re.IGNORECASE
)
#: A reply that only acknowledges ("ok thanks", "Yes", "Thank you!!", "Perfect 👍"): a chat's
#: answer to our "anything else?", which says nothing about the problem.
_ACKNOWLEDGEMENT = re.compile(
    r"""^\W*((ok(ay)?|k|yes|yeah|yep|no|nope|sure|thanks?|thank|you|thx|ty|great|perfect|cool
    |fine|alright|all\s+right|got\s+it|will\s+do|brilliant|awesome|lovely|much|so|very|many
    |again|a\s+lot|noted|understood|cheers|that'?s|it|all|ah|oh|okej|tack|takk|dzięki|dziękuję
    |kiitos|díky|děkuji)\b\W*)+$""",
    re.IGNORECASE | re.VERBOSE,
)
_WORD = re.compile(r"\w+")
_BLANKS = re.compile(r"\n{3,}")


#: The line ``thread_text`` puts between a conversation's messages: each is read on its own.
MESSAGE_BREAK = "· · ·"


def thread_text(messages: Iterable[str]) -> str:
    """A conversation's messages as one stored text, a ``MESSAGE_BREAK`` line between them,
    so ``message_body`` reads each on its own: joined by a blank line only, the first
    message's "Thanks,\\nAnna" read as a sign-off and the customer's later reply, short
    enough to pass for a signature, was cut with it."""
    return f"\n\n{MESSAGE_BREAK}\n\n".join(m.strip() for m in messages if m.strip())


def message_body(text: str) -> str:
    """The message without its greeting, sign-off, signature, disclaimer and quoted thread;
    the text itself when nothing would be left (a forward with no note of its own). An HTML
    text is read as its plain text (``plain_text``). A conversation's messages
    (``thread_text``) are each cut on their own and read in order; one that only
    acknowledges or thanks is dropped when another says something."""
    text = plain_text(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    messages = _messages(lines) if MESSAGE_BREAK in text else [lines]
    if len(messages) == 1:
        return _body(_message_lines(lines)) or text.strip()
    read = [_message_lines(message) for message in messages]
    # A closing "Thank you!\nAnna" says nothing, though cleaning leaves its name.
    pairs = zip(read, messages, strict=True)
    said = [cut for cut, whole in pairs if not (_only_courtesy(cut) or _only_courtesy(whole))]
    said = said or read
    body = "\n\n".join(filter(None, (_body(message) for message in said)))
    return body or "\n\n".join(filter(None, (_body(m, bare=True) for m in messages)))


def _messages(lines: list[str]) -> list[list[str]]:
    """``lines`` split at each ``MESSAGE_BREAK`` line."""
    messages: list[list[str]] = [[]]
    for line in lines:
        if line.strip() == MESSAGE_BREAK:
            messages.append([])
        else:
            messages[-1].append(line)
    return messages


def _message_lines(lines: list[str]) -> list[str]:
    """One message's lines without its greeting, sign-off, signature, disclaimer, quoted
    thread, acknowledgements and pleasantries."""
    lines = _before_thread(lines)
    lines = [line for line in lines if not line.lstrip().startswith(">")]
    lines = _before_signature(lines)
    lines = _without_greeting(lines)
    lines = _without_acknowledgements(lines)
    return _without_courtesies(lines)


def _body(lines: list[str], *, bare: bool = False) -> str:
    """The lines as one text, runs of blank lines made one; "" when it holds no word (any
    text at all when ``bare``)."""
    body = _BLANKS.sub("\n\n", "\n".join(line.rstrip() for line in lines)).strip()
    return body if bare or _WORD.search(body) else ""


def _only_courtesy(lines: list[str]) -> bool:
    """Every line only greets, signs off, acknowledges or is a pleasantry ("ok thanks",
    "Thanks so much for your help!"), perhaps signed with a name below ("Thank you!" /
    "Anna"): a chat's closing reply, which says nothing."""
    filled = [line for line in lines if _WORD.search(line)]
    if len(filled) > 1 and _SIGNED_NAME.match(filled[-1]):
        filled.pop()
    return all(
        GREETING_LINE.match(line)
        or sign_off(line)
        or _ACKNOWLEDGEMENT.match(line)
        or not after_courtesies(line)
        for line in filled
    )


def _before_thread(lines: list[str]) -> list[str]:
    """The lines above the first reply or forward header."""
    for at, line in enumerate(lines):
        if _THREAD_START.match(line) or _attribution(line) or _wrote_over_two_lines(lines, at):
            return lines[:at]
        if _HEADER.match(line) and any(_HEADER_NEXT.match(n) for n in lines[at + 1 : at + 5]):
            return lines[:at]
        if len(line) <= 60 and _DATE_LINE.match(line):  # rare: a line that is only a date
            author = _reply_author(lines, at)
            if author is not None:
                return lines[:author]
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


_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-zé]*\.?"
#: A line that is only a date, and perhaps a time: how a help desk heads each reply it
#: prints in a thread ("March 2, 2026, 8:36 CST", "2 Mar 2026 08:36", "2026-03-02 08:36").
_DATE_LINE = re.compile(
    rf"""^\s*((mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?
    ({_MONTH}\s+\d{{1,2}}(st|nd|rd|th)?,?\s+\d{{4}} | \d{{1,2}}\.?\s+{_MONTH},?\s+\d{{4}}
     | \d{{4}}-\d{{2}}-\d{{2}} | \d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})
    (?P<time>,?\s*(at\s+|um\s+|à\s+)?\d{{1,2}}[:h]\d{{2}}(:\d{{2}})?\s*([ap]\.?m\.?)?
     (\s*\(?[a-z]{{2,5}}([+-]\d{{1,2}})?\)?)?)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
#: Who wrote a reply a help desk prints in its thread: a name of a few capitalised words,
#: perhaps with the team in brackets or after a bar ("Aisha (Haulwise Support)").
_AUTHOR_LINE = re.compile(
    r"^\s*[A-Z][\w.'-]*(\s+[A-Z][\w.'-]*){0,3}\s*(?P<team>\([^()\d]{2,40}\)|[|–—]\s*[^\d|]{2,40})?\s*$"
)


def _reply_author(lines: list[str], at: int) -> int | None:
    """Where a reply pasted with no quote mark starts, when ``lines[at]`` is the date line
    under its author ("Aisha (Haulwise Support)" / "March 2, 2026, 8:36 CST"): a help desk's
    thread printed as plain text, or an agent's answer pasted below a sign-off. The author
    must name a team or the date a time, and the customer must have said something above."""
    date = _DATE_LINE.match(lines[at])
    if date is None:
        return None
    above = [n for n in range(max(0, at - 2), at) if lines[n].strip()]
    if not above:
        return None
    author = _AUTHOR_LINE.match(lines[above[-1]])
    if author is None or not (author.group("team") or date.group("time")):
        return None
    return above[-1] if _said_something(lines[: above[-1]]) else None


_OPENER = re.compile(r"^\s*(on|am|le|el|op|em)\b", re.IGNORECASE)


def _wrote_over_two_lines(lines: list[str], at: int) -> bool:
    """Mail clients wrap a long "On <date>, <name> <address> wrote:" over two lines."""
    if at + 1 >= len(lines) or not _OPENER.match(lines[at]):
        return False
    return _attribution(f"{lines[at]} {lines[at + 1].strip()}")


def _attribution(line: str) -> bool:
    """A reply's "On … wrote:" line, told from a customer's sentence by its date, time or
    address."""
    return bool(_ATTRIBUTION.match(line) and _ATTRIBUTION_MARK.search(line))


def _before_signature(lines: list[str]) -> list[str]:
    """The lines above a signature separator, disclaimer or sign-off block, without device
    footers, a signature block signed with no sign-off, or a bare name signed below the
    message. A disclaimer or banner above the message ("CAUTION: This email originated
    outside…") is dropped, not cut with everything below it."""
    kept: list[str] = []
    banner = False
    for at, line in enumerate(lines):
        if banner:
            banner = bool(line.strip())  # the banner's paragraph runs to a blank line
            continue
        if line in ("-- ", "--"):
            break
        if disclaimer(line):
            if _said_something(kept):
                break
            banner = True
            continue
        if DEVICE_FOOTER.match(line):
            continue
        if sign_off(line) and _said_something(kept) and _signature_block(lines[at + 1 :]):
            break
        kept.append(line)
    return _without_signed_name(_without_contact_block(kept))


def _without_contact_block(lines: list[str]) -> list[str]:
    """Without a signature block signed with no sign-off ("Tammy Patel / Zephyr Delivery /
    tammy@… / (989) 233-2763"): the last lines, each a name or contact line, one of them a
    contact line, below what was said and not announced by a line ending in a colon."""
    if len(lines) < 2:
        return lines  # a block needs a message above it
    start, contact = len(lines), False
    for at in range(len(lines) - 1, -1, -1):
        line = lines[at]
        if not line.strip():
            continue
        if not signature_line(line):
            break
        contact = contact or contact_line(line)
        start = at
    if not contact or not _said_something(lines[:start]):
        return lines
    above = next((line for line in reversed(lines[:start]) if line.strip()), "")
    return lines if above.rstrip().endswith(":") else lines[:start]


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
    """What follows a sign-off is a signature, up to a quoted thread or a disclaimer (cut
    anyway): a few short lines (blank ones and device footers aside), or any number of lines
    that each read as a signature's (``signatures.signature_line``)."""
    block = []
    for line in rest:
        if line in ("-- ", "--") or disclaimer(line):
            break
        if line.strip() and not DEVICE_FOOTER.match(line):
            block.append(line)
    if len(block) <= SIGNATURE_LINES and all(len(b) <= SIGNATURE_LINE_CHARS for b in block):
        return True
    return all(signature_line(b) for b in block)


def _without_greeting(lines: list[str]) -> list[str]:
    """Without an opening greeting line, or a short greeting clause before the message."""
    first = next((at for at, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return lines
    opening = lines[first]
    if GREETING_LINE.match(opening) and _said_something(lines[first + 1 :]):
        return lines[first + 1 :]
    clause = GREETING_CLAUSE.match(opening)
    if clause and clause.end() < len(opening.rstrip()):
        return [opening[clause.end() :], *lines[first + 1 :]]
    return lines


def _without_acknowledgements(lines: list[str]) -> list[str]:
    """Without lines that only acknowledge, when something else is said."""
    kept = [line for line in lines if not _ACKNOWLEDGEMENT.match(line)]
    return kept if _said_something(kept) else lines


def _without_courtesies(lines: list[str]) -> list[str]:
    """Without the pleasantry sentences the message opens and closes with
    (``courtesy.courtesy``: "Happy Friday!", "Looking forward to hearing from you."), when
    something else is said."""
    kept = list(lines)
    changed = False
    for order, trimmed in (
        (range(len(kept)), after_courtesies),
        (range(len(kept) - 1, -1, -1), before_courtesies),
    ):
        for at in order:
            if not kept[at].strip():
                continue
            line = trimmed(kept[at])
            changed = changed or line != kept[at]
            kept[at] = line
            if line:
                break
    # What is left was the message already: it says something if it holds a word.
    return kept if changed and any(_WORD.search(line) for line in kept) else lines


def _said_something(lines: list[str]) -> bool:
    """Some line holds words and is neither a greeting nor a sign-off: the message itself."""
    return any(
        _WORD.search(line) and not GREETING_LINE.match(line) and not sign_off(line)
        for line in lines
    )
