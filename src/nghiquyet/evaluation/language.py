"""The two interface languages of the evaluation core.

This package may not import Django, so it cannot use gettext; every human-readable
string it produces is kept as data, one entry per language, and chosen here.
"""

from collections.abc import Mapping
from typing import Literal, TypeVar

Language = Literal["vi", "en"]
LANGUAGES: tuple[Language, ...] = ("vi", "en")

T = TypeVar("T")


def pick(texts: Mapping[str, T], language: str) -> T:
    """Return the entry for `language`; an unknown language is a programming error."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; expected one of {LANGUAGES}")
    return texts[language]
