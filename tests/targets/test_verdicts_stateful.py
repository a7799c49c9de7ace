"""Random sequences of the services never leave a stored verdict stale.

A hypothesis state machine creates targets, sends, approves, returns and corrects
figures, edits, deletes and restores targets, turns indicators around and locks
periods, all through the services as pages and the API do. After every step the
stored verdicts of the resolution (with each line's pace and trend, and the periods
offered) equal a fresh judgement of every target at every period its dashboard
offers, and the dashboard reads what each target's own page shows.
"""

import contextlib
import datetime as dt
import itertools

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    rule,
    run_state_machine_as_test,
)

from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.evaluation import Status
from nghiquyet.targets import services
from nghiquyet.targets.dashboard import dashboard_periods, target_row, target_verdicts
from nghiquyet.targets.dashboard_table import dashboard_rows
from nghiquyet.targets.models import Actual, Direction, Horizon, Kind, Sector, Target
from nghiquyet.targets.verdicts import verdict_periods, verdicts_difference

pytestmark = pytest.mark.django_db

#: Each kind with the periods its targets are set for and the periods figures come in.
SHAPES = {
    "year": ("2024", Horizon.PERIOD, ["2024", "2024-H1", "2024-Q3", "2024-9M"]),
    "term": ("2020/2025", Horizon.PERIOD, ["2021", "2022", "2023-H1", "2023", "2020/2025"]),
    "per_year": ("2020/2025", Horizon.PER_YEAR, ["2021", "2022", "2023", "2024-H1"]),
}
KINDS = [Kind.LEVEL, Kind.SHARE, Kind.CUMULATIVE, Kind.GROWTH, Kind.REDUCTION]
values = st.integers(min_value=1, max_value=400).map(str)


def test_random_operations_never_leave_a_stale_verdict(dongthap, office, reporter):
    numbers = itertools.count(1)
    owner = dongthap.bodies["so_tai_chinh"]

    class Operations(RuleBasedStateMachine):
        targets = Bundle("targets")
        deleted = Bundle("deleted")

        def __init__(self):
            super().__init__()
            self.document = Document.objects.create(
                kind=DocumentKind.NGHI_QUYET,
                issuer=dongthap.bodies["tinh_uy"],
                province=dongthap.province,
                title=f"Nghị quyết thử số {next(numbers)}",
                status=Document.Status.ADOPTED,
            )

        @rule(
            target=targets,
            shape=st.sampled_from(sorted(SHAPES)),
            kind=st.sampled_from(KINDS),
            value=values,
            comparator=st.sampled_from([">=", ">", "<=", "~"]),
            with_base=st.booleans(),
        )
        def create_target(self, shape, kind, value, comparator, with_base):
            period, horizon, _figures = SHAPES[shape]
            indicator = services.indicator_create(
                user=office,
                name=f"Chỉ tiêu thử {next(numbers)}",
                unit="%" if kind == Kind.SHARE else "tỷ đồng",
                kind=kind,
                sector=Sector.ECONOMY,
                province=dongthap.province,
            )
            base = with_base and kind in (Kind.GROWTH, Kind.REDUCTION, Kind.LEVEL)
            return services.target_create(
                user=office,
                document=self.document,
                indicator=indicator,
                comparator=comparator,
                value=value,
                period=period,
                horizon=horizon,
                base_year=2019 if base else None,
                base_value="100" if base else None,
                owner=owner,
            )

        @rule(chosen=targets, data=st.data(), value=values, estimate=st.booleans())
        def send_figure(self, chosen, data, value, estimate):
            """The agency sends a figure (a correction, when one is approved already)."""
            period = data.draw(st.sampled_from(SHAPES[_shape(chosen)][2]))
            # Refused when one is open for the period already, or the period is locked.
            with contextlib.suppress(ValidationError):
                services.actual_create(
                    user=reporter,
                    target=chosen,
                    period=period,
                    value=value,
                    is_estimate=estimate,
                    submit=True,
                )

        @rule(chosen=targets, data=st.data())
        def decide(self, chosen, data):
            """The office approves or returns a figure waiting for it."""
            waiting = list(chosen.actuals.filter(status=Actual.Status.SUBMITTED))
            if not waiting:
                return
            actual = data.draw(st.sampled_from(waiting))
            if data.draw(st.booleans()):
                services.actual_approve(user=office, actual=actual)
            else:
                services.actual_return(user=office, actual=actual, reason="Số liệu chưa khớp.")

        @rule(chosen=targets, value=values)
        def office_enters_and_approves(self, chosen, value):
            period = SHAPES[_shape(chosen)][2][0]
            try:
                actual = services.actual_create(
                    user=office, target=chosen, period=period, value=value
                )
            except ValidationError:
                return
            services.actual_approve(user=office, actual=actual)

        @rule(chosen=targets, value=values)
        def edit_value(self, chosen, value):
            services.target_update(user=office, target=chosen, value=value)
            chosen.refresh_from_db()

        @rule(chosen=targets)
        def turn_indicator_around(self, chosen):
            chosen.indicator.refresh_from_db()
            flipped = (
                Direction.LESS_IS_BETTER
                if chosen.indicator.direction == Direction.MORE_IS_BETTER
                else Direction.MORE_IS_BETTER
            )
            services.indicator_update(user=office, indicator=chosen.indicator, direction=flipped)

        @rule(target=deleted, victim=consumes(targets))
        def delete_target(self, victim):
            services.target_delete(user=office, target=victim)
            return victim

        @rule(target=targets, victim=consumes(deleted))
        def restore_target(self, victim):
            return services.target_restore(user=office, target=Target.all_objects.get(pk=victim.pk))

        @rule(period=st.sampled_from(["2024", "2024-H1", "2022"]), past=st.booleans())
        def lock_period(self, period, past):
            deadline = dt.date(2020, 1, 1) if past else dt.date(2030, 1, 1)
            services.period_lock_set(
                user=office, province=dongthap.province, period=period, deadline=deadline
            )

        @invariant()
        def stored_verdicts_equal_a_fresh_judgement(self):
            difference = verdicts_difference(document=self.document)
            assert not difference, difference

        @invariant()
        def the_dashboard_reads_what_a_targets_own_page_shows(self):
            # In the resolution's order (position, then creation): a target created while
            # another was deleted can share its position with it once it is restored.
            live = {
                t.pk: t
                for t in Target.objects.filter(document=self.document).order_by("position", "pk")
            }
            periods = verdict_periods(document=self.document)
            assert dashboard_periods(document=self.document, with_reviews=True)[0] == periods
            for period in periods:
                read = target_verdicts(user=office, document=self.document, period=period)
                assert [v.target_id for v in read] == list(live)
                lines = dashboard_rows(
                    user=office, document=self.document, period=period, verdicts=read
                )
                for verdict, line in zip(read, lines, strict=True):
                    row = target_row(live[verdict.target_id], period)
                    assert verdict.judgement == row.judgement, (period, verdict)
                    assert verdict.status in Status
                    assert line.pace == (row.trajectory.pace if row.trajectory else None)
                    assert line.trend == row.trend, (period, verdict)

    run_state_machine_as_test(
        Operations,
        settings=settings(
            max_examples=12,
            stateful_step_count=15,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )


def _shape(target) -> str:
    if target.period == "2024":
        return "year"
    return "per_year" if target.horizon == Horizon.PER_YEAR else "term"
