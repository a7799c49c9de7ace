"""Page furniture: what a news page prints around the article and is never data.

View counters ("Lượt xem: 6861"), visitor statistics ("Hôm nay : 1.730"), ratings,
audio players ("0:00 / 0:00"), share bars, font-size buttons, comment forms and the
lists of other stories that follow an article. Their numbers would otherwise be read
as results, so whole lines are dropped, and reading stops at a "related stories" or
comment heading.
"""

from __future__ import annotations

import re

_LINE_PATTERNS = [
    r"lượt xem\s*:?\s*[\d.,]*",
    r"số lượt (?:xem|đọc|truy cập)\s*:?\s*[\d.,]*",
    r"(?:hôm nay|hôm qua|tuần này|tuần trước|tháng này|tháng trước|tháng \d{1,2}|năm \d{4}"
    r"|năm nay|tổng số|tổng cộng|đang (?:truy cập|online|trực tuyến)|trực tuyến|online"
    r"|lượt truy cập|truy cập)\s*:\s*[\d.,]+",
    r"thống kê truy cập",
    r"\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2}",
    r"a-\s*a\s*a\+.*",
    r".*chia sẻ bài viết.*",
    r"chia sẻ(?:\s*:)?(?:\s*(?:facebook|zalo|twitter|email|google\+?))*",
    r"(?:facebook|zalo|twitter|email|google\+?|in bài|in bài viết|bản in|gửi email|lưu tin)"
    r"(?:\s*[|•·]\s*(?:facebook|zalo|twitter|email|google\+?|in bài|in bài viết|bản in"
    r"|gửi email|lưu tin))*",
    r"(?:tăng|giảm) tương phản.*",
    r"(?:cỡ chữ|font chữ|kích thước chữ).*",
    r"tổng số điểm của bài viết.*",
    r".*đánh giá bài viết.*",
    r"(?:đánh giá|xếp hạng)\s*:?\s*[\d.,/ ]*(?:sao)?",
    r"(?:gửi|viết|để lại|ý kiến|bình luận)\s*(?:bình luận|ý kiến)?(?: của bạn)?\s*:?",
    r"(?:họ (?:và )?tên|tiêu đề|nội dung|mã (?:kiểm tra|xác nhận|bảo mật)|email|địa chỉ email"
    r"|điện thoại)\s*:?\s*(?:no image|\*)?",
    r"no image",
    r"<\s*trở về.*|trở về trang trước|quay lại|về đầu trang|lên đầu trang",
    r"tiếng việt\s*\|\s*english.*",
    r"(?:english|tiếng việt)",
    r"bản đồ địa giới hành chính",
    r"anh tin bai",
    r"(?:[•·|:]\s*)+",
    r"(?:nghe|đọc) (?:bài|tin)(?: viết)?.*",
    r"(?:từ khóa|từ khoá|tags?)\s*:.*",
    r"(?:nguồn|theo)\s*:\s*\S{0,40}",
    r"trang chủ(?:\s*[|»›>/-].*)?",
]
_LINE_RE = re.compile(r"^(?:" + "|".join(_LINE_PATTERNS) + r")$", re.IGNORECASE)

# Headings after which a page lists other stories or comments: stop reading there.
_END_RE = re.compile(
    r"^(?:tin khác|các tin khác|tin liên quan|tin cùng chuyên mục|bài viết liên quan"
    r"|các tin đã đưa|tin đã đưa|xem thêm|đọc thêm|bài liên quan|các bài viết khác"
    r"|tin mới(?: nhất)?|tin bài khác|tin đọc nhiều|ý kiến bạn đọc|bình luận)\s*:?$",
    re.IGNORECASE,
)


_MENU_SEPARATORS = re.compile(r"\s*[|»›>•]\s*")


def _is_menu(line: str) -> bool:
    """A menu or breadcrumb: three or more short items between separators
    ("Trang chủ » Tin tức » Chính trị", "Giới thiệu | Tin tức | Văn bản")."""
    items = [item for item in _MENU_SEPARATORS.split(line) if item]
    return len(items) >= 3 and all(len(item.split()) <= 4 for item in items)


def is_furniture(line: str) -> bool:
    """True for a line that belongs to the page, not to the article (furniture is short)."""
    stripped = line.strip()
    if not 0 < len(stripped) <= 200:
        return False
    return _LINE_RE.match(stripped) is not None or _is_menu(stripped)


_ARTICLE_SO_FAR = 400  # characters read before a related-stories box ends the article
_PARAGRAPH = 150  # a line this long is article text, not the title of another story


def strip_furniture(text: str) -> str:
    """The article without page furniture.

    A related-stories or comment heading ends the article, unless it comes before the
    article has begun (some sites put the box on top): then only the short story
    titles under it are skipped, up to the first real paragraph.
    """
    kept = []
    read = 0
    skipping_titles = False
    for line in text.split("\n"):
        stripped = line.strip()
        if _END_RE.match(stripped):
            if read >= _ARTICLE_SO_FAR:
                break
            skipping_titles = True
            continue
        if skipping_titles and stripped and len(stripped) < _PARAGRAPH:
            continue
        skipping_titles = False
        if is_furniture(stripped):
            continue
        kept.append(line)
        read += len(stripped)
    return "\n".join(kept)
