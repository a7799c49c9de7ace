"""What a server process does once before its first request.

After its first pages a worker holds about 180,000 objects: the view modules the
URLconf imports, both languages' translation catalogues, the libraries behind them.
Python's full garbage collection walks every one of them, about 90 ms on the
dashboard benchmark's machine, and it ran once every few dashboard renders, so one
leader in ten waited twice as long. Loading them up front and freezing them
(``gc.freeze``, as pre-forking servers do) takes them out of every later collection.
"""

import gc

from django.conf import settings
from django.urls import get_resolver
from django.utils import translation


def warm_up() -> None:
    """Import every view, load every catalogue, then exempt all of it from collection.

    cairosvg (the Word reports' charts) is imported on first use so that commands stay
    quick to start; a server imports it here, once before forking, instead of in each
    worker on its first Word report (half a second, again after every worker restart).
    """
    get_resolver().url_patterns  # noqa: B018 - evaluating the patterns imports the views
    import cairosvg  # noqa: F401

    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            translation.gettext("")
    gc.collect()
    gc.freeze()
