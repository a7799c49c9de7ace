"""Numbers that are no figure of a resolution, though they look like one.

Ballots and vote shares, people elected or sitting on a body, people attending,
losses from a disaster, a plan quoted as the yardstick of a result, and a multiple of
the national average: none of them is set as a target or reported as a result.
"""

from __future__ import annotations

import re

# Numbers near these words are ballots, people elected or dismissed, or losses, none of
# which a resolution sets or reports as its results.
_NOT_A_RESULT = re.compile(
    r"(?=[ptbmckđl\d])(?:phiếu|tín nhiệm|biểu quyết|tán thành|thiệt hại|tổn thất|thiệt mạng"
    r"|mất tích|bị thương"
    r"|(?:bầu|trúng cử|miễn nhiệm|bãi nhiệm|cho thôi|kiện toàn|điều động|bổ nhiệm)\b"
    # "415 đại biểu đại diện cho trên 136.000 đảng viên": whom a congress represents.
    r"|đại diện cho"
    # "tái cử là 10 đồng chí, chiếm 66,67%", "hơn 400 người tham dự": who sits on a body
    # or attends a meeting.
    r"|tái cử|đắc cử|lần đầu tham gia|tham dự|\d\s?đồng chí)"
    r"[^;.()]{0,60}$",
    re.IGNORECASE,
)
# "(kế hoạch là 50 triệu đồng)": the plan quoted as the yardstick of a result.
# "…, cao hơn so với chỉ tiêu 1,765 tỷ USD", "đạt 51,8% nghị quyết đề ra (23.600 tỷ đồng)".
_YARDSTICK = re.compile(
    r"(?=[(skdcn])(?:\(\s*(?:kế hoạch|KH|chỉ tiêu|dự toán|mục tiêu|cùng kỳ)[^()]{0,30}"
    r"|so với (?:chỉ tiêu|kế hoạch|dự toán|mục tiêu)(?: [^\d(),;]{0,30})?\s"
    r"|(?:kế hoạch|dự toán|chỉ tiêu|nghị quyết)[^\d(),;]{0,30}\(\s*)$",
    re.IGNORECASE,
)
# "5 người thiệt mạng", "120 căn nhà bị tốc mái": what a disaster took.
_LOSS_AFTER = re.compile(
    r"\s*(?:bị\s)?(?:thiệt mạng|mất tích|thương vong|bị thương|hư hỏng|hư hại|sập|cuốn trôi"
    r"|ngập|tốc mái|sạt lở)",
    re.IGNORECASE,
)
# "hơn 250 người tham dự": who attended.
_ATTENDING_AFTER = re.compile(r"\s*(?:đại biểu\s)?(?:tham dự|có mặt)\b", re.IGNORECASE)
# "gấp gần 2,5 lần bình quân chung cả nước": how the province compares, not what it did.
_NATIONAL_MULTIPLE = re.compile(
    r"\s*(?:so với\s)?(?:mức\s)?(?:bình quân|trung bình)(?:\s(?:chung|của))*"
    r"\s(?:cả nước|toàn quốc)",
    re.IGNORECASE,
)
_NEAR = 80  # characters before a number that can make it no figure
_AFTER = 30  # characters after it


def is_no_figure(text: str, start: int, end: int, floor: int, ceiling: int) -> bool:
    """Whether the quantity at text[start:end], inside the sentence text[floor:ceiling],
    is one of the numbers a resolution neither sets nor reports."""
    near = text[max(floor, start - _NEAR) : start]
    after = min(ceiling, end + _AFTER)
    return bool(
        _NOT_A_RESULT.search(near)
        or _YARDSTICK.search(near)
        or _LOSS_AFTER.match(text, end, after)
        or _ATTENDING_AFTER.match(text, end, after)
        or (text[start:end].endswith("lần") and _NATIONAL_MULTIPLE.match(text, end, after + 20))
    )
