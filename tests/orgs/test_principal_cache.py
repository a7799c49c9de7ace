"""With a shared cache, who a user is for the access layer is read once, not on every
request, and forgotten as soon as a membership, a body or a place changes."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nghiquyet.orgs.access import principal_for
from nghiquyet.orgs.models import Membership
from nghiquyet.orgs.places import places_load

pytestmark = pytest.mark.django_db


def fresh(user):
    """The user as the next request loads it (nothing kept on the object)."""
    return get_user_model().objects.get(pk=user.pk)


def membership_queries(user) -> int:
    with CaptureQueriesContext(connection) as queries:
        principal_for(user)
    return sum("orgs_membership" in q["sql"] for q in queries.captured_queries)


def test_a_reporters_principal_is_read_once_across_requests(shared_cache, reporter, dongthap):
    first = principal_for(fresh(reporter))
    assert first.role == Membership.Role.REPORTER
    assert dongthap.province.pk in first.province_ids
    assert membership_queries(fresh(reporter)) == 0
    assert principal_for(fresh(reporter)) == first


def test_without_a_shared_cache_each_request_reads_the_membership(reporter):
    principal_for(fresh(reporter))
    assert membership_queries(fresh(reporter)) == 1


def test_a_changed_role_is_seen_by_the_next_request(
    shared_cache, reporter, django_capture_on_commit_callbacks
):
    assert principal_for(fresh(reporter)).role == Membership.Role.REPORTER
    membership = Membership.objects.get(user=reporter)
    membership.role = Membership.Role.LEADER
    with django_capture_on_commit_callbacks(execute=True):
        membership.save()
    assert principal_for(fresh(reporter)).role == Membership.Role.LEADER


def test_a_removed_membership_leaves_no_rights_behind(
    shared_cache, reporter, django_capture_on_commit_callbacks
):
    assert principal_for(fresh(reporter)).is_member
    with django_capture_on_commit_callbacks(execute=True):
        Membership.objects.get(user=reporter).delete()
    assert not principal_for(fresh(reporter)).is_member


def test_a_deactivated_account_is_anonymous_at_once(shared_cache, reporter):
    assert principal_for(fresh(reporter)).is_member
    get_user_model().objects.filter(pk=reporter.pk).update(is_active=False)
    assert not principal_for(fresh(reporter)).is_member


def test_reloading_the_places_forgets_the_kept_principals(
    shared_cache, reporter, django_capture_on_commit_callbacks
):
    principal_for(fresh(reporter))
    with django_capture_on_commit_callbacks(execute=True):
        places_load()
    assert membership_queries(fresh(reporter)) == 1
