"""Demo tasks: the 2024 resolution's key tasks (seed 001) and the quarter II task groups
(seed 004), with progress, coordination and checks that show each of the "4 không".

Read the "4 không" page for quý II/2024 (as of 30/6/2024):

1. no initiative: every agency but Sở Tài chính and Sở Nông nghiệp, which proposed tasks;
2. late: forest-fire prevention done 10 days late, business support not done by its
   deadline; the education task is on time because its deadline was moved first;
3. coordination: Sở Công Thương answered 7 days late and left another request
   unanswered, Sở Nội vụ never answered; a request to Sở Tài chính was answered on
   time by Sở Nội vụ instead;
4. supervision: the Front's task had no progress report since February; two tasks
   supervised by Ban Nội chính were never checked.

Sở Tài chính (the reporter persona's agency) shows none of the four.

Dates and years are written for 2024 and moved to the day of loading by
:mod:`nghiquyet.core.demo_calendar`. Everything goes through the services, as the
office and the finance reporter would do it. The figures are plausible, not official.
Loading twice changes nothing: the tasks of a document are loaded only if it has none.
"""

import datetime as dt
from dataclasses import dataclass, field

from nghiquyet.core.demo_calendar import demo_calendar
from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.documents.services import document_create
from nghiquyet.orgs.personas import ProvinceSetup
from nghiquyet.tasks import services
from nghiquyet.tasks.models import Check, Task, TaskGroup

RESOLUTION_SYMBOL = "35-NQ/TU"
RESOLUTION_TITLE = (
    "Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh "
    "và xây dựng hệ thống chính trị năm 2024"
)
QUARTER_TITLE = (
    "Kết luận Hội nghị Ban Chấp hành Đảng bộ tỉnh về tình hình thực hiện nhiệm vụ quý I "
    "và 7 nhóm nhiệm vụ chủ yếu trong quý II năm 2024"
)
d = dt.date


@dataclass(frozen=True)
class DemoTask:
    title: str
    lead: str
    start_on: dt.date
    deadline: dt.date | None
    coordinators: tuple[str, ...] = ()
    supervisor: str = ""
    recurrence: str = ""
    origin: str = Task.Origin.ASSIGNED
    expected_output: str = ""
    #: (day, percent, blocked) progress updates, in order.
    progress: tuple[tuple[dt.date, int, bool], ...] = ()
    checks: tuple[dt.date, ...] = ()
    #: (decided after this many updates, new deadline, reason)
    moved: tuple[int, dt.date, str] | None = None
    subtasks: tuple["DemoTask", ...] = field(default=())


