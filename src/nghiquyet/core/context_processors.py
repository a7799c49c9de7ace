"""Template context every page needs: who is looking, in which role and province."""

from django.http import HttpRequest

from nghiquyet.orgs.access import principal_for


def principal(request: HttpRequest) -> dict:
    return {"principal": principal_for(getattr(request, "user", None))}
