"""A visitor's comment is held; the province office publishes it or hides it with a
reason; only published comments appear, and every step stays in the history."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from nghiquyet.feedback import services
from nghiquyet.feedback.models import PublicComment
from public_records import comment_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("captcha_test_mode")]


def post_comment(article, **changes):
    from django.contrib.contenttypes.models import ContentType

    ct = ContentType.objects.get_for_model(article).pk
    return Client().post(
        f"/feedback/{ct}/{article.pk}/comment/",
        comment_data(next=article.get_absolute_url(), **changes),
    )


def test_a_comment_is_held_and_not_shown_until_the_office_publishes_it(article, office, client_for):
    response = post_comment(article)
    assert response.status_code == 302
    assert response.url == f"{article.get_absolute_url()}#feedback"
    comment = PublicComment.objects.get()
    assert comment.status == PublicComment.Status.HELD
    assert comment.province == article.province
    text = comment.text
    assert text not in Client().get(article.get_absolute_url()).content.decode()

    office_client = client_for(office)
    queue = office_client.get("/feedback/moderation/").content.decode()
    assert text in queue and "binh.nguyen@example.vn" in queue
    office_client.post(f"/feedback/moderation/{comment.pk}/", {"action": "publish"})

    page = Client().get(article.get_absolute_url()).content.decode()
    assert text in page and "Nguyễn Văn Bình" in page
    assert "binh.nguyen@example.vn" not in page
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by) == (PublicComment.Status.PUBLISHED, office)
    statuses = [h.status for h in comment.history.order_by("history_date")]
    assert statuses == ["held", "published"]


def test_the_office_hides_a_comment_with_a_reason_even_after_publishing_it(
    article, office, client_for
):
    post_comment(article, text="Nội dung quảng cáo không liên quan đến nghị quyết.")
    comment = PublicComment.objects.get()
    services.comment_publish(user=office, comment=comment)
    office_client = client_for(office)

    office_client.post(f"/feedback/moderation/{comment.pk}/", {"action": "hide", "reason": " "})
    comment.refresh_from_db()
    assert comment.status == PublicComment.Status.PUBLISHED

    office_client.post(
        f"/feedback/moderation/{comment.pk}/", {"action": "hide", "reason": "Quảng cáo"}
    )
    comment.refresh_from_db()
    assert (comment.status, comment.hide_reason) == (PublicComment.Status.HIDDEN, "Quảng cáo")
    assert comment.text not in Client().get(article.get_absolute_url()).content.decode()
    hidden_tab = office_client.get("/feedback/moderation/?status=hidden").content.decode()
    assert "Quảng cáo" in hidden_tab
    assert [h.status for h in comment.history.order_by("history_date")] == [
        "held",
        "published",
        "hidden",
    ]


def test_hiding_without_a_reason_is_refused(article, office):
    post_comment(article)
    comment = PublicComment.objects.get()
    with pytest.raises(ValidationError):
        services.comment_hide(user=office, comment=comment, reason="")
    comment.refresh_from_db()
    assert comment.status == PublicComment.Status.HELD


@pytest.mark.parametrize("persona", ["reporter", "leader"])
def test_only_the_office_moderates(article, request, persona, client_for):
    post_comment(article)
    comment = PublicComment.objects.get()
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        services.comment_publish(user=user, comment=comment)
    client = client_for(user)
    assert client.get("/feedback/moderation/").status_code == 403
    assert (
        client.post(f"/feedback/moderation/{comment.pk}/", {"action": "publish"}).status_code == 403
    )


def test_another_provinces_office_neither_sees_nor_moderates_the_comment(
    article, outsider, client_for
):
    post_comment(article)
    comment = PublicComment.objects.get()
    client = client_for(outsider)
    assert comment.text not in client.get("/feedback/moderation/").content.decode()
    response = client.post(f"/feedback/moderation/{comment.pk}/", {"action": "publish"})
    assert response.status_code == 404


def test_a_comment_without_a_name_is_refused_in_vietnamese_and_nothing_is_saved(article):
    response = post_comment(article, name="  ")
    assert response.status_code == 400
    assert "Trường này là bắt buộc" in response.content.decode()
    assert not PublicComment.objects.exists()


def test_nobody_comments_on_a_record_that_is_not_public(dongthap, resolution):
    from django.contrib.contenttypes.models import ContentType

    from public_records import news_item_of

    draft = news_item_of(dongthap)
    for record in (draft, resolution):
        ct = ContentType.objects.get_for_model(record).pk
        response = Client().post(f"/feedback/{ct}/{record.pk}/comment/", comment_data())
        assert response.status_code == 404
    assert not PublicComment.objects.exists()


def test_a_public_resolution_takes_comments_too(resolution, office):
    from nghiquyet.documents.services import document_update

    document_update(user=office, document=resolution, data={"is_public": True})
    comment = services.comment_submit(
        record=resolution, name="Trần Thị Hoa", text="Nghị quyết rất thiết thực."
    )
    assert comment.record == resolution
    assert comment.province == resolution.province
