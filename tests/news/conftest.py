import pytest

from public_records import news_item_of


@pytest.fixture
def news_item(dongthap):
    return news_item_of(dongthap)
