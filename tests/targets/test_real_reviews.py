"""Real review cases, rebuilt through the API, judged and worded as the officials did.

Each case is a target as a public review or the news of one wrote it, the figures it
gave, and the officials' verdict: their word ("vượt", "đạt", "chưa đạt", or progress
"đạt X% kế hoạch" for an in-year figure), their percentage at the decimals they
printed, and for a review's count of targets the summary sentence. Every case names its
source in a comment (province, year, document or article, address). The figures are
entered for the test province (Đồng Tháp's office persona); the rules do not depend on
the province.

Where a plan is not printed but follows exactly from the share the article gives
(25.500 people at 102% of plan), the plan is that quotient, said so in the comment.

Choices where officials are inconsistent:
- A range exceeded is measured against the end it went beyond (Lào Cai, 125,5% for
  5,02 against "3–4%"), a range met is 100%: reviews write "đạt" without a share.
- There is no "xấp xỉ đạt" (nearly met): the Government's 2021–2025 review counts
  22 met, 2 "xấp xỉ đạt" and 2 missed; a target below its figure is "chưa đạt" with its
  completion, so the sentence says 4 not met, and the completion tells how near.
- "dự kiến", "dự ước" and "ước" all mark estimates: the sentence opens with "Ước có".
- Reviews often stop at the count not met; the sentence adds the lowest completion in
  brackets ("đạt từ 90% trở lên"), so a case checks the officials' words as its opening.
"""

from dataclasses import dataclass, field
from decimal import Decimal

import pytest

from nghiquyet.api.services import api_token_create
from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.evaluation.numbers import round_half_up

MORE, LESS = "more_is_better", "less_is_better"


@dataclass(frozen=True)
class Case:
    """One target of a real review; ``actuals`` are (period, value, estimate) or, for a
    milestone, (period, stage, estimate)."""

    name: str
    target: str  # as written in the resolution
    kind: str
    comparator: str
    value: str
    period: str
    actuals: tuple
    view: str
    status: str
    completion: tuple[str, int] | None = None  # the officials' figure and its decimals
    progress: tuple[str, int] | None = None
    unit: str = ""
    direction: str = MORE
    value_max: str | None = None
    horizon: str = "period"


