"""The pure cores (evaluation, `Period`) take a language code; this is the one the user reads."""

from django.utils.translation import get_language


def current_language() -> str:
    """ "en" when the active Django language is English, else "vi" (the default)."""
    return "en" if (get_language() or "vi").startswith("en") else "vi"
