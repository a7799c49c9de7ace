"""Demo feedback: citizens' comments on the published news and on the public congress
resolution, some published by the office, one hidden with its reason, some still
held for moderation; and a few ratings and readings. Names are invented."""

from __future__ import annotations

from django.db.models import Model

from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.news.models import NewsItem
from nghiquyet.orgs.personas import ProvinceSetup

from .models import PublicComment
from .services import (
    comment_hide,
    comment_publish,
    comment_submit,
    rating_record,
    view_count_add,
)

PUBLISHED, HELD, HIDDEN = "published", "held", "hidden"

ON_NEWS = [
    (
        "Nguyễn Thị Lan",
        "lan.nguyen@example.vn",
        "Mong tỉnh sớm công bố tiến độ các công trình trọng điểm để người dân cùng theo dõi.",
        PUBLISHED,
    ),
    (
        "Trần Văn Hùng",
        "",
        "Đề nghị quan tâm hơn đến nhà ở xã hội cho công nhân khu công nghiệp Sa Đéc.",
        PUBLISHED,
    ),
    (
        "Lê Minh Tâm",
        "tam.le@example.vn",
        "Xin hỏi chỉ tiêu 12 bác sĩ/vạn dân được tính cho từng xã hay toàn tỉnh?",
        HELD,
    ),
    ("Khách", "", "Mua bán đất nền giá rẻ, liên hệ ngay!", HIDDEN),
]
ON_RESOLUTION = [
    (
        "Phạm Quốc Việt",
        "",
        "Nghị quyết đặt mục tiêu rõ ràng; mong có báo cáo kết quả hằng năm trên cổng thông tin.",
        PUBLISHED,
    ),
    ("Võ Thị Hồng", "hong.vo@example.vn", "Chỉ tiêu giảm nghèo năm nay đạt đến đâu?", HELD),
]


def _comment(setup: ProvinceSetup, record: Model, name: str, email: str, text: str, state: str):
    comment = comment_submit(record=record, name=name, email=email, text=text)
    if state == PUBLISHED:
        comment_publish(user=setup.office, comment=comment)
    elif state == HIDDEN:
        comment_hide(user=setup.office, comment=comment, reason="Quảng cáo, không liên quan")


def load(setup: ProvinceSetup) -> None:
    if PublicComment.objects.filter(province=setup.province).exists():
        return
    news = list(
        NewsItem.objects.filter(province=setup.province, is_published=True).order_by(
            "-meeting__starts_on"
        )
    )
    resolution = Document.objects.filter(
        province=setup.province, kind=DocumentKind.NGHI_QUYET_DAI_HOI, is_public=True
    ).first()
    if news:
        for name, email, text, state in ON_NEWS:
            _comment(setup, news[0], name, email, text, state)
    if resolution is not None:
        for name, email, text, state in ON_RESOLUTION:
            _comment(setup, resolution, name, email, text, state)
    for number, item in enumerate(news):
        for visitor in range(3 + number):
            rating_record(record=item, session_key=f"demo-{item.pk}-{visitor}", useful=visitor != 1)
        for _ in range(40 + 17 * number):
            view_count_add(record=item)