CASES = [
    # Quảng Nam, 6 tháng 2024, UBND tỉnh họp báo 9/7/2024 — baoquangnam.vn/
    # kinh-te-quang-nam-dat-muc-tang-truong-duong-cham-dut-2-nam-tang-truong-am-3137680.html
    # thu NSNN 12.221 tỷ, "đạt 51,8% so với nghị quyết đề ra (23.600 tỷ đồng)"
    Case(
        "quang_nam_2024_h1_revenue",
        "Thu ngân sách nhà nước 23.600 tỷ đồng",
        "level",
        ">=",
        "23600",
        "2024",
        (("2024-H1", "12221", False),),
        "2024-H1",
        "in_progress",
        progress=("51.8", 1),
        unit="tỷ đồng",
    ),
    # same article: thu nội địa 10.152 tỷ "đạt 50,51%"; the plan 20.100 tỷ is 10.152 ÷ 50,51%
    Case(
        "quang_nam_2024_h1_domestic",
        "Thu nội địa 20.100 tỷ đồng",
        "level",
        ">=",
        "20100",
        "2024",
        (("2024-H1", "10152", False),),
        "2024-H1",
        "in_progress",
        progress=("50.51", 2),
        unit="tỷ đồng",
    ),
    # Lào Cai 2024: targets adopted at HĐND kỳ họp 16 — laocaitv.vn/tin-trong-nuoc/
    # 25-chi-tieu-phan-dau-nam-2024; results: UBND tỉnh phiên họp tháng 1/2025 —
    # doanhnghiepkinhtexanh.vn/lao-cai-phan-dau-giam-ngheo-nhanh-va-ben-vung-de-den-nam-2030-
    # co-ban-khong-co-ho-ngheo-a28854.html: GRDP ước 7,38%, "chưa đạt … mục tiêu KH"
    Case(
        "lao_cai_2024_grdp",
        "Tốc độ tăng trưởng kinh tế (GRDP): Trên 10%",
        "growth",
        ">",
        "10",
        "2024",
        (("2024", "7.38", True),),
        "2024",
        "not_achieved",
        unit="%",
    ),
    # same sources: GRDP bình quân đầu người 97,48 triệu against 104 triệu
    Case(
        "lao_cai_2024_grdp_per_capita",
        "GRDP bình quân đầu người: 104 triệu đồng/năm",
        "level",
        ">=",
        "104",
        "2024",
        (("2024", "97.48", True),),
        "2024",
        "not_achieved",
        unit="triệu đồng",
    ),
    # Lào Cai 2024 tourists: target "trên 8 triệu lượt" (laocaitv, above); ước 7,8 triệu —
    # amp.doisongphapluat.com.vn/
    # lao-cai-phan-dau-tang-truong-grdp-dat-tren-10-tu-nam-2025-a660403.html
    Case(
        "lao_cai_2024_tourists",
        "Tổng khách du lịch trên 8 triệu lượt",
        "count",
        ">",
        "8",
        "2024",
        (("2024", "7.8", True),),
        "2024",
        "not_achieved",
        completion=("97.5", 1),
        unit="triệu lượt",
    ),
    # Lào Cai quý I/2024: GRDP 5,01% against the year's "trên 10%"; the review asks the
    # other quarters for 11,5%, no verdict — skhdt.laocai.gov.vn/tin-trong-tinh/
    # tang-truong-kinh-te-quy-i-2024-cua-lao-cai-xep-thu-9-14-tinh-trung-du-va-mien-nui-
    # phia-bac-1247868
    Case(
        "lao_cai_2024_q1_grdp",
        "Tốc độ tăng trưởng kinh tế (GRDP): Trên 10%",
        "growth",
        ">",
        "10",
        "2024",
        (("2024-Q1", "5.01", False),),
        "2024-Q1",
        "in_progress",
        unit="%",
    ),
    # Lào Cai 2016–2020, NQ Đại hội XV "giảm tỷ lệ hộ nghèo bình quân từ 3-4%/năm"; ước
    # 5,02%/năm "bằng 125,5% kế hoạch", "hoàn thành vượt" — danviet.vn/
    # noi-co-3-huyen-ngheo-nhat-ca-nuoc-lao-cai-lam-gi-de-giam-ngheo-da-chieu-20200806172541169.htm
    Case(
        "lao_cai_2016_2020_poverty",
        "Giảm tỷ lệ hộ nghèo bình quân từ 3-4%/năm",
        "reduction",
        "range",
        "3",
        "2016/2020",
        (("2016/2020", "5.02", True),),
        "2016/2020",
        "exceeded",
        completion=("125.5", 1),
        unit="%",
        value_max="4",
        horizon="per_year",
    ),
    # Lâm Đồng 2022, Sở LĐTBXH — baolamdong.vn/xahoi/202212/
    # tren-10000-lao-dong-duoc-giai-quyet-viec-lam-moi-3148866/ ; each plan is the
    # figure ÷ the share printed (25.500 ÷ 102% = 25.000)
    Case(
        "lam_dong_2022_jobs",
        "Giải quyết việc làm 25.000 lượt người",
        "count",
        ">=",
        "25000",
        "2022",
        (("2022", "25500", False),),
        "2022",
        "exceeded",
        completion=("102", 0),
        unit="lượt người",
    ),
    Case(
        "lam_dong_2022_new_jobs",
        "Tạo việc làm mới cho 10.000 người",
        "count",
        ">=",
        "10000",
        "2022",
        (("2022", "10300", False),),
        "2022",
        "exceeded",
        completion=("103", 0),
        unit="người",
    ),
    Case(
        "lam_dong_2022_abroad",
        "Đưa 200 lao động đi làm việc ở nước ngoài",
        "count",
        ">=",
        "200",
        "2022",
        (("2022", "250", False),),
        "2022",
        "exceeded",
        completion=("125", 0),
        unit="người",
    ),
    Case(
        "lam_dong_2022_job_fairs",
        "Tổ chức 50 phiên giao dịch việc làm",
        "count",
        ">=",
        "50",
        "2022",
        (("2022", "64", False),),
        "2022",
        "exceeded",
        completion=("128", 0),
        unit="phiên",
    ),
    Case(
        "lam_dong_2022_referrals",
        "Tư vấn, giới thiệu việc làm cho 5.000 người",
        "count",
        ">=",
        "5000",
        "2022",
        (("2022", "5093", False),),
        "2022",
        "exceeded",
        completion=("101.86", 2),
        unit="người",
    ),
    # Bà Rịa - Vũng Tàu 2023, Sở LĐTBXH: "5/6 chỉ tiêu … đạt và vượt", each below "đạt
    # 100% so với kế hoạch" — baobariavungtau.com.vn/xa-hoi/202312/
    # 17843-lao-dong-duoc-huong-tro-cap-that-nghiep-999158/
    Case(
        "ba_ria_vung_tau_2023_trained",
        "Tỷ lệ lao động qua đào tạo 81%",
        "share",
        "=",
        "81",
        "2023",
        (("2023", "81", False),),
        "2023",
        "achieved",
        completion=("100", 0),
        unit="%",
    ),
    Case(
        "ba_ria_vung_tau_2023_certified",
        "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ 34%",
        "share",
        "=",
        "34",
        "2023",
        (("2023", "34", False),),
        "2023",
        "achieved",
        completion=("100", 0),
        unit="%",
    ),
    Case(
        "ba_ria_vung_tau_2023_farm_labour",
        "Tỷ trọng lao động nông nghiệp trong tổng lao động xã hội 20,5%",
        "share",
        "=",
        "20.5",
        "2023",
        (("2023", "20.5", False),),
        "2023",
        "achieved",
        completion=("100", 0),
        unit="%",
        direction=LESS,
    ),
    Case(
        "ba_ria_vung_tau_2023_unemployment",
        "Tỷ lệ thất nghiệp khu vực thành thị 2,7%",
        "share",
        "=",
        "2.7",
        "2023",
        (("2023", "2.7", False),),
        "2023",
        "achieved",
        completion=("100", 0),
        unit="%",
        direction=LESS,
    ),
    # Bà Rịa - Vũng Tàu, 9 tháng 2024: "Tổng thu ngân sách đạt 72,11% dự toán (kế hoạch
    # 88.600 tỷ đồng)"; the figure 63.889,46 tỷ is 72,11% of it — baobariavungtau.com.vn/
    # kinh-te/202409/
    # tap-trung-toan-luc-hoan-thanh-nhiem-vu-phat-trien-kinh-te-xa-hoi-nam-2024-1022195
    Case(
        "ba_ria_vung_tau_2024_9m_revenue",
        "Tổng thu ngân sách 88.600 tỷ đồng",
        "level",
        ">=",
        "88600",
        "2024",
        (("2024-9M", "63889.46", True),),
        "2024-9M",
        "in_progress",
        progress=("72.11", 2),
        unit="tỷ đồng",
    ),
    # Gia Lai, 6 tháng 2024, Cục Thống kê — baogialai.com.vn/
    # gia-lai-cong-bo-so-lieu-thong-ke-kinh-te-xa-hoi-6-thang-dau-nam-2024-post283068.html
    # xuất khẩu 525 triệu USD "đạt 70% so kế hoạch" (plan 750); việc làm 15.360 "đạt
    # 57,31% kế hoạch" (plan 26.800)
    Case(
        "gia_lai_2024_h1_exports",
        "Kim ngạch xuất khẩu 750 triệu USD",
        "level",
        ">=",
        "750",
        "2024",
        (("2024-H1", "525", True),),
        "2024-H1",
        "in_progress",
        progress=("70", 0),
        unit="triệu USD",
    ),
    Case(
        "gia_lai_2024_h1_jobs",
        "Giải quyết việc làm cho 26.800 lao động",
        "count",
        ">=",
        "26800",
        "2024",
        (("2024-H1", "15360", False),),
        "2024-H1",
        "in_progress",
        progress=("57.31", 2),
        unit="lao động",
    ),
    # Nghệ An: kim ngạch xuất khẩu ước 2021 hơn 2 tỷ USD, "vượt xa so với mục tiêu theo
    # Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX đến năm 2025 là 1,765 tỷ USD" —
    # e.baonghean.vn/tan-dung-thoi-co-dua-nghe-an-phat-trien-nhanh-ben-vung/
    Case(
        "nghe_an_2021_exports",
        "Kim ngạch xuất khẩu đến năm 2025 đạt 1,765 tỷ USD",
        "level",
        ">=",
        "1,765",
        "2021/2025",
        (("2021", "2", True),),
        "2021",
        "exceeded",
        unit="tỷ USD",
    ),
    # same article: thu ngân sách "đạt hơn 18.000 tỷ đồng, vượt 28,6% dự toán" (dự toán
    # 14.000 tỷ: 18.000 ÷ 128,6%)
    Case(
        "nghe_an_2021_revenue",
        "Thu ngân sách 14.000 tỷ đồng",
        "level",
        ">=",
        "14000",
        "2021",
        (("2021", "18000", True),),
        "2021",
        "exceeded",
        completion=("128.6", 1),
        unit="tỷ đồng",
    ),
    # Bắc Kạn 2023, UBND tỉnh phiên họp tháng 11/2023: GRDP bình quân ước 51 triệu
    # đồng/người "đạt 102% kế hoạch" (plan 50) — baobackan.com.vn/
    # ubnd-tinh-bac-kan-hop-phien-thang-112023-post58394.html
    Case(
        "bac_kan_2023_grdp_per_capita",
        "GRDP bình quân đầu người 50 triệu đồng",
        "level",
        ">=",
        "50",
        "2023",
        (("2023", "51", True),),
        "2023",
        "exceeded",
        completion=("102", 0),
        unit="triệu đồng",
    ),
    # Bình Thuận 2022, Sở KH-ĐT: "giảm tỷ lệ hộ nghèo năm 2022 là 0,47%, đạt 100% kế hoạch
    # năm" — skhdt.binhthuan.gov.vn/1315/32207/67097/631230/kinh-te-xa-hoi/
    # xoa-bo-tinh-trang-ngheo-cung-cuc-cho-tat-ca-moi-nguoi-o-moi-noi.aspx ; the fall is
    # typed as written, 0,47
    Case(
        "binh_thuan_2022_poverty",
        "Giảm tỷ lệ hộ nghèo 0,47%",
        "reduction",
        "=",
        "0.47",
        "2022",
        (("2022", "0.47", True),),
        "2022",
        "achieved",
        completion=("100", 0),
        unit="%",
    ),
    # Việt Nam 2021–2025: targets of the Nghị quyết Đại hội XIII (chỉ tiêu 2021–2025);
    # results "ước thực hiện" — vietnamplus.vn/
    # uoc-thuc-hien-cac-chi-tieu-kinh-te-xa-hoi-giai-doan-2021-2025-post1069760.vnp ;
    # GDP 6,3%/năm is one of the targets the Government calls "xấp xỉ đạt": chưa đạt here
    Case(
        "viet_nam_2021_2025_gdp",
        "Tốc độ tăng trưởng GDP bình quân 5 năm khoảng 6,5-7%/năm",
        "growth",
        "range",
        "6.5",
        "2021/2025",
        (("2021/2025", "6.3", True),),
        "2021/2025",
        "not_achieved",
        completion=("96.92", 2),
        unit="%",
        value_max="7",
        horizon="per_year",
    ),
    Case(
        "viet_nam_2025_gdp_per_capita",
        "GDP bình quân đầu người đến năm 2025 khoảng 4.700-5.000 USD",
        "level",
        "range",
        "4700",
        "2025",
        (("2025", "5000", True),),
        "2025",
        "achieved",
        completion=("100", 0),
        unit="USD",
        value_max="5000",
    ),
    Case(
        "viet_nam_2025_urbanisation",
        "Tỷ lệ đô thị hóa đến năm 2025 khoảng 45%",
        "share",
        "~",
        "45",
        "2025",
        (("2025", "45", True),),
        "2025",
        "achieved",
        completion=("100", 0),
        unit="%",
    ),
    Case(
        "viet_nam_2025_life_expectancy",
        "Tuổi thọ bình quân năm 2025 khoảng 74,5 tuổi",
        "level",
        "~",
        "74.5",
        "2025",
        (("2025", "74.8", True),),
        "2025",
        "achieved",
        completion=("100", 0),
        unit="tuổi",
    ),
    # Bộ Y tế, results of 2025 — vietnamplus.vn/
    # mot-so-ket-qua-noi-bat-cua-nganh-y-te-nam-2025-va-giai-doan-2021-2025-post1086351.vnp :
    # tỷ lệ bao phủ BHYT ước 95,15% "vượt mục tiêu đề ra" (Đại hội XIII: 95%)
    Case(
        "viet_nam_2025_health_insurance",
        "Tỷ lệ tham gia bảo hiểm y tế đạt 95% dân số",
        "share",
        ">=",
        "95",
        "2025",
        (("2025", "95.15", True),),
        "2025",
        "exceeded",
        unit="%",
    ),
    # Hưng Yên, 10 tháng 2024: thu NSNN 34.600 tỷ "bằng 105% kế hoạch năm", the plan
    # exceeded before the year ends (plan 32.952 tỷ: 34.600 ÷ 105%) — the news item on the
    # Tổng cục Thống kê's top ten provinces by revenue, 12/12/2024 (Cổng TTĐT Hưng Yên)
    Case(
        "hung_yen_2024_10m_revenue",
        "Thu ngân sách nhà nước 32.952 tỷ đồng",
        "level",
        ">=",
        "32952",
        "2024",
        (("2024-10", "34600", True),),
        "2024-10",
        "exceeded",
        progress=("105", 0),
        unit="tỷ đồng",
    ),
    # Nghệ An, 9 tháng 2024, thông cáo báo chí: tổng mức bán lẻ 82.946 tỷ "đạt 89,81% kế
    # hoạch" (plan 92.357 tỷ) — nghean24h.vn/
    # thong-cao-bao-chi-tinh-hinh-kinh-te-xa-hoi-quoc-phong-an-ninh-tinh-nghe-an-9-thang-
    # dau-nam-2024-a733459.html
    Case(
        "nghe_an_2024_9m_retail",
        "Tổng mức bán lẻ hàng hóa 92.357 tỷ đồng",
        "level",
        ">=",
        "92357",
        "2024",
        (("2024-9M", "82946", True),),
        "2024-9M",
        "in_progress",
        progress=("89.81", 2),
        unit="tỷ đồng",
    ),
    # Việt Nam, sắp xếp đơn vị hành chính cấp huyện, cấp xã giai đoạn 2019–2021 (Nghị quyết
    # 653/2019/UBTVQH14): done, 48 nghị quyết, 8 huyện and 561 xã fewer — vietnamnet.vn/
    # cap-xa-tag8129130878558793277.html
    Case(
        "viet_nam_2019_2021_merger",
        "Hoàn thành sắp xếp đơn vị hành chính cấp huyện, cấp xã giai đoạn 2019 - 2021",
        "milestone",
        "=",
        "100",
        "2019/2021",
        (("2021", "done", False),),
        "2019/2021",
        "achieved",
        completion=("100", 0),
    ),
]


