"""How the API refuses bad input: 400 with the message and the errors per field."""

from django.core.exceptions import ValidationError
from ninja import Schema
from ninja.responses import Status


class Refusal(Schema):
    detail: str
    errors: dict[str, list[str]]


def refusal(error: ValidationError) -> Status:
    """The 400 answer for a service's ValidationError, in the user's language."""
    errors = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
    return Status(400, {"detail": " ".join(error.messages), "errors": errors})
