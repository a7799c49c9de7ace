"""Object permissions for the admin, delegated to the one access layer."""

from nghiquyet.orgs.access import register_model_permissions

from .models import AgendaItem, Comment, Conclusion, Draft, Meeting, Participant, Vote

for model in (Meeting, Participant, AgendaItem, Draft, Comment, Vote, Conclusion):
    register_model_permissions(model)
