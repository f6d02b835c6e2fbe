"""A Jira issue's description as the person reading it in Jira sees it, without its template.

``import jira`` stores the Description as written, in Jira's wiki markup (raw, it is what
``tradeoff evidence`` exports). Read as it is, a QA corpus's ``*Impact:* medium``,
``h3. Problem`` and ``{code}Error: null reference{code}`` made a sub-theme of their own,
"code error · impact medium · null reference", that pulled mobile-layout and admin-speed
issues into a shipping theme, and quotes ended in ``*Impact:* blocking go-live``. So:

- **Text effects** keep their words without the marks: ``*bold*``, ``_italic_``,
  ``{{monospace}}``, ``+inserted+``, ``-deleted-``, ``^sup^``, ``~sub~``, ``??cite??``, and
  ``{color:red}…{color}``. A mark opens after a space or punctuation and closes before one,
  as Jira reads it, so "well-known", "user_id" and "C++" are left as they are.
- **Code** (``{code}…{code}``, ``{noformat}…{noformat}``) is dropped whole: a stack trace or
  an error string is what the software said, not what the customer asks for, and the same
  "Error:" in many issues grouped them by how they were reported.
- **Blocks** (``{quote}``, ``{panel:title=…}``, ``bq.``) keep their words, on lines of their
  own; the quoted words are most often the customer's own.
- **Links and embeds**: ``[text|url]`` reads as its text; a bare ``[url]``, a mention
  ``[~name]``, an attachment ``[^file.pdf]``, an image ``!shot.png|thumbnail!`` and the
  icons ``(/)``, ``(x)``, ``(!)`` say nothing and are dropped.
- **Layout**: list markers (``*``, ``#``, ``-``), ``----`` rules and table pipes go; a table
  row reads as its cells, comma-separated, without its header cells.
- **Template**, as ``note.note_body`` leaves out a note-taker's headings: a heading
  (``h3. Problem``) and a label alone on its line (``*Steps to reproduce:*``) are dropped, the
  lines below them kept, unless it names a metadata section (environment, logs, stack trace,
  attachments, …), whose lines are dropped down to the next blank line or heading.
- **Field lines** (``*Impact:* medium``, ``Browser: Chrome 120``, a table row
  ``|*Priority*|High|``) whose label is one of ``TEMPLATE_FIELDS`` and whose value is short
  (``FIELD_VALUE_WORDS``) are dropped whole: the value says how urgent the issue is, where
  it happened or whom it concerns, not what it is about, and the same "impact medium" in
  unrelated issues grouped them. A longer value is a sentence ("Impact: payroll can't be
  run before the 25th, so …") and is kept without its label, as is any other bold label's
  (``*Problem:* exports time out`` → "exports time out"). An unbolded field line is never
  dropped on the first line, which ``import jira`` fills with the issue's Summary.

A text with none of this markup is returned unchanged (the same object), and only kinds
Jira's issues are imported as are read this way (``theme_text``): a help desk ticket
saying "*urgent*" is not Jira.

    >>> wiki_plain("Export fails\\n\\nh3. Problem\\n*CSV export* times out.\\n\\n*Impact:* high")
    'Export fails\\n\\nCSV export times out.'
"""

from __future__ import annotations

import re

#: Labels of a field line that says how urgent an issue is, where it happened or who it
#: concerns: read, they group issues by the template a team fills in.
TEMPLATE_FIELDS = frozenset(
    (
        *("impact", "business impact", "customer impact", "priority", "severity", "urgency"),
        *("environment", "env", "browser", "browsers", "os", "operating system", "device"),
        *("devices", "platform", "build", "release", "version", "versions", "app version"),
        *("affects version", "affects versions", "fix version", "fix versions"),
        *("component", "components", "customer", "customer name", "account", "account name"),
        *("account id", "company", "tenant", "org id", "organization id", "region", "plan"),
        *("tier", "arr", "mrr", "deal size", "reporter", "reported by", "assignee"),
        *("ticket", "tickets", "zendesk", "zendesk ticket", "salesforce", "link", "links"),
        *("frequency", "reproducibility", "reproducible", "affected users", "users affected"),
        *("sprint", "labels", "date", "due date", "status", "resolution"),
    )
)
#: The most words a template field's value holds ("high, 11 orders affected", "Chrome 120
#: on macOS 14"); a longer one is a sentence about the issue.
FIELD_VALUE_WORDS = 6
#: Sections that hold metadata and logs rather than what the issue is about.
_METADATA_SECTION = re.compile(
    r"^(environment|env|system info(rmation)?|technical details|tech details|debug info|"
    r"logs?|error logs?|console( output| logs?)?|stack ?traces?|attachments?|screenshots?|"
    r"versions?|impact|business impact|priority|severity|internal notes?|customer details|"
    r"account details|links|references|related( tickets| issues)?)\b",
    re.IGNORECASE,
)

