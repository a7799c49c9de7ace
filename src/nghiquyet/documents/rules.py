"""Object permissions for the admin, delegated to the one access layer."""

from nghiquyet.documents.models import Attachment, Document, DocumentLink, DocumentVersion
from nghiquyet.orgs.access import register_model_permissions

for model in (Document, DocumentLink, DocumentVersion, Attachment):
    register_model_permissions(model)