@dataclass(frozen=True)
class Count:
    """A review's count of targets: how many exceeded, met, missed; whether estimated."""

    name: str
    exceeded: int
    achieved: int
    missed: int
    estimate: bool
    sentence: str  # the officials' count, in the house form
    periods: tuple = field(default=("2023",))


COUNTS = [
    # Quảng Ngãi 2023, UBND tỉnh phiên họp 20/11/2023: of 25 targets "dự kiến có 24 chỉ
    # tiêu đạt … (trong đó, có 13 chỉ tiêu vượt) và 01 chỉ tiêu không đạt" —
    # quangngai.gov.vn/web/portal-qni/xem-chi-tiet/-/asset_publisher/Content/
    # ubnd-tinh-hop-phien-thuong-ky-%C4%91anh-gia-ket-qua-phat-trien-ktxh-nam-2023?21509290
    Count(
        "quang_ngai_2023",
        13,
        11,
        1,
        True,
        "Ước có 24/25 chỉ tiêu đạt và vượt (trong đó 13 chỉ tiêu vượt); 1 chỉ tiêu chưa đạt",
    ),
    # Quảng Nam 2022: "Có 14/15 chỉ tiêu … đạt và vượt kế hoạch", "dự kiến vượt đối với 4
    # chỉ tiêu" — quangnam.gov.vn/webcenter/portal/ubnd/pages_tin-tuc/chi-tiet?dDocName=PORTAL462720
    Count(
        "quang_nam_2022",
        4,
        10,
        1,
        True,
        "Ước có 14/15 chỉ tiêu đạt và vượt (trong đó 4 chỉ tiêu vượt); 1 chỉ tiêu chưa đạt",
    ),
    # Phú Yên 2023, HĐND kỳ họp 18: "Dự ước năm 2023, có 16/17 chỉ tiêu đạt và vượt" —
    # dukcqdn.phuyen.gov.vn/vi/news/hoat-dong-khac/
    # du-uoc-nam-2023-co-16-17-chi-tieu-dat-va-vuot-ke-hoach-de-ra-238.html
    Count(
        "phu_yen_2023",
        0,
        16,
        1,
        True,
        "Ước có 16/17 chỉ tiêu đạt và vượt; 1 chỉ tiêu chưa đạt",
    ),
    # Bắc Ninh 2024, HĐND kỳ họp 24: "đạt 17/17 chỉ tiêu" — vietnam.vn/
    # bac-ninh-dat-17-17-chi-tieu-ve-phat-trien-kinh-te-xa-hoi-nam-2024
    Count("bac_ninh_2024", 0, 17, 0, False, "Có 17/17 chỉ tiêu đạt và vượt"),
    # Bà Rịa - Vũng Tàu 2023, Sở LĐTBXH: "5/6 chỉ tiêu … đạt và vượt kế hoạch" (above)
    Count(
        "ba_ria_vung_tau_2023_labour",
        0,
        5,
        1,
        False,
        "Có 5/6 chỉ tiêu đạt và vượt; 1 chỉ tiêu chưa đạt",
    ),
    # Việt Nam 2021–2025, the Government's report to the 10th session of the XV National
    # Assembly: "đạt và vượt 22/26 chỉ tiêu …, xấp xỉ đạt 2/26 chỉ tiêu" — cafef.vn/
    # thu-tuong-kinh-te-viet-nam-khang-dinh-du-suc-chong-chiu-truoc-cac-cu-soc-ben-ngoai-
    # tang-truong-cao-hang-dau-the-gioi-188251020105903886.chn ; no "xấp xỉ đạt": 4 not met
    Count(
        "viet_nam_2021_2025",
        0,
        22,
        4,
        True,
        "Ước có 22/26 chỉ tiêu đạt và vượt; 4 chỉ tiêu chưa đạt",
    ),
    # same report: "các năm 2024, 2025 đạt và vượt toàn bộ 15/15 chỉ tiêu"
    Count("viet_nam_2024", 0, 15, 0, False, "Có 15/15 chỉ tiêu đạt và vượt"),
    Count("viet_nam_2025", 0, 15, 0, True, "Ước có 15/15 chỉ tiêu đạt và vượt"),
    # Bộ Y tế 2025: "hoàn thành 3/3 chỉ tiêu chủ yếu" and "đạt 8/9 chỉ tiêu cho ngành"
    # (the vietnamplus article above, post1086351)
    Count("y_te_2025_main", 0, 3, 0, False, "Có 3/3 chỉ tiêu đạt và vượt"),
    Count("y_te_2025_sector", 0, 8, 1, False, "Có 8/9 chỉ tiêu đạt và vượt; 1 chỉ tiêu chưa đạt"),
]


