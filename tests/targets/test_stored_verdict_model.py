"""A stored verdict keeps the core's numbers exactly and exists once per target and period."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from nghiquyet.targets.models import Verdict, VerdictStatus


def stored(target, period, **fields):
    fields.setdefault("status", VerdictStatus.NOT_ACHIEVED)
    fields.setdefault("rule_key", "gt.more_is_better.not_achieved")
    return Verdict.objects.create(
        target=target,
        document=target.document,
        period=period,
        computed_at=timezone.now(),
        **fields,
    )


def test_a_verdict_reads_back_its_figure_and_completion_to_the_last_digit(revenue):
    # A growth computed from levels carries many digits, and a completion keeps the
    # decimals that stop it reading 100% for a target missed by a hair.
    figure = Decimal("8.333333333333333333333333333")
    completion = Decimal("99.9990")
    stored(revenue, "2024", figure=figure, completion=completion)
    row = Verdict.objects.get(target=revenue, period="2024")
    assert (row.figure, str(row.completion), row.progress) == (figure, "99.9990", None)


def test_a_target_has_one_verdict_per_period(revenue):
    stored(revenue, "2024")
    stored(revenue, "2024-H1", status=VerdictStatus.IN_PROGRESS, rule_key="no_data.none")
    with pytest.raises(IntegrityError), transaction.atomic():
        stored(revenue, "2024")
    assert Verdict.objects.filter(target=revenue).count() == 2
