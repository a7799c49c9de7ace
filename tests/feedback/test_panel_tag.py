"""``{% feedback_panel record %}`` works for any public record, as the portal's resolution
and indicator pages use it, and draws nothing for a record that is not public."""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.template import Context, Template
from django.test import RequestFactory

from nghiquyet.documents.services import document_update
from nghiquyet.feedback.services import comment_publish, comment_submit

pytestmark = pytest.mark.django_db

PANEL = Template("{% load feedback %}{% feedback_panel record %}")


def render_for_visitor(record) -> str:
    request = RequestFactory().get("/public/resolutions/12/")
    request.session = SessionStore()
    return PANEL.render(Context({"request": request, "record": record, "csrf_token": "t"}))


def test_a_public_resolution_gets_its_comments_form_rating_and_share_links(resolution, office):
    document_update(user=office, document=resolution, data={"is_public": True})
    comment = comment_submit(
        record=resolution, name="Trần Thị Hoa", text="Mong có báo cáo kết quả hằng năm."
    )
    comment_publish(user=office, comment=comment)
    html = render_for_visitor(resolution)
    assert "Mong có báo cáo kết quả hằng năm." in html
    assert "Bài viết có hữu ích không?" in html
    assert f"/feedback/{comment.content_type_id}/{resolution.pk}/comment/" in html
    assert 'name="next" value="/public/resolutions/12/"' in html
    assert "facebook.com/sharer/sharer.php?u=http%3A%2F%2Ftestserver%2Fpublic%2Fresolutions" in html


def test_a_record_that_is_not_public_gets_no_panel(resolution):
    assert render_for_visitor(resolution).strip() == ""