FOCUS = [
    DemoTask(
        "Tập trung thu hút đầu tư, phát triển doanh nghiệp, khởi nghiệp và hỗ trợ doanh "
        "nghiệp, nhà đầu tư triển khai dự án, sản xuất kinh doanh",
        "so_tai_chinh",
        d(2024, 1, 15),
        d(2024, 12, 31),
        coordinators=("so_cong_thuong", "so_nong_nghiep"),
        supervisor="ubkt",
        expected_output="Kế hoạch xúc tiến đầu tư năm 2024; báo cáo kết quả hỗ trợ doanh nghiệp",
        progress=(
            (d(2024, 2, 20), 15, False),
            (d(2024, 3, 25), 30, False),
            (d(2024, 4, 24), 40, False),
            (d(2024, 5, 24), 50, False),
            (d(2024, 6, 22), 60, False),
        ),
        checks=(d(2024, 3, 12), d(2024, 6, 5)),
        subtasks=(
            DemoTask(
                "Báo cáo hằng tháng tình hình hỗ trợ doanh nghiệp, nhà đầu tư",
                "so_tai_chinh",
                d(2024, 4, 1),
                d(2024, 12, 31),
                recurrence=Task.Recurrence.MONTHLY,
                progress=(
                    (d(2024, 4, 29), 25, False),
                    (d(2024, 5, 30), 40, False),
                    (d(2024, 6, 27), 50, False),
                ),
            ),
        ),
    ),
    DemoTask(
        "Thực hiện nhiệm vụ tái cơ cấu kinh tế nông nghiệp; sản xuất bền vững, ứng dụng tiến "
        "bộ khoa học, kỹ thuật, sản xuất liên kết, tạo ra nhiều sản phẩm nông nghiệp chủ lực",
        "so_nong_nghiep",
        d(2024, 1, 15),
        d(2024, 12, 31),
        coordinators=("so_cong_thuong",),
        supervisor="ubkt",
        progress=(
            (d(2024, 2, 28), 20, False),
            (d(2024, 3, 28), 30, False),
            (d(2024, 4, 26), 40, False),
            (d(2024, 5, 25), 50, False),
            (d(2024, 6, 24), 55, False),
        ),
        checks=(d(2024, 4, 10),),
    ),
    DemoTask(
        "Tăng cường công tác cải cách hành chính, nâng cao chất lượng đội ngũ cán bộ, công chức",
        "so_noi_vu",
        d(2024, 1, 15),
        d(2024, 12, 31),
        supervisor="ban_noi_chinh",
        progress=(
            (d(2024, 2, 26), 20, False),
            (d(2024, 3, 27), 30, False),
            (d(2024, 4, 25), 40, False),
            (d(2024, 5, 24), 45, False),
            (d(2024, 6, 24), 50, False),
        ),
    ),
    DemoTask(
        "Tiếp tục chăm lo phát triển toàn diện văn hóa - xã hội, phát triển nguồn nhân lực",
        "so_giao_duc",
        d(2024, 1, 15),
        d(2024, 5, 31),
        supervisor="ubkt",
        progress=(
            (d(2024, 2, 27), 30, False),
            (d(2024, 3, 26), 50, False),
            (d(2024, 4, 25), 70, False),
            (d(2024, 5, 22), 85, False),
            (d(2024, 6, 20), 100, False),
        ),
        checks=(d(2024, 3, 20), d(2024, 6, 12)),
        moved=(3, d(2024, 6, 30), "Kết luận của Thường trực Tỉnh ủy cho gia hạn đến 30/6/2024"),
    ),
    DemoTask(
        "Đổi mới và nâng cao chất lượng hoạt động, vai trò của Mặt trận Tổ quốc và các tổ "
        "chức chính trị - xã hội các cấp",
        "mttq",
        d(2024, 1, 15),
        d(2024, 12, 31),
        supervisor="ubkt",
        progress=((d(2024, 2, 20), 20, False),),
        checks=(d(2024, 3, 15), d(2024, 5, 30)),
    ),
    DemoTask(
        "Tăng cường công tác xây dựng Đảng, xây dựng hệ thống chính trị trong sạch, vững mạnh; "
        "thực hiện nghiêm túc các quy định của Đảng, Nhà nước về công tác cán bộ",
        "ban_to_chuc",
        d(2024, 1, 15),
        d(2024, 12, 31),
        supervisor="ubkt",
        progress=(
            (d(2024, 2, 26), 20, False),
            (d(2024, 3, 28), 30, False),
            (d(2024, 4, 26), 40, False),
            (d(2024, 5, 27), 50, False),
            (d(2024, 6, 27), 55, False),
        ),
        checks=(d(2024, 4, 2),),
    ),
]

BREAKTHROUGH = [
    DemoTask(
        "Đẩy mạnh phát triển Chính quyền số",
        "so_noi_vu",
        d(2024, 1, 15),
        d(2024, 12, 31),
        coordinators=("so_tai_chinh",),
        supervisor="ban_noi_chinh",
        progress=(
            (d(2024, 2, 22), 15, False),
            (d(2024, 3, 22), 25, False),
            (d(2024, 4, 22), 35, False),
            (d(2024, 5, 22), 40, True),
            (d(2024, 6, 21), 40, True),
        ),
    ),
    DemoTask(
        "Cải thiện môi trường đầu tư, kinh doanh; nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh",
        "so_tai_chinh",
        d(2024, 1, 15),
        d(2024, 12, 31),
        coordinators=("so_noi_vu",),
        supervisor="ubkt",
        progress=(
            (d(2024, 2, 21), 20, False),
            (d(2024, 3, 21), 30, False),
            (d(2024, 4, 19), 40, False),
            (d(2024, 5, 20), 50, False),
            (d(2024, 6, 19), 60, False),
        ),
        checks=(d(2024, 3, 28), d(2024, 6, 18)),
    ),
    DemoTask(
        "Tập trung nghiên cứu, ứng dụng thành tựu khoa học kỹ thuật tạo đột phá phát triển "
        "kinh tế - xã hội",
        "ubnd",
        d(2024, 1, 15),
        d(2024, 12, 31),
        coordinators=("so_nong_nghiep", "so_giao_duc"),
        supervisor="ubkt",
        progress=(
            (d(2024, 2, 29), 10, False),
            (d(2024, 3, 29), 20, False),
            (d(2024, 4, 29), 30, False),
            (d(2024, 5, 30), 40, False),
            (d(2024, 6, 28), 45, False),
        ),
        checks=(d(2024, 4, 12),),
    ),
]

