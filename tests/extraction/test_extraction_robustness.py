"""The engine never raises, whatever it is given. No timing assertions here, ever."""

import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nghiquyet.extraction import extract
from shared_data import seed_paths

HERE = Path(__file__).parent
#: The seed articles when they are here, else the texts kept with the tests.
_SOURCES = seed_paths() or sorted((HERE / "texts").glob("*.txt"))
SAMPLES = [p.read_text(encoding="utf-8") for p in _SOURCES]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_unicode_never_raises(text):
    extract(text)
    extract(text, html=True)


@st.composite
def mutated_article(draw):
    text = draw(st.sampled_from(SAMPLES))
    rng = random.Random(draw(st.integers(0, 2**32)))
    chars = list(text)
    for _ in range(draw(st.integers(1, 60))):
        position = rng.randrange(len(chars) + 1)
        action = rng.choice(("insert", "delete", "swap", "cut"))
        if action == "insert":
            chars.insert(position, draw(st.characters()))
        elif action == "delete" and position < len(chars):
            del chars[position]
        elif action == "swap" and position + 1 < len(chars):
            chars[position], chars[position + 1] = chars[position + 1], chars[position]
        elif action == "cut":
            chars = chars[:position]
    return "".join(chars)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_article())
def test_mutated_articles_never_raise(text):
    found = extract(text)
    assert found.to_dict()["document"] is None


def test_an_article_cut_off_mid_sentence_still_reads():
    found = extract(SAMPLES[0][: len(SAMPLES[0]) // 2])
    assert found.to_dict()


def test_a_megabyte_of_text_is_read_without_error():
    body = "\n\n".join(s.replace("Tin khác", "") for s in SAMPLES)
    text = (body * (1_000_000 // len(body) + 1))[:1_000_000]
    assert extract(text).to_dict()


def test_a_megabyte_on_one_line_of_dense_figures_names_and_documents_is_read():
    """A page without line breaks or full stops must not make the work quadratic."""
    unit = (
        "Bí thư Tỉnh ủy Nguyễn Văn An, GRDP tăng 8,5% trở lên, Nghị quyết số 45-NQ/TW ngày "
        "1/1/2020 của Bộ Chính trị, có 7/24 chỉ tiêu đạt và vượt, 6 nhiệm vụ trọng tâm, "
        "Hội nghị lần thứ 5 huyện Lai Vung, "
    )
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    assert extract(text).to_dict()
