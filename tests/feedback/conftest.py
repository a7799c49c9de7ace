import pytest
from django.core.cache import cache

from nghiquyet.news.services import news_item_publish
from public_records import news_item_of


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate-limit counters live in the cache, which outlives a test: start each at zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def captcha_test_mode(monkeypatch):
    """For tests about something other than the captcha: the answer "passed" passes.

    Only the tests that ask for this fixture get it; the captcha's own tests solve
    the real sum.
    """
    monkeypatch.setattr("captcha.conf.settings.CAPTCHA_TEST_MODE", True)


@pytest.fixture
def article(dongthap, office):
    """A published news item of Đồng Tháp."""
    return news_item_publish(user=office, news_item=news_item_of(dongthap))