QUARTER_II = [
    DemoTask(
        "Lãnh đạo, chỉ đạo tổ chức tốt việc nghiên cứu, quán triệt, học tập, tuyên truyền các "
        "nghị quyết chuyên đề, đề án, kết luận của Ban Chấp hành, Ban Thường vụ Tỉnh ủy",
        "ban_tuyen_giao",
        d(2024, 4, 1),
        d(2024, 6, 30),
        supervisor="ubkt",
        progress=(
            (d(2024, 4, 25), 40, False),
            (d(2024, 5, 24), 70, False),
            (d(2024, 6, 24), 100, False),
        ),
        checks=(d(2024, 5, 15),),
    ),
    DemoTask(
        "Tiếp tục xây dựng các nghị quyết chuyên đề, đề án của Tỉnh ủy đảm bảo tiến độ theo "
        "Chương trình hành động thực hiện Nghị quyết Đại hội",
        "van_phong",
        d(2024, 4, 1),
        d(2024, 6, 30),
        coordinators=("ban_to_chuc",),
        supervisor="ubkt",
        progress=(
            (d(2024, 4, 26), 30, False),
            (d(2024, 5, 27), 60, False),
            (d(2024, 6, 26), 90, False),
        ),
        checks=(d(2024, 5, 20),),
    ),
    DemoTask(
        "Tăng cường các giải pháp thúc đẩy kinh tế - xã hội phát triển gắn với phòng, chống "
        "hiệu quả dịch bệnh trong điều kiện mới",
        "so_y_te",
        d(2024, 4, 1),
        d(2024, 6, 30),
        coordinators=("so_tai_chinh",),
        supervisor="ubkt",
        progress=(
            (d(2024, 4, 24), 35, False),
            (d(2024, 5, 23), 70, False),
            (d(2024, 6, 21), 100, False),
        ),
        checks=(d(2024, 6, 3),),
    ),
    DemoTask(
        "Hỗ trợ tạo điều kiện cho doanh nghiệp, nhà đầu tư khôi phục phát triển sản xuất kinh "
        "doanh; tháo gỡ khó khăn, vướng mắc để đẩy nhanh tiến độ triển khai các dự án",
        "so_cong_thuong",
        d(2024, 4, 1),
        d(2024, 6, 20),
        coordinators=("so_tai_chinh",),
        supervisor="ban_noi_chinh",
        progress=(
            (d(2024, 4, 26), 30, False),
            (d(2024, 5, 26), 50, False),
            (d(2024, 6, 18), 60, True),
        ),
    ),
    DemoTask(
        "Tích cực triển khai các biện pháp phòng cháy, chữa cháy rừng trong thời gian còn lại "
        "của mùa khô",
        "so_nong_nghiep",
        d(2024, 4, 1),
        d(2024, 5, 31),
        coordinators=("cong_an",),
        supervisor="ubkt",
        progress=(
            (d(2024, 4, 20), 50, False),
            (d(2024, 5, 20), 80, False),
            (d(2024, 6, 10), 100, False),
        ),
        checks=(d(2024, 5, 8),),
    ),
    DemoTask(
        "Chủ động dự báo tình hình thiên tai, mưa lũ để có các phương án phòng, chống hiệu quả",
        "so_nong_nghiep",
        d(2024, 4, 1),
        d(2024, 12, 31),
        supervisor="ubkt",
        origin=Task.Origin.PROPOSED,
        progress=(
            (d(2024, 4, 28), 30, False),
            (d(2024, 5, 29), 45, False),
            (d(2024, 6, 27), 60, False),
        ),
        checks=(d(2024, 6, 14),),
    ),
    DemoTask(
        "Triển khai đồng bộ các biện pháp đảm bảo an ninh chính trị, trật tự an toàn xã hội "
        "trên địa bàn",
        "cong_an",
        d(2024, 4, 1),
        d(2024, 6, 30),
        coordinators=("mttq",),
        supervisor="ban_noi_chinh",
        progress=(
            (d(2024, 4, 29), 40, False),
            (d(2024, 5, 30), 75, False),
            (d(2024, 6, 28), 100, False),
        ),
    ),
]

