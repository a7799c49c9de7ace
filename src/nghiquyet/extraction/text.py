"""Text preparation shared by every extractor.

Vietnamese sites mix two spellings of the same word ("khóa"/"khoá", "Thủy"/"Thuỷ"),
several dashes and non-breaking spaces. Rules are written once, against a *folded*
copy of the text that has exactly the same length as the original, so a match found
in the folded copy can be cut out of the original and returned as written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

# New-style tone placement ("oà", "uý") folded to the old style ("òa", "úy"): both
# spellings are two code points long, which keeps offsets identical.
_TONE_PAIRS = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_TONE_PAIRS.update({k[0].upper() + k[1]: v[0].upper() + v[1] for k, v in _TONE_PAIRS.items()})
# Only open syllables differ ("hoà"/"hòa"); "hoạch", "toán" and "quý" are spelled one way.
# A character class finds candidates faster than an alternation of the fifteen pairs.
_TONE_RE = re.compile(r"(?<![qQ])[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ](?![^\W\d_])")
_SAME_LENGTH = {"–": "-", "—": "-", "‒": "-", "−": "-", "“": '"', "”": '"', "‘": "'", "’": "'"}
_SAME_LENGTH_RE = re.compile("[" + "".join(_SAME_LENGTH) + "]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# Some sites type "Đ" as the Icelandic eth "Ð" (U+00D0), which looks the same: "Ðại hội".
_LOOKALIKES = str.maketrans({"Ð": "Đ", "ð": "đ"})


def normalise(raw: str) -> str:
    """NFC, one kind of space, no invisible characters, stripped lines."""
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = _INVISIBLE.sub("", text).translate(_LOOKALIKES)
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def fold(text: str) -> str:
    """Same-length copy of `text` with one spelling of tones, dashes and quotes."""
    text = _TONE_RE.sub(lambda m: _TONE_PAIRS.get(m.group(), m.group()), text)
    return _SAME_LENGTH_RE.sub(lambda m: _SAME_LENGTH[m.group()], text)


@dataclass(frozen=True)
class Doc:
    """The original text and its folded twin; rules match `search`, output cuts `text`."""

    text: str

    @cached_property
    def search(self) -> str:
        return fold(self.text)

    def cut(self, start: int, end: int) -> str:
        return tidy(self.text[start:end])


def tidy(fragment: str) -> str:
    """Trim spaces and the punctuation that clauses leave at their edges."""
    return fragment.strip(" \n,;:.-–—(")


_ABBREVIATION_DOT = re.compile(r"(?:\b(?:TP|Tp|TS|ThS|PGS|GS|BS|Th\.S|NXB|St|P|Q|TT)|\d)\.$")
UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
# Starts at the punctuation itself (a character class lets the regex engine skip ahead).
_SENTENCE_END = re.compile(rf"[.!?…][\"')\]]*\s+(?=[\"'(“]?[{UPPER}0-9])|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of sentences: split at end punctuation before a capital, and at line breaks.

    Abbreviations such as "TP." or a number's dot do not end a sentence, but a line
    break always does: a paragraph ending "… năm 2024." is not glued to the next one.
    """
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start() if m.group()[0] == "\n" else m.start() + 1
        if (
            end != m.start()
            and "\n" not in m.group()
            and _ABBREVIATION_DOT.search(text[max(start, end - 6) : end])
        ):
            continue
        if end > start:
            spans.append((start, end))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of non-empty lines (a page's paragraphs)."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


class Claimed:
    """Character spans already taken by one reader, so another can skip them.

    A byte per character keeps each check proportional to the span, not to the number
    of spans taken (pathological pages can have thousands).
    """

    def __init__(self, length: int) -> None:
        self._mask = bytearray(length + 1)

    def add(self, start: int, end: int) -> None:
        self._mask[start:end] = b"\x01" * max(0, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return any(self._mask[start:end])


VIETNAMESE_LETTERS = re.compile(
    r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.IGNORECASE
)


def looks_vietnamese(text: str) -> bool:
    """Enough Vietnamese letters to be worth reading (1 in 60 characters, at least 5)."""
    letters = len(VIETNAMESE_LETTERS.findall(text[:20000]))
    return letters >= 5 and letters * 60 >= min(len(text), 20000)
