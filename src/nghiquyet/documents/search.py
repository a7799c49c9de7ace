"""Searching without diacritics: officials often type "nghi quyet 45" for "Nghị quyết 45".

SQLite folds case for ASCII letters only and neither database ignores tone marks,
so each document keeps a folded copy of its symbol, title and kind that both
databases can match with a plain ``contains``.
"""

import unicodedata

from django.utils import translation


def fold(text: str) -> str:
    """Lower case, no tone or vowel marks, đ as d: "Chỉ thị 58-CT/TU" → "chi thi 58-ct/tu"."""
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.lower().split())


def search_text_of(document) -> str:
    """What a document is found by: symbol, number, title, and its kind in both languages."""
    parts = [document.symbol, document.number, document.title]
    for language in ("vi", "en"):
        with translation.override(language):
            parts.append(str(document.get_kind_display()))
    return fold(" ".join(part for part in parts if part))