PROPOSED = DemoTask(
    "Số hóa hồ sơ quyết toán ngân sách cấp xã",
    "so_tai_chinh",
    d(2024, 3, 1),
    d(2024, 10, 31),
    supervisor="ubkt",
    origin=Task.Origin.PROPOSED,
    expected_output="100% hồ sơ quyết toán năm 2023 của cấp xã được số hóa",
    progress=(
        (d(2024, 3, 28), 20, False),
        (d(2024, 4, 26), 35, False),
        (d(2024, 5, 25), 50, False),
        (d(2024, 6, 24), 65, False),
    ),
    checks=(d(2024, 5, 10),),
)

#: (task title prefix, from lead to, requested, due, answered on, answered by, subject)
REQUESTS = [
    (
        "Tập trung thu hút đầu tư",
        "so_cong_thuong",
        d(2024, 4, 5),
        d(2024, 4, 15),
        d(2024, 4, 22),
        "",
        "Cung cấp danh mục dự án kêu gọi đầu tư ngành công thương năm 2024",
    ),
    (
        "Tập trung thu hút đầu tư",
        "so_nong_nghiep",
        d(2024, 5, 6),
        d(2024, 5, 16),
        d(2024, 5, 14),
        "",
        "Cung cấp danh sách doanh nghiệp nông nghiệp cần hỗ trợ tháo gỡ",
    ),
    (
        "Tích cực triển khai các biện pháp phòng cháy",
        "cong_an",
        d(2024, 4, 8),
        d(2024, 4, 18),
        d(2024, 4, 17),
        "",
        "Phối hợp kiểm tra phương án chữa cháy rừng tại các vườn quốc gia",
    ),
    (
        "Cải thiện môi trường đầu tư",
        "so_noi_vu",
        d(2024, 5, 2),
        d(2024, 5, 12),
        None,
        "",
        "Góp ý dự thảo kế hoạch nâng cao Chỉ số cải cách hành chính",
    ),
    (
        "Tăng cường các giải pháp thúc đẩy",
        "so_tai_chinh",
        d(2024, 5, 6),
        d(2024, 5, 20),
        d(2024, 5, 17),
        "so_noi_vu",
        "Bố trí kinh phí tập huấn phòng, chống dịch cho cán bộ y tế cơ sở",
    ),
    (
        "Thực hiện nhiệm vụ tái cơ cấu",
        "so_cong_thuong",
        d(2024, 6, 3),
        d(2024, 6, 13),
        None,
        "",
        "Cung cấp số liệu xuất khẩu nông sản chủ lực 5 tháng đầu năm",
    ),
]


def load(setup: ProvinceSetup) -> None:
    """The task groups of the 2024 resolution and of quarter II, with their records."""
    _give_demo_users_addresses(setup)
    cal = demo_calendar()
    resolution = _document(
        setup,
        cal.text(RESOLUTION_TITLE),
        RESOLUTION_SYMBOL,
        DocumentKind.NGHI_QUYET,
        cal.on(d(2024, 1, 4)),
    )
    quarter = _document(
        setup, cal.text(QUARTER_TITLE), "", DocumentKind.KET_LUAN, cal.on(d(2024, 4, 3))
    )
    if Task.objects.filter(document__in=[resolution, quarter]).exists():
        return
    tasks: dict[str, Task] = {}
    for document, name, kind, specs in (
        (resolution, "6 nhiệm vụ trọng tâm", TaskGroup.Kind.FOCUS, FOCUS),
        (resolution, "3 nhiệm vụ đột phá", TaskGroup.Kind.BREAKTHROUGH, BREAKTHROUGH),
        (quarter, "7 nhóm nhiệm vụ chủ yếu trong quý II", TaskGroup.Kind.MAIN, QUARTER_II),
    ):
        group = services.task_group_create(
            user=setup.office,
            document=document,
            name=name,
            kind=kind,
            position=TaskGroup.objects.filter(document=document).count() + 1,
        )
        for number, spec in enumerate(specs, start=1):
            tasks[spec.title] = _task(setup, spec, code=str(number), group=group)
    _task(setup, PROPOSED, code="", group=None, document=resolution)
    for prefix, body, requested_on, due_on, answered_on, answered_by, subject in REQUESTS:
        task = next(t for title, t in tasks.items() if title.startswith(prefix))
        request = services.coordination_request_create(
            user=setup.office,
            task=task,
            requested_body=setup.bodies[body],
            subject=cal.text(subject),
            requested_on=cal.on(requested_on),
            due_on=cal.on(due_on),
        )
        if answered_on:
            services.coordination_answer(
                user=setup.office,
                request=request,
                answered_on=cal.on(answered_on),
                answered_by=setup.bodies[answered_by] if answered_by else None,
                answer="Đã có văn bản trả lời và cung cấp đầy đủ thông tin đề nghị.",
            )


