"""The Unicode blocks of the scripts written without spaces between words.

Japanese, Chinese and Thai write no space between words, Korean none between a word and
its particles ("알림이"), so a run of their letters is no word. Telling a language by
its script (``analysis.text.script_language``), naming a theme (``analysis.label.keywords``),
the keyword search (``analysis.search.words``) and the inbox's word index
(``storage.evidence_words``) all cut such runs, by these blocks: one definition for the
four, here, where the storage layer can read it too.

>>> f"[{char_class(HIRAGANA)}]"
'[\\\\u3040-\\\\u309f]'
"""

from __future__ import annotations

Blocks = tuple[tuple[int, int], ...]
HIRAGANA: Blocks = ((0x3040, 0x309F),)
KATAKANA: Blocks = ((0x30A0, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F))
HAN: Blocks = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
HANGUL: Blocks = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF))
THAI: Blocks = ((0x0E00, 0x0E7F),)


def char_class(*scripts: Blocks) -> str:
    """The blocks as the inside of a regular expression's character class."""
    return "".join(f"\\u{low:04x}-\\u{high:04x}" for blocks in scripts for low, high in blocks)


def literal_class(*scripts: Blocks) -> str:
    """The blocks as the inside of a character class written with the characters
    themselves, as SQLite's GLOB and PostgreSQL's regular expressions read one."""
    return "".join(f"{chr(low)}-{chr(high)}" for blocks in scripts for low, high in blocks)
