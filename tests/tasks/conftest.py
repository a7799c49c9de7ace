"""A resolution of Đồng Tháp that assigns tasks, and a helper to assign them as the office."""

import datetime as dt

import pytest

from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.tasks import services
from nghiquyet.tasks.models import TaskGroup


@pytest.fixture
def resolution(dongthap):
    """The 2024 resolution that the conference of seed 001 adopted, as Đồng Tháp's document."""
    return Document.objects.create(
        kind=DocumentKind.NGHI_QUYET,
        number="25",
        symbol="25-NQ/TU",
        issuer=dongthap.bodies["bch"],
        province=dongthap.province,
        term=dongthap.term,
        issued_on=dt.date(2024, 1, 4),
        title="Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội năm 2024",
        status=Document.Status.ADOPTED,
    )


@pytest.fixture
def focus_group(resolution, office):
    return services.task_group_create(
        user=office,
        document=resolution,
        name="6 nhiệm vụ trọng tâm",
        kind=TaskGroup.Kind.FOCUS,
    )


@pytest.fixture
def assign(dongthap, office, resolution, focus_group):
    """Assign a task as the office: ``assign("so_tai_chinh", deadline=..., start_on=...)``."""

    def make(
        lead="so_tai_chinh", *, title="Tăng thu ngân sách", start_on=dt.date(2024, 1, 10), **kw
    ):
        for key in ("supervisor",):
            if isinstance(kw.get(key), str):
                kw[key] = dongthap.bodies[kw[key]]
        kw["coordinators"] = [dongthap.bodies[k] for k in kw.get("coordinators", [])]
        kw.setdefault("user", office)
        kw.setdefault("group", focus_group)
        return services.task_create(
            title=title, lead=dongthap.bodies[lead], start_on=start_on, **kw
        )

    return make
