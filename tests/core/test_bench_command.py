"""``nghiquyet bench``: a benchmark's own options reach it, bad ones are refused clearly."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import translation


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="on PostgreSQL the benchmark runs")
def test_the_national_benchmark_refuses_sqlite_and_says_what_to_set():
    with translation.override("vi"), pytest.raises(CommandError) as refused:
        call_command("bench", "national", "--figures", "1000")
    assert "chỉ chạy trên PostgreSQL" in str(refused.value)
    assert "DATABASE_URL" in str(refused.value)


def test_an_unknown_option_of_a_benchmark_is_refused():
    with translation.override("en"), pytest.raises(CommandError) as refused:
        call_command("bench", "national", "--provinces", "63")
    assert "Bad options for the benchmark 'national'" in str(refused.value)


def test_a_benchmark_without_options_refuses_any():
    with translation.override("vi"), pytest.raises(CommandError) as refused:
        call_command("bench", "extract", "--figures", "10")
    assert "không nhận tuỳ chọn" in str(refused.value)
