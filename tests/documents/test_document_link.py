"""Links between documents: a provincial programme implements central Resolution 45."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from nghiquyet.documents.models import Document, DocumentLink
from nghiquyet.documents.selectors import document_links
from nghiquyet.documents.services import document_create, document_link, document_unlink

pytestmark = pytest.mark.django_db
IMPLEMENTS = DocumentLink.Kind.IMPLEMENTS


def test_a_programme_implements_a_directive_and_both_documents_show_it(
    office, leader, programme, directive
):
    document_link(user=office, source=programme, target=directive, kind=IMPLEMENTS)
    outgoing, _ = document_links(user=leader, document=programme)
    _, incoming = document_links(user=leader, document=directive)
    assert [(row.other, str(row.label)) for row in outgoing] == [(directive, "thực hiện")]
    assert [(row.other, str(row.label)) for row in incoming] == [(programme, "được thực hiện bởi")]


def test_the_leader_sees_a_programme_implementing_central_resolution_45_from_both_sides(
    admin_user, leader, programme, resolution_45
):
    document_link(user=admin_user, source=programme, target=resolution_45, kind=IMPLEMENTS)
    outgoing, _ = document_links(user=leader, document=programme)
    _, incoming = document_links(user=leader, document=resolution_45)
    assert [row.other for row in outgoing] == [resolution_45]
    assert [row.other for row in incoming] == [programme]


def test_the_office_links_its_programme_to_central_resolution_45(office, programme, resolution_45):
    document_link(user=office, source=programme, target=resolution_45, kind=IMPLEMENTS)


def test_another_provinces_private_document_is_not_listed_across_a_link(
    admin_user, outsider, laichau, programme, resolution_45
):
    document_link(user=admin_user, source=programme, target=resolution_45, kind=IMPLEMENTS)
    programme.is_public = False
    programme.save()
    _, incoming = document_links(user=outsider, document=resolution_45)
    assert incoming == []


def test_the_same_link_twice_or_both_ways_is_refused(office, programme, directive):
    document_link(user=office, source=programme, target=directive, kind=IMPLEMENTS)
    with pytest.raises(ValidationError):
        document_link(user=office, source=programme, target=directive, kind=IMPLEMENTS)
    with pytest.raises(ValidationError):
        document_link(user=office, source=directive, target=programme, kind=IMPLEMENTS)
    assert DocumentLink.objects.count() == 1


def test_a_document_is_not_linked_to_itself(office, programme):
    with pytest.raises(ValidationError):
        document_link(user=office, source=programme, target=programme, kind=IMPLEMENTS)


def test_a_province_cannot_replace_another_provinces_document(office, programme, laichau, outsider):
    theirs = document_create(
        user=outsider,
        kind="chi_thi",
        issuer=laichau.bodies["btv"],
        status=Document.Status.ADOPTED,
        is_public=True,
        title="Chỉ thị của Ban Thường vụ Tỉnh ủy Lai Châu",
    )
    with pytest.raises(ValidationError):
        document_link(user=office, source=programme, target=theirs, kind=DocumentLink.Kind.REPLACES)
    theirs.refresh_from_db()
    assert theirs.status == Document.Status.ADOPTED
    assert not DocumentLink.objects.exists()


@pytest.mark.parametrize("who", ["leader", "reporter", "outsider"])
def test_only_the_office_links_its_documents(who, programme, resolution_45, request):
    with pytest.raises(PermissionDenied):
        document_link(
            user=request.getfixturevalue(who),
            source=programme,
            target=resolution_45,
            kind=IMPLEMENTS,
        )


def test_an_outsider_cannot_link_to_a_private_document_it_cannot_see(outsider, laichau, directive):
    own = document_create(
        user=outsider, kind="ke_hoach", issuer=laichau.bodies["ubnd"], title="Kế hoạch"
    )
    with pytest.raises(PermissionDenied):
        document_link(user=outsider, source=own, target=directive, kind=IMPLEMENTS)


def test_a_link_entered_by_mistake_is_removed(office, programme, directive):
    link = document_link(user=office, source=programme, target=directive, kind=IMPLEMENTS)
    document_unlink(user=office, link=link)
    assert not DocumentLink.objects.exists()