_CODE_TAG = re.compile(r"\{(code|noformat)(?::[^}\n]*)?\}", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"\{(?:quote|panel)(?::[^}\n]*)?\}", re.IGNORECASE)
_INLINE_TAG = re.compile(
    r"\{(?:color|anchor|section|column|toc|span|div|status)(?::[^}\n]*)?\}", re.IGNORECASE
)
_MONOSPACE = re.compile(r"\{\{([^{}\n]+)\}\}")
_LINK = re.compile(r"\[([^\[\]|\n]*)\|[^\[\]\n]+\]")
_BARE_LINK = re.compile(r"\[(?:https?://|ftp://|mailto:|file:|www\.|~|\^|#)[^\[\]\n]*\]")
_IMAGE = re.compile(
    r"!(?:[^\s!|][^!\n|]*?\.(?:png|jpe?g|gif|bmp|svg|webp|tiff?|heic)|https?://[^\s!|]+"
    r"|[^\s!|][^!\n|]*?(?=\|))(?:\|[^!\n]*)?!",
    re.IGNORECASE,
)
_ICON = re.compile(r"\((?:/|x|!|i|y|n|on|off|\*[rgby]?)\)")
#: A text effect: the mark after a space or punctuation, words, the same mark before a
#: space or punctuation. The mark comes first in the pattern so the engine scans for it
#: alone; the lookbehind then checks the character before it. At most 200 characters
#: apart, so a line of many dashes ("-5 to -10") is read in linear time; a longer bold
#: passage keeps its marks. Nested effects ("*_both_*") lose the inner mark first.
_EFFECT = re.compile(
    r"([*_+^~-])(?<![\w\\].)(?![\s*_+^~-])([^\n]{0,200}?)(?<=[^\s\\*_+^~-])\1(?!\w)"
)
_CITE = re.compile(r"(?<![\w?])\?\?(?![\s?])([^\n]{0,200}?)(?<=[^\s?])\?\?(?![\w?])")
_ESCAPE = re.compile(r"\\([*_{}\[\]!|^~+?#-])")
_LINE_BREAK = re.compile(r"\\\\")

_HEADING = re.compile(r"^\s*h[1-6]\.\s*(.*?)\s*$")
_BLOCKQUOTE = re.compile(r"^(\s*)bq\.\s+")
_RULE = re.compile(r"^\s*-{4,}\s*$")
#: What a line opens with when it may be a list item or a quote block.
_LINE_MARKS = frozenset("*#-b")
_LIST_MARKER = re.compile(r"^\s*(?:[*#]+|-)\s+")
#: A field line: a short label and a colon, bold (``*Impact:*``, ``*Impact*:``) or not,
#: then its value.
_FIELD = re.compile(r"^\s*(\*?)([A-Za-z][\w /&()-]{0,40}?)\s*(?::\s*\*|\*\s*:|:)(?!//)\s*(.*)$")
_SPACES = re.compile(r"(?<=\S)[ \t]{2,}")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_TABLE_CELL = re.compile(r"(\|\|?)([^|]*)")
#: Any of the markup this module reads; a text without it is returned as it is.
_ANY_MARKUP = re.compile(
    r"[*_{}\[\]!|^~+\\]|\?\?|(?<!\w)-\S|^\s*(?:h[1-6]|bq)\.|^\s*#|^[^\n:]{1,45}:",
    re.MULTILINE,
)


def wiki_plain(text: str) -> str:
    """The text of a Jira issue as a person reads it (see the module docstring)."""
    if _ANY_MARKUP.search(text) is None:
        return text
    blocks = "\n".join(_lines(text))
    read = _inline(blocks)
    if read == text:
        return text
    if read != blocks:
        # Where a mark or a link stood between two words, or closed a line.
        read = _TRAILING_SPACE.sub("", _SPACES.sub(" ", read))
    return _BLANK_LINES.sub("\n\n", read).strip()