def test_there_are_at_least_forty_real_cases():
    assert len(CASES) + len(COUNTS) >= 40


@pytest.fixture
def api(client, office, dongthap):
    """POST and GET on the API as the province office."""
    _token, raw = api_token_create(user=office, name="real reviews")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    def call(method: str, path: str, payload: dict | None = None) -> dict:
        if method == "get":
            response = client.get(f"/api/targets{path}", payload or {}, **auth)
        else:
            response = client.post(
                f"/api/targets{path}", payload or {}, content_type="application/json", **auth
            )
        assert response.status_code in (200, 201), response.content
        return response.json()

    call.province = dongthap.province
    call.issuer = dongthap.bodies["tinh_uy"]
    return call


def resolution(api, title: str) -> Document:
    return Document.objects.create(
        kind=DocumentKind.NGHI_QUYET,
        issuer=api.issuer,
        province=api.province,
        title=title,
        status=Document.Status.ADOPTED,
    )


def indicator(api, name: str, kind: str, direction: str, unit: str) -> int:
    return api(
        "post",
        "/indicators",
        {
            "name": name,
            "unit": unit,
            "kind": kind,
            "direction": direction,
            "province_id": api.province.pk,
        },
    )["id"]


def report(api, target_id: int, period: str, figure: str, estimate: bool) -> None:
    payload = {"period": period, "is_estimate": estimate}
    if figure in ("done", "in_progress", "not_started"):
        payload["milestone"] = figure
    else:
        payload["value"] = figure
    actual = api("post", f"/targets/{target_id}/actuals", payload)
    api("post", f"/actuals/{actual['id']}/approve")


