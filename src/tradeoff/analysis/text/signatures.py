"""What follows a customer's message in an email: signature blocks and legal disclaimers.

``message_body`` cuts a sign-off and the few short lines after it; a corporate block runs
longer (a QA corpus's ten lines: name in capitals, "title | company", street, city and ZIP,
Office/Cell/Fax, website, USDOT and MC numbers, ``[cid:image001.png@…]``) and some people
sign with no sign-off at all. Read whole, such blocks made a theme of their own ("cid
image001 png · industrial pkwy suite", 65 items from 11 accounts) and put names and phone
numbers in labels and quotes. So a block is told by what its lines are, not by how many
there are:

- a **contact line** holds what only a signature holds: a phone or fax number (a label such
  as "Cell:", "Tel.", "Cellulare:", "Móvil:", "Tél :" or a number shaped like one, so
  "2026-03-02" is not), an email address, a website's address (a deep link is evidence the
  customer pasted, not a signature), a social-network link, an inline image placeholder, a
  street address ("12 Industrial Pkwy", "Via Roma 12", "Calle Mayor 10", "Hauptstraße 5",
  "Keizersgracht 123"), "City, ST 12345" or a postcode before a city ("20121 Milano (MI)",
  "1012 AB Amsterdam"), or a registration number (USDOT, MC, VAT, P.IVA, BTW, CNPJ…);
- a **name line** is short and reads as a name, a job title or a company: its words are
  capitalised ("PETE JOHNSON", "Accounts Payable Specialist | Quarry Haul Co", "VP of
  Operations"), or it is a title and a company apart by a bar, each part short and opening
  with a capital ("Kierownik gabinetu | Gabinet Fizjo Zdrowie", "Responsable du cabinet |
  Centre Voltaire": other languages capitalise a title's first word only) and the company
  after the bar capitalised but for connectors ("Patient name | Booking date" is a table
  row), or it is a short motto in quotation marks;
- no line that reads as a sentence is either: one with a word a sentence needs and a name
  does not ("is", "we", "not", "please", "fails"…), or one that ends with a full stop and
  runs past ``NAME_WORDS`` words; nor is a "Label: value" line a name ("Truck: 3481").

A **disclaimer** is a paragraph that opens like a confidentiality notice, in English,
French, German, Spanish, Dutch, Portuguese or Italian, possibly after a banner word
("IMPORTANT:", "CONFIDENTIALITY NOTICE:").

    >>> contact_line("Cell: 755.983.3558"), name_line("PETE JOHNSON"), name_line("GPS frozen")
    (True, True, False)
"""

from __future__ import annotations

import re

#: A name, title or company line holds at most this many words.
NAME_WORDS = 8
#: A signature line is short; a longer line is message.
SIGNATURE_LINE_CHARS = 80

