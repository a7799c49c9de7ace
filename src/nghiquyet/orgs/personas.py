"""The bodies and people of a province as the demo and the tests use them.

One builder serves both, so the demo shows what the tests check: an office
clerk, an agency reporter, a leader and a member of the inspection committee
(Ủy ban Kiểm tra, who works as a reporter of that committee) of one province, and
the same staff of another. The people's names are invented.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from nghiquyet.orgs.models import Body, Membership, Place, Term
from nghiquyet.orgs.selectors import place_find_province
from nghiquyet.orgs.services import member_create

Kind = Body.Kind

#: (key, name pattern, kind, issuer code, parent key); "{p}" is the province's short name.
PROVINCE_BODIES = [
    ("tinh_uy", "Tỉnh ủy {p}", Kind.PARTY_COMMITTEE, "TU", None),
    ("bch", "Ban Chấp hành Đảng bộ tỉnh {p}", Kind.EXECUTIVE_COMMITTEE, "TU", "tinh_uy"),
    ("btv", "Ban Thường vụ Tỉnh ủy {p}", Kind.STANDING_COMMITTEE, "TU", "tinh_uy"),
    ("thuong_truc", "Thường trực Tỉnh ủy {p}", Kind.STANDING_BOARD, "TU", "tinh_uy"),
    ("van_phong", "Văn phòng Tỉnh ủy {p}", Kind.PARTY_BOARD, "VPTU", "tinh_uy"),
    ("ban_to_chuc", "Ban Tổ chức Tỉnh ủy {p}", Kind.PARTY_BOARD, "BTCTU", "tinh_uy"),
    (
        "ban_tuyen_giao",
        "Ban Tuyên giáo và Dân vận Tỉnh ủy {p}",
        Kind.PARTY_BOARD,
        "BTGDVTU",
        "tinh_uy",
    ),
    ("ban_noi_chinh", "Ban Nội chính Tỉnh ủy {p}", Kind.PARTY_BOARD, "BNCTU", "tinh_uy"),
    ("ubkt", "Ủy ban Kiểm tra Tỉnh ủy {p}", Kind.INSPECTION_COMMITTEE, "UBKTTU", "tinh_uy"),
    ("hdnd", "Hội đồng nhân dân tỉnh {p}", Kind.PEOPLES_COUNCIL, "HĐND", None),
    ("ubnd", "Ủy ban nhân dân tỉnh {p}", Kind.PEOPLES_COMMITTEE, "UBND", None),
    ("so_tai_chinh", "Sở Tài chính tỉnh {p}", Kind.DEPARTMENT, "STC", "ubnd"),
    ("so_nong_nghiep", "Sở Nông nghiệp và Môi trường tỉnh {p}", Kind.DEPARTMENT, "SNNMT", "ubnd"),
    ("so_y_te", "Sở Y tế tỉnh {p}", Kind.DEPARTMENT, "SYT", "ubnd"),
    ("so_cong_thuong", "Sở Công Thương tỉnh {p}", Kind.DEPARTMENT, "SCT", "ubnd"),
    ("so_giao_duc", "Sở Giáo dục và Đào tạo tỉnh {p}", Kind.DEPARTMENT, "SGDĐT", "ubnd"),
    ("so_noi_vu", "Sở Nội vụ tỉnh {p}", Kind.DEPARTMENT, "SNV", "ubnd"),
    ("cong_an", "Công an tỉnh {p}", Kind.DEPARTMENT, "CAT", "ubnd"),
    ("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh {p}", Kind.FRONT, "MTTQ", None),
]


#: Staff of a province: (key in ``ProvinceSetup.users``, role, body key).
STAFF = [
    ("office", Membership.Role.OFFICE, "van_phong"),
    ("reporter", Membership.Role.REPORTER, "so_tai_chinh"),
    ("leader", Membership.Role.LEADER, "thuong_truc"),
    ("inspector", Membership.Role.REPORTER, "ubkt"),
]

#: Invented full names of the staff, per key of ``STAFF``.
PEOPLE = {
    "office": "Nguyễn Thị Hồng",
    "reporter": "Trần Văn Minh",
    "leader": "Lê Quốc Bình",
    "inspector": "Đặng Thu Trang",
}


@dataclass
class ProvinceSetup:
    """A province with its bodies, its current Party term and its staff accounts."""

    province: Place
    bodies: dict[str, Body]
    term: Term
    users: dict[str, AbstractBaseUser] = field(default_factory=dict)

    @property
    def office(self) -> AbstractBaseUser:
        return self.users["office"]


@transaction.atomic
def province_setup(
    province_name: str,
    *,
    username_prefix: str,
    password: str,
    term_number: str = "XII",
    term_years: tuple[int, int] = (2025, 2030),
    people: dict[str, str] | None = None,
) -> ProvinceSetup:
    """Create (or find) the standard bodies of a province and one user per role.

    ``people`` names the staff (keys of ``STAFF``); two provinces' demos pass
    different names so that nobody seems to work in both.
    """
    province = place_find_province(province_name)
    bodies: dict[str, Body] = {}
    for key, pattern, kind, code, parent in PROVINCE_BODIES:
        bodies[key], _ = Body.objects.get_or_create(
            province=province,
            name=pattern.format(p=province.short_name),
            defaults={
                "kind": kind,
                "issuer_code": code,
                "parent": bodies[parent] if parent else None,
            },
        )
    term, _ = Term.objects.get_or_create(
        body=bodies["tinh_uy"],
        number=term_number,
        defaults={"start_year": term_years[0], "end_year": term_years[1]},
    )
    setup = ProvinceSetup(province=province, bodies=bodies, term=term)
    names = {**PEOPLE, **(people or {})}
    for key, role, body_key in STAFF:
        username = f"{username_prefix}_{key}"
        existing = Membership.objects.filter(user__username=username).first()
        setup.users[key] = (
            existing.user
            if existing
            else member_create(
                username=username,
                password=password,
                body=bodies[body_key],
                role=role,
                full_name=names[key],
            )
        )
    return setup