def _task(
    setup: ProvinceSetup,
    spec: DemoTask,
    *,
    code: str,
    group: TaskGroup | None,
    document: Document | None = None,
    parent: Task | None = None,
) -> Task:
    """Create the task as the office (or the finance reporter for its own), then its records."""
    own = spec.lead == "so_tai_chinh" and (
        parent is not None or spec.origin == Task.Origin.PROPOSED
    )
    author = setup.users["reporter"] if own else setup.office
    cal = demo_calendar()
    task = services.task_create(
        user=author,
        title=cal.text(spec.title),
        lead=setup.bodies[spec.lead],
        start_on=cal.on(spec.start_on),
        deadline=spec.deadline and cal.on(spec.deadline),
        recurrence=spec.recurrence,
        document=document,
        group=group,
        parent=parent,
        coordinators=[setup.bodies[k] for k in spec.coordinators],
        supervisor=setup.bodies[spec.supervisor] if spec.supervisor else None,
        origin=spec.origin,
        code=code,
        expected_output=cal.text(spec.expected_output),
    )
    reporter = setup.users["reporter"] if spec.lead == "so_tai_chinh" else setup.office
    for count, (day, percent, blocked) in enumerate(spec.progress, start=1):
        services.task_progress_add(
            user=reporter,
            task=task,
            reported_on=cal.on(day),
            percent=percent,
            blocked=blocked,
            narrative=_narrative(percent, blocked),
            results="Đã ban hành văn bản triển khai" if percent >= 50 else "",
        )
        if spec.moved and spec.moved[0] == count:
            services.task_deadline_move(
                user=setup.office,
                task=task,
                deadline=cal.on(spec.moved[1]),
                reason=cal.text(spec.moved[2]),
            )
    for day in spec.checks:
        services.task_check_add(
            user=setup.office,
            task=task,
            kind=Check.Kind.SUPERVISION,
            checked_on=cal.on(day),
            findings="Triển khai đúng kế hoạch; đề nghị đẩy nhanh tiến độ các nội dung còn chậm.",
        )
    for number, sub in enumerate(spec.subtasks, start=1):
        _task(setup, sub, code=f"{code}.{number}", group=group, parent=task)
    return task


def _narrative(percent: int, blocked: bool) -> str:
    if blocked:
        return "Vướng mắc về thủ tục và kinh phí, đề nghị cơ quan phối hợp hỗ trợ tháo gỡ."
    if percent >= 100:
        return "Đã hoàn thành nhiệm vụ, có báo cáo kết quả gửi Văn phòng Tỉnh ủy."
    return f"Đang triển khai, ước đạt {percent}% khối lượng công việc."


def _document(
    setup: ProvinceSetup, title: str, symbol: str, kind: str, issued_on: dt.date
) -> Document:
    """The assigning document: found by issuer and symbol (or title), else recorded."""
    for key in ("bch", "tinh_uy"):
        documents = Document.objects.filter(issuer=setup.bodies[key])
        found = (
            documents.filter(symbol=symbol) if symbol else documents.filter(title=title)
        ).first()
        if found is not None:
            return found
    return document_create(
        user=setup.office,
        kind=kind,
        title=title,
        issuer=setup.bodies["bch"],
        symbol=symbol,
        issued_on=issued_on,
        status=Document.Status.ADOPTED,
    )


def _give_demo_users_addresses(setup: ProvinceSetup) -> None:
    """Demo logins get an address so that ``nghiquyet remind`` has someone to write to."""
    for user in setup.users.values():
        if not user.email:
            user.email = f"{user.username}@demo.nghiquyet.invalid"
            user.save(update_fields=["email"])
