"""How the API reads what clients send: JSON numbers exactly, figures as people write them.

Python's JSON reader turns 1234567890123456.1234 into a float and loses digits before
any check could see them; :class:`ExactParser` reads every JSON number with a
fraction as a Decimal instead. :data:`FigureIn` lets a figure arrive as a number or
as text ("8,5"), and leaves reading and checking it to the services, which refuse
NaN, infinities, figures too large and decimals that would be lost with the
project's 400 refusal, the same words as on the pages.
"""

import json
from decimal import Decimal
from typing import Annotated, Any

from django.http import HttpRequest
from ninja.parser import Parser
from pydantic import WithJsonSchema

from nghiquyet.core.validation import TEXT_RULE


class ExactParser(Parser):
    """JSON bodies with exact decimal numbers (and NaN/Infinity left for the services to refuse)."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        return json.loads(request.body, parse_float=Decimal)


FigureIn = Annotated[
    Decimal | int | float | str,
    WithJsonSchema(
        {"anyOf": [{"type": "number"}, {"type": "string"}], "description": TEXT_RULE},
    ),
]

#: The same, where the figure may be left out (a milestone's stage, a partial update).
OptionalFigureIn = Annotated[
    Decimal | int | float | str | None,
    WithJsonSchema(
        {
            "anyOf": [{"type": "number"}, {"type": "string"}, {"type": "null"}],
            "description": TEXT_RULE,
        },
    ),
]