def _lines(text: str) -> list[str]:
    """The lines a person reads, without code, headings, field lines, metadata sections and
    layout marks; their inline markup is left for ``_inline``. Each regex runs only on a
    line that could match it: the engine reads a million texts."""
    work = text.replace("\r\n", "\n")
    if "{" in work:
        work = _BLOCK_TAG.sub("\n", _without_code(work))
    kept: list[str] = []
    skipping, skipped = False, 0  # in a metadata section; how many of its lines
    for number, raw in enumerate(_LINE_BREAK.sub("\n", work).split("\n")):
        line = raw.rstrip()
        if line.lstrip()[:1] in _LINE_MARKS:
            line = _LIST_MARKER.sub("", _BLOCKQUOTE.sub(r"\1", line))
        first = line.lstrip()[:1]
        heading = _HEADING.match(line) if first == "h" else None
        field = None if heading or ":" not in line else _FIELD.match(line)
        label = heading.group(1) if heading else _label_alone(field)
        if label is not None:
            skipping = _METADATA_SECTION.match(_inline(label)) is not None
            skipped = 0
            continue
        if skipping and (line or not skipped):
            skipped += 1
            continue
        skipping = False
        if first == "-" and _RULE.match(line):
            continue
        template = field is not None and _template_field(field.group(2))
        if field and template and (field.group(1) or number > 0):
            if len(field.group(3).split()) <= FIELD_VALUE_WORDS:
                continue
            line = field.group(3)
        elif field and field.group(1):
            line = field.group(3)
        elif first == "|":
            line = _table_row(line) or ""
            if not line:
                continue
        kept.append(line)
    return kept


def _without_code(text: str) -> str:
    """The text without its ``{code}`` and ``{noformat}`` blocks; a tag that opens no closed
    block goes alone. Tags are paired in one pass, so a text of many unclosed tags is read
    in linear time."""
    kept: list[str] = []
    at = 0
    opened: re.Match[str] | None = None
    for tag in _CODE_TAG.finditer(text):
        if opened is None:
            opened = tag
        elif tag.group(1).casefold() == opened.group(1).casefold():
            kept += [text[at : opened.start()], "\n"]
            at, opened = tag.end(), None
    if opened is not None:  # never closed: only the tag goes
        kept += [text[at : opened.start()], text[opened.end() :]]
    else:
        kept.append(text[at:])
    return "".join(kept)


def _label_alone(field: re.Match[str] | None) -> str | None:
    """The label of a line that holds only a label: bold ("*Steps to reproduce:*"), or of
    at most four words ("Expected result:"), not a sentence that ends with a colon."""
    if field is None or field.group(3):
        return None
    bold, label = field.group(1), field.group(2)
    return label if bold or len(label.split()) <= 4 else None


def _inline(text: str) -> str:
    """The words without their text effects, links, embeds and escapes."""
    if "{" in text:
        text = _MONOSPACE.sub(r"\1", _INLINE_TAG.sub("", text))
    if "!" in text:
        text = _IMAGE.sub("", text)
    if "[" in text:
        text = _LINK.sub(lambda m: m.group(1).strip(), _BARE_LINK.sub("", text))
    if "(" in text:
        text = _ICON.sub("", text)
    if "??" in text:
        text = _CITE.sub(r"\1", text)
    for _ in range(3):  # effects nest: *_bold italic_*
        unmarked = _EFFECT.sub(r"\2", text)
        if unmarked == text:
            break
        text = unmarked
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


def _template_field(label: str) -> bool:
    return " ".join(label.casefold().split()) in TEMPLATE_FIELDS


def _table_row(line: str) -> str | None:
    """A row's data cells, comma-separated; None for a header row or a field row
    (``|*Browser*|Chrome|``, ``||Priority||High|``), which say nothing of the issue."""
    cells = [
        (marker == "||", cell.strip())
        for marker, cell in _TABLE_CELL.findall(line.strip())
        if cell.strip()
    ]
    if not cells:
        return None
    if _template_field(_inline(cells[0][1]).rstrip(":")):
        return None
    data = [_inline(cell) for is_header, cell in cells if not is_header]
    return ", ".join(c for c in data if c) or None
