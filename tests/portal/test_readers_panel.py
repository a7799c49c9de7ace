"""The readers' panel on cached public pages: the page holds only where to load it from,
so the captcha and the comments are fresh for every visitor, and a comment sent from
it returns the visitor to the page they were reading."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from nghiquyet.feedback.models import PublicComment
from nghiquyet.feedback.services import comment_publish, comment_submit

pytestmark = pytest.mark.django_db


def visitor(language="vi") -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def panel_url(page: str) -> str:
    found = re.search(r'hx-get="(/feedback/\d+/\d+/panel/)"', page)
    assert found, "the page does not load a readers' panel"
    return found.group(1)


def test_the_resolution_page_loads_the_panel_with_published_comments_only(published, office):
    document = published.document
    shown = comment_submit(record=document, name="Lê Văn Tâm", text="Xin công bố kết quả quý.")
    comment_publish(user=office, comment=shown)
    comment_submit(record=document, name="Ẩn Danh", text="Ý KIẾN CHỜ DUYỆT 4471")
    page_path = reverse("portal:resolution", args=[document.pk])
    client = visitor()
    page = client.get(page_path).content.decode()
    assert "Xin công bố kết quả quý." not in page  # not in the cached page itself

    panel = client.get(
        panel_url(page), headers={"HX-Current-URL": f"http://testserver{page_path}"}
    ).content.decode()
    assert "Xin công bố kết quả quý." in panel
    assert "Ý KIẾN CHỜ DUYỆT 4471" not in panel
    assert "Bài viết có hữu ích không?" in panel
    assert f'name="next" value="{page_path}"' in panel
    assert "captcha" in panel


def test_the_panel_of_the_indicator_page_takes_comments_on_its_target(published, monkeypatch):
    monkeypatch.setattr("captcha.conf.settings.CAPTCHA_TEST_MODE", True)
    indicator = published.targets["grdp"].indicator
    page_path = reverse("portal:indicator", args=[indicator.pk])
    client = visitor("en")
    url = panel_url(client.get(page_path).content.decode())
    panel = client.get(url, headers={"HX-Current-URL": f"http://testserver{page_path}"})
    assert "Was this article useful?" in panel.content.decode()
    comment_path = url.replace("/panel/", "/comment/")
    response = client.post(
        comment_path,
        {
            "name": "Nguyễn Thị Lan",
            "email": "lan@example.vn",
            "text": "Chỉ tiêu tăng trưởng nên có số liệu từng quý.",
            "captcha_0": "x",
            "captcha_1": "passed",
            "next": page_path,
        },
    )
    assert response.status_code == 302
    assert response["Location"].startswith(page_path)
    comment = PublicComment.objects.get(name="Nguyễn Thị Lan")
    assert comment.object_id == published.targets["grdp"].pk
    assert comment.status == PublicComment.Status.HELD


def test_a_panel_asked_from_another_site_sends_nobody_there(published):
    page_path = reverse("portal:resolution", args=[published.document.pk])
    client = visitor()
    url = panel_url(client.get(page_path).content.decode())
    panel = client.get(url, headers={"HX-Current-URL": "https://evil.example/phish"})
    assert panel.status_code == 200
    assert "evil.example" not in panel.content.decode()


def test_no_panel_is_served_for_a_record_that_is_not_public(published):
    url = panel_url(
        visitor().get(reverse("portal:resolution", args=[published.document.pk])).content.decode()
    )
    private = url.replace(f"/{published.document.pk}/panel/", f"/{published.private.pk}/panel/")
    assert visitor().get(private).status_code == 404