def as_printed(number: str | None, places: int) -> Decimal | None:
    return None if number is None else round_half_up(Decimal(number), places)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_real_target_is_judged_as_the_officials_judged_it(api, case):
    document = resolution(api, case.name)
    indicator_id = indicator(api, case.target, case.kind, case.direction, case.unit)
    target = api(
        "post",
        "/targets",
        {
            "document_id": document.pk,
            "indicator_id": indicator_id,
            "comparator": case.comparator,
            "value": case.value,
            "value_max": case.value_max,
            "period": case.period,
            "horizon": case.horizon,
            "unit": case.unit,
            "source_text": case.target,
        },
    )
    for period, figure, estimate in case.actuals:
        report(api, target["id"], period, figure, estimate)
    body = api("get", "/evaluations", {"document_id": document.pk, "period": case.view})
    (row,) = body["rows"]
    assert row["status"] == case.status, row["rule"]
    if case.completion:
        officials, places = case.completion
        assert as_printed(row["completion"], places) == Decimal(officials), row["rule"]
    if case.progress:
        officials, places = case.progress
        assert as_printed(row["progress"], places) == Decimal(officials), row["rule"]
        assert row["completion"] is None or case.status != "in_progress"
    estimated = any(estimate for *_, estimate in case.actuals)
    opening = "Ước có" if estimated and case.status != "in_progress" else "Có"
    assert body["sentence"].startswith(opening), body["sentence"]


@pytest.mark.parametrize("count", COUNTS, ids=[count.name for count in COUNTS])
def test_a_real_review_counts_its_targets_in_the_officials_sentence(api, count):
    document = resolution(api, count.name)
    indicator_id = indicator(api, f"Chỉ tiêu của {count.name}", "level", MORE, "")
    figures = ["110"] * count.exceeded + ["100"] * count.achieved + ["90"] * count.missed
    for figure in figures:
        target = api(
            "post",
            "/targets",
            {
                "document_id": document.pk,
                "indicator_id": indicator_id,
                "comparator": ">=",
                "value": "100",
                "period": "2023",
            },
        )
        report(api, target["id"], "2023", figure, count.estimate)
    body = api("get", "/evaluations", {"document_id": document.pk, "period": "2023"})
    assert (body["exceeded"], body["achieved"], body["not_achieved"]) == (
        count.exceeded,
        count.achieved,
        count.missed,
    )
    assert body["sentence"].startswith(count.sentence), body["sentence"]
    # The house adds the lowest completion of those not met, never "100% trở lên".
    assert "100% trở lên" not in body["sentence"]