_PHONE_LABEL = (
    r"(?:tel|telephone|phone|ph|mobile|mob|cell|office|direct|dir|main|work|fax|m|o|t|f|p|d"
    r"|tél|telefono|teléfono|telefone|telefon|telefoon|cellulare|cel|móvil|movil|celular"
    r"|telemóvel|portable|handy|mobiel|mobil|tfn|tlf|kom|komórka|puh|gsm)"
)
_CONTACT = re.compile(
    rf"""
    (?:^|[\s|•·,(])(?:{_PHONE_LABEL})\.?\s*[:.]\s*\+?[\d(]           # Cell: 755… / O: (228)…
    | \(\d{{3}}\)\s?\d{{3}}[\s.-]\d{{4}}\b                           # (228) 297-3956
    | (?<![\d-])\d{{3}}[.-]\d{{3}}[.-]\d{{4}}\b                      # 755.983.3558
    | (?<![\w+])\+\d{{1,3}}[\s.-]?\(?\d{{1,4}}\)?[\s.-]?\d{{2,4}}[\s.-]?\d{{2,4}}  # +44 20 7946…
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                                   # an address
    | (?:^|\s)(?:https?://)?(?:www\.)[\w-]+(?:\.[\w-]+)+/?(?:\s|$|\|)  # www.site.com
    | (?:^|\s)https?://[\w-]+(?:\.[\w-]+)+/?(?:\s|$|\|)              # a site's home page
    | \b(?:linkedin|facebook|instagram|twitter|youtube|tiktok|xing)\b
    | \[(?:cid|image):[^\]]*\]|\bcid:image\d
    | \b(?:us\s?dot|dot|mc|vat|ein|abn|siret|siren|kvk|hrb|ust-idnr|cif|nif|company\s+(?:no|number)
         |reg(?:istration|istered)?\.?\s+(?:no|number)|registered\s+in|p\.?\s?iva|partita\s+iva
         |codice\s+fiscale|btw(?:-?nummer)?|cnpj|nipc|tva|ust-id|steuernummer)\b\.?\s*[#:.]?
         \s*(?:[a-z]{{2}}\s?)?\d
    | ^\s*\d{{1,6}}\s+(?-i:[A-Z][\w.'-]*\s+){{0,4}}(?-i:St|Street|Ave|Avenue|Rd|Road|Blvd
         |Boulevard|Pkwy|Parkway|Dr|Drive|Ln|Lane|Way|Hwy|Highway|Ct|Court|Pl|Place|Sq|Square)\b
    | \b(?:suite|ste|floor|p\.?\s?o\.?\s+box)\s+\#?\d
    | (?-i:\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*,\s+[A-Z]{{2}}\s+\d{{5}}(?:-\d{{4}})?\b)  # Tulsa, TX
    | ^\s*(?:via|viale|piazza|piazzale|corso|largo|calle|avenida|avda|plaza|paseo|rua|travessa
         |rue|avenue|boulevard|chemin|allée)\.?\s+(?-i:[A-Z])[\w'’. -]{{1,40}}?,?\s+\d{{1,4}}\w?\b
    | \b[\w-]+(?:straße|strasse|str\.|straat|weg|laan|gracht|plein|kade|gasse|platz)
         \s+\d{{1,4}}\w?\b                                            # Hauptstraße 5
    | (?-i:^\s*(?:\d{{5}}|\d{{4}}\s?[A-Z]{{2}}|\d{{4}}-\d{{3}})
         \s+[A-Z][\w'’-]+(?:\s\([A-Z]{{2}}\))?\s*$)                    # 20121 Milano (MI)
    """,
    re.IGNORECASE | re.VERBOSE,
)
#: Words a sentence needs and a name, title or company line does not hold.
_SENTENCE_WORDS = """i i'm i've i'd we we're we've our us you're it it's its is are was were
be been being am has have had do does did don't doesn't didn't can't cannot couldn't won't
wouldn't isn't aren't wasn't not no never please still when since because if but why how
what there this that these those my me your will would should could can get gets got
keeps keep shows show fails fail failed failing crash crashes crashed broken stuck slow
wrong missing error errors bug issue issues problem problems work works working worked"""
SENTENCE_WORDS = frozenset(_SENTENCE_WORDS.split())
#: Small words a title or company name holds in lower case ("VP of Operations").
_NAME_CONNECTORS = """of and & the for at in de du des la le van von der den y e da di
und et och og i to on co llc ltd inc gmbh sa sas bv srl plc"""
NAME_CONNECTORS = frozenset(_NAME_CONNECTORS.split())
_WORD = re.compile(r"[\w'’&]+")
_LINK = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\S*(?:https?://|www\.)\S*", re.IGNORECASE)
#: A bar or dot between a job title and a company, spaced.
_TITLE_BAR = re.compile(r"\s+[|·•]\s+")
#: A title or company part beside a bar holds at most this many words.
TITLE_WORDS = 4
_MOTTO = re.compile(r"""^\s*["“'‘«].{3,80}["”'’»]\s*$""")

_DISCLAIMER = re.compile(
    r"""^\s*(?:[*_]*(?:important|notice|caution|warning|confidential(?:ity)?(?:\s+notice)?
        |legal\s+notice|disclaimer|privileged\s+(?:and|&)\s+confidential)[*_]*\s*[:\-–]\s*)?
    (?:
      (?:this|the\s+contents?\s+of\s+this|the\s+information\s+(?:contained\s+)?in\s+this)
        \s+(?:e-?mail|message|communication|transmission)\b
      | this\s+(?:e-?mail|message)\s+and\s+any\s+(?:files|attachments)
      | the\s+information\s+(?:contained\s+)?in\s+this
      | if\s+you\s+(?:have\s+)?received\s+this\s+(?:e-?mail|message|communication)
      | if\s+you\s+are\s+not\s+the\s+intended\s+recipient
      | please\s+consider\s+the\s+environment\s+before\s+printing
      | confidentiality\s+notice | disclaimer\s*:
      | ce\s+(?:message|courriel|e-?mail|mail)\b.{0,80}\bconfidenti
      | le\s+pr[ée]sent\s+(?:message|courriel)
      | diese\s+(?:e-?mail|nachricht)\b.{0,60}\bvertraulich
      | diese\s+(?:e-?mail|nachricht)\s+(?:ist|kann)
      | este\s+(?:mensaje|correo)\b.{0,60}\bconfidencial | si\s+usted\s+no\s+es\s+el\s+destinatario
      | dit\s+(?:e-?mail)?bericht\b.{0,60}\b(?:vertrouwelijk|uitsluitend)
      | esta\s+mensagem\b.{0,60}\bconfidencia
      | quest[oa]\s+(?:e-?mail|messaggio|comunicazione)\b.{0,80}\b(?:riservat|confidenzial)
      | le\s+informazioni\s+contenute\s+(?:in|nella)\s+quest
      | (?:se|qualora)\s+(?:avete|abbiate|ha|avesse|hai)\s+ricevuto\s+quest
      | ai\s+sensi\s+(?:del|dell['’]art|dell['’]articolo)\b.{0,80}\b(?:d\.?\s?lgs|gdpr|regolamento)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
#: What a disclaimer says, to tell one from a customer's sentence that opens the same way
#: ("This message appears when I export"): confidentiality, its addressee, printing, or
#: where the mail came from (a "CAUTION: This email originated outside…" banner).
_DISCLAIMER_WORDS = re.compile(
    r"confidenti|privileg|intended|recipient|addressee|in\s+error|by\s+mistake|prohibited"
    r"|destinataire|vertraulich|empf[äa]nger|destinatari|vertrouwelijk|environment"
    r"|riservat|confidenzial|per\s+errore|vietat|d\.?\s?lgs|gdpr"
    r"|originated\s+(from\s+)?outside",
    re.IGNORECASE,
)


def disclaimer(line: str) -> bool:
    """The line opens a legal disclaimer (see the module docstring)."""
    if len(line) < 20 or not _DISCLAIMER.match(line):
        return False
    return _DISCLAIMER_WORDS.search(line) is not None


def contact_line(line: str) -> bool:
    """The line holds a phone number, an address, a site, a social link, an image
    placeholder or a registration number, and does not read as a sentence."""
    return (
        len(line) <= SIGNATURE_LINE_CHARS
        and not _sentence(line, contact=True)
        and _CONTACT.search(line) is not None
    )


def name_line(line: str) -> bool:
    """The line reads as a name, a job title, a company or a short motto."""
    if len(line) > SIGNATURE_LINE_CHARS:
        return False
    if _MOTTO.match(line):
        return len(line.split()) <= NAME_WORDS
    words = _WORD.findall(line)
    if not words or len(words) > NAME_WORDS or ":" in line or _sentence(line):
        return False
    if all(w[0].isupper() or w.casefold() in NAME_CONNECTORS for w in words if w[0].isalpha()):
        return True
    return _titled(line)


def _titled(line: str) -> bool:
    """A job title and a company set apart by a bar or a dot ("Kierownik gabinetu | Gabinet
    Fizjo", "Responsable du cabinet · Centre Voltaire"): most languages capitalise a title's
    first word only, so each part is short and opens with a capital; but a company is a
    name, so the last part capitalises every word but its connectors ("Patient name |
    Booking date" is a table's header row, not a signature's)."""
    parts = [part.strip() for part in _TITLE_BAR.split(line)]
    if len(parts) < 2:
        return False
    if not all(part[:1].isupper() and len(_WORD.findall(part)) <= TITLE_WORDS for part in parts):
        return False
    return all(
        w[0].isupper() or w.casefold() in NAME_CONNECTORS
        for w in _WORD.findall(parts[-1])
        if w[0].isalpha()
    )


def signature_line(line: str) -> bool:
    """A contact line or a name line: what a signature block's lines are."""
    if line.rstrip().endswith((".", "!", "?")) and line.count(" ") >= NAME_WORDS:
        return False  # a sentence, told without a regex: most last lines of a message
    return name_line(line) or contact_line(line)


def _sentence(line: str, *, contact: bool = False) -> bool:
    """The line reads as a sentence: a word a sentence needs, or a full stop after more
    words than a name holds. A contact line's labels ("Follow us on LinkedIn") are no verb."""
    # An address's or a site's parts are no words: "info@pergola.it" holds no "it".
    linked = "@" in line or "://" in line or "www." in line.lower()
    words = _WORD.findall(_LINK.sub(" ", line) if linked else line)
    if line.rstrip().endswith((".", "!", "?")) and len(words) > NAME_WORDS:
        return True
    needed = SENTENCE_WORDS - {"us"} if contact else SENTENCE_WORDS
    # An acronym in a title ("IT Manager") is no pronoun; a shouted line is read whole.
    shouted = line.isupper()
    return any(w.casefold() in needed for w in words if shouted or not w.isupper())
