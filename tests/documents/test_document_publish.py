"""The office publishes a document on the public portal from its page; drafts never go."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.documents.services import document_create

pytestmark = pytest.mark.django_db


def publish_url(document):
    return reverse("documents:publish", args=[document.pk])


def test_the_office_publishes_an_adopted_directive_with_the_button_and_history_records_it(
    client_for, office, directive
):
    client = client_for(office)
    page = client.get(reverse("documents:detail", args=[directive.pk])).content.decode()
    assert publish_url(directive) in page
    assert "Công bố trên cổng thông tin" in page
    response = client.post(publish_url(directive), {"publish": "1"}, follow=True)
    assert "Văn bản đã được công bố trên cổng thông tin công khai." in response.content.decode()
    directive.refresh_from_db()
    assert directive.is_public
    latest = directive.history.first()
    assert latest.is_public and latest.history_change_reason == "published"
    assert latest.history_user == office
    assert Client().get(reverse("documents:detail", args=[directive.pk])).status_code == 200


def test_the_office_takes_a_published_directive_off_the_portal(client_for, office, directive):
    client = client_for(office)
    client.post(publish_url(directive), {"publish": "1"})
    client.post(publish_url(directive), {"publish": "0"})
    directive.refresh_from_db()
    assert not directive.is_public
    reasons = [row.history_change_reason for row in directive.history.all()[:2]]
    assert reasons == ["unpublished", "published"]
    assert Client().get(reverse("documents:detail", args=[directive.pk])).status_code == 404


def test_a_draft_is_refused_in_vietnamese_and_stays_private(client_for, office, dongthap):
    draft = document_create(
        user=office,
        kind=DocumentKind.NGHI_QUYET,
        issuer=dongthap.bodies["bch"],
        title="Dự thảo Nghị quyết về phát triển kinh tế tập thể",
    )
    with translation.override("vi"):
        response = client_for(office).post(publish_url(draft), {"publish": "1"}, follow=True)
    assert "Dự thảo không thể công bố" in response.content.decode()
    draft.refresh_from_db()
    assert not draft.is_public and draft.status == Document.Status.DRAFT


@pytest.mark.parametrize("who", ["leader", "reporter", "outsider"])
def test_only_the_office_of_the_province_may_publish(who, client_for, directive, request):
    response = client_for(request.getfixturevalue(who)).post(
        publish_url(directive), {"publish": "1"}
    )
    assert response.status_code in (403, 404)
    directive.refresh_from_db()
    assert not directive.is_public
