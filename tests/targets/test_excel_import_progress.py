"""A large import tells how far it is in every step, saving included.

The background import's page draws its bar from these reports: a bar that stood
still while a hundred thousand rows were saved looked like a hung import.
"""

import gc

import pytest

from nghiquyet.core.gc_hold import HELD
from nghiquyet.targets.excel_import import targets_import_xlsx
from nghiquyet.targets.models import Actual, Target

from .test_excel_import import workbook

pytestmark = pytest.mark.django_db

COMMUNES = 1200


def communes() -> bytes:
    """Poverty rates of 1,200 communes, each with a half-year estimate and a year figure."""
    return workbook(
        [
            [n, f"Tỷ lệ hộ nghèo xã số {n}", "%", "dưới 1,5", "Năm 2024", "1,8 (ước)", "1,4"]
            for n in range(1, COMMUNES + 1)
        ]
    )


def test_the_progress_moves_while_the_rows_are_saved_not_only_at_the_end(office, resolution):
    heard = []

    def progress(stage: str, rows: int) -> None:
        saved = Target.objects.filter(document=resolution).count()
        heard.append((stage, rows, saved))

    report = targets_import_xlsx(
        user=office, document=resolution, file=communes(), progress=progress
    )
    assert report.ok, report.errors[:3]
    stages = [stage for stage, _rows, _saved in heard]
    assert stages[0] == "read" and "checked" in stages and stages[-1] == "saved"
    saving = [(rows, saved) for stage, rows, saved in heard if stage == "saving"]
    assert len(saving) >= 3
    assert [rows for rows, _saved in saving] == sorted(rows for rows, _saved in saving)
    assert saving[-1][0] == COMMUNES
    # The first report comes between two inserts: some targets are saved, not all.
    assert 0 < saving[0][1] < COMMUNES
    assert 0 < saving[0][0] < COMMUNES
    assert stages.index("saving") > len(stages) - 1 - stages[::-1].index("checked")
    assert Actual.objects.filter(target__document=resolution).count() == 2 * COMMUNES


def test_a_refused_sheet_reports_no_saving(office, resolution):
    heard = []
    content = workbook(
        [
            [1, "Tỷ lệ hộ nghèo xã số 1", "%", "dưới 1,5", "Năm 2024", "1,8 (ước)", "1,4"],
            [2, "Tỷ lệ hộ nghèo xã số 2", "%", "dưới 1,5", "Năm 2030", None, "1,4"],
        ]
    )
    report = targets_import_xlsx(
        user=office,
        document=resolution,
        file=content,
        progress=lambda stage, rows: heard.append(stage),
    )
    assert [error.row for error in report.errors] == [4]
    assert "saving" not in heard and "saved" not in heard
    assert not Target.objects.filter(document=resolution).exists()


def test_full_collections_wait_while_the_rows_are_read_and_saved(office, resolution):
    before = gc.get_threshold()
    heard = set()

    def progress(stage: str, rows: int) -> None:
        heard.add((stage, gc.get_threshold()[2]))

    report = targets_import_xlsx(
        user=office, document=resolution, file=communes(), progress=progress
    )
    assert report.ok, report.errors[:3]
    assert {stage for stage, _full in heard} >= {"read", "checked", "saving", "saved"}
    assert {full for _stage, full in heard} == {HELD}
    assert gc.get_threshold() == before
