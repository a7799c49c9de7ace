"""The office turns a closed meeting's news into an article and publishes it; until then,
and again after unpublishing, the public cannot read it."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from nghiquyet.meetings import services as meetings
from nghiquyet.news import services
from nghiquyet.news.models import NewsItem
from public_records import CONCLUSION, PROGRAMME

pytestmark = pytest.mark.django_db


def test_the_news_item_of_a_meeting_holds_its_conclusion_and_adopted_documents_in_both_languages(
    news_item,
):
    assert "lần thứ 17" in news_item.title_vi
    assert "no. 17" in news_item.title_en
    assert CONCLUSION in news_item.body_vi
    assert f"Hội nghị đã biểu quyết thông qua 17-CTr/TU {PROGRAMME}" in news_item.body_vi
    assert "The meeting adopted 17-CTr/TU" in news_item.body_en
    assert [d.symbol for d in news_item.documents.all()] == ["17-CTr/TU"]
    assert not news_item.is_published


def test_an_open_meeting_has_no_news_item_yet(dongthap, office):
    meeting = meetings.meeting_create(
        user=office,
        body=dongthap.bodies["bch"],
        starts_on=dt.date(2024, 12, 20),
        venue="hội trường Sen Hồng",
    )
    with pytest.raises(ValidationError, match=r"chưa kết thúc|not closed"):
        services.news_item_create_from_meeting(user=office, meeting=meeting)
    assert not NewsItem.objects.exists()


def test_a_meeting_gets_one_news_item_only(news_item, office):
    with pytest.raises(ValidationError):
        services.news_item_create_from_meeting(user=office, meeting=news_item.meeting)


@pytest.mark.parametrize("persona", ["reporter", "leader", "outsider"])
def test_only_the_province_office_prepares_and_publishes_news(news_item, request, persona):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        services.news_item_publish(user=user, news_item=news_item)
    news_item.refresh_from_db()
    assert not news_item.is_published


def test_a_draft_is_public_only_between_publishing_and_unpublishing(news_item, office):
    visitor = Client()
    article = f"/public/news/{news_item.pk}/"
    assert visitor.get(article).status_code == 404
    assert news_item.title_vi not in visitor.get("/public/news/").content.decode()

    services.news_item_publish(user=office, news_item=news_item)
    page = visitor.get(article)
    assert page.status_code == 200
    assert CONCLUSION in page.content.decode()
    assert news_item.title_vi in visitor.get("/public/news/").content.decode()

    services.news_item_unpublish(user=office, news_item=news_item)
    assert visitor.get(article).status_code == 404
    states = [h.is_published for h in news_item.history.order_by("history_date")]
    assert states == [False, True, False]
    assert {h.history_user for h in news_item.history.all()} == {office}


def test_the_office_prepares_edits_and_publishes_through_its_pages(dongthap, office, client_for):
    from public_records import closed_meeting

    meeting = closed_meeting(dongthap)
    client = client_for(office)
    news_page = client.get(f"/meetings/{meeting.pk}/news/").content.decode()
    assert f"/news/from-meeting/{meeting.pk}/" in news_page
    response = client.post(f"/news/from-meeting/{meeting.pk}/")
    item = NewsItem.objects.get(meeting=meeting)
    assert response.url == f"/news/{item.pk}/"
    edited = "Hội nghị BCH Đảng bộ tỉnh lần thứ 17 bàn nhiệm vụ 6 tháng cuối năm 2024"
    client.post(
        f"/news/{item.pk}/",
        {"title_vi": edited, "body_vi": item.body_vi, "title_en": "", "body_en": ""},
    )
    client.post(f"/news/{item.pk}/publish/", {"action": "publish"})
    item.refresh_from_db()
    assert (item.title_vi, item.is_published) == (edited, True)
    assert edited in Client().get("/public/news/").content.decode()
    assert "Đã công bố" in client.get("/news/").content.decode()


def test_an_empty_vietnamese_title_is_refused_and_changes_nothing(news_item, office, client_for):
    client = client_for(office)
    response = client.post(
        f"/news/{news_item.pk}/",
        {"title_vi": "  ", "body_vi": news_item.body_vi, "title_en": "x", "body_en": ""},
    )
    assert response.status_code == 200
    news_item.refresh_from_db()
    assert news_item.title_vi.startswith("Hội nghị")


def test_english_readers_get_the_english_text(news_item, office):
    services.news_item_publish(user=office, news_item=news_item)
    visitor = Client()
    visitor.cookies["django_language"] = "en"
    page = visitor.get(f"/public/news/{news_item.pk}/").content.decode()
    assert "The meeting adopted 17-CTr/TU" in page
