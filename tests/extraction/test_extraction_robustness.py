"""The engine never raises, whatever it is given. No timing assertions here, ever."""

import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nghiquyet.extraction import extract

HERE = Path(__file__).parent
SHARED = HERE.parents[1].parent / "shared"


_SOURCES = sorted((SHARED / "seeds").glob("*.txt")) or sorted((HERE / "texts").glob("*.txt"))
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
    text = ("\n\n".join(SAMPLES) * (1_000_000 // sum(map(len, SAMPLES)) + 1))[:1_000_000]
    assert extract(text).to_dict()
