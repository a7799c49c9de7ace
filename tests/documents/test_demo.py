"""The demo records the seed articles' documents once, however often it is loaded."""

import pytest

from nghiquyet.core.demo import demo_load
from nghiquyet.documents.models import Document, DocumentLink

pytestmark = pytest.mark.django_db


def test_the_demo_records_the_seed_documents_with_their_links_and_twice_adds_nothing():
    demo_load()
    counts = (Document.objects.count(), DocumentLink.objects.count())
    symbols = set(Document.objects.values_list("symbol", flat=True))
    assert {"45-NQ/TW", "42-NQ/TW", "20-KH/TW", "01-KL/TW", "58-CT/TU"} <= symbols
    programme = Document.objects.get(
        kind="chuong_trinh", title__contains="thực hiện Nghị quyết số 45-NQ/TW"
    )
    assert set(programme.links.values_list("symbol", flat=True)) == {"45-NQ/TW", "20-KH/TW"}
    assert Document.objects.get(symbol="58-CT/TU").province.short_name == "Long An"
    demo_load()
    assert (Document.objects.count(), DocumentLink.objects.count()) == counts
