"""Targets from pasted text that need no correcting: periods and terms from the text,
base years, the text's order, and a person's edits kept."""

from decimal import Decimal

from django.urls import reverse

from nghiquyet.documents.models import Document
from nghiquyet.targets.models import Indicator, Target

TERM_TEXT = (
    "Phấn đấu đến năm 2025: thu ngân sách nội địa tăng 10% so với năm 2020 (năm 2020 đạt "
    "10.000 tỷ đồng); tốc độ tăng trưởng kinh tế bình quân 9-9,5%/năm giai đoạn 2021-2025; "
    "tổng vốn đầu tư toàn xã hội 5 năm đạt 250.000 tỷ đồng; tỷ lệ hộ nghèo giảm còn dưới 2%."
)


def read(client, url, text, year="2024", **extra):
    return client.post(url, {"step": "read", "text": text, "year": year, **extra})


def confirm_data(response) -> dict:
    formset = response.context["formset"]
    data = {f"t-{k}": v for k, v in formset.management_form.initial.items()}
    data["step"] = "confirm"
    for form in formset:
        for name in form.fields:
            value = form.initial.get(name)
            if value is None or value is False:
                continue
            data[form.add_prefix(name)] = "on" if value is True else str(value)
    return data


def test_a_term_a_base_year_and_the_texts_order_are_saved(client_for, office, resolution):
    client = client_for(office)
    url = reverse("targets:document_from_text", args=[resolution.pk])
    response = client.post(url, confirm_data(read(client, url, TERM_TEXT)))
    assert response.status_code == 302
    targets = list(Target.objects.filter(document=resolution).order_by("position"))
    assert [(t.indicator.kind, t.period) for t in targets] == [
        ("growth", "2025"),
        ("growth", "2021/2025"),
        ("cumulative", "2021/2025"),
        ("share", "2025"),
    ]
    assert (targets[0].base_year, targets[0].base_value) == (2020, Decimal("10000"))
    assert targets[0].indicator.name == "Thu ngân sách nội địa"
    assert targets[3].indicator.direction == "less_is_better"


def test_a_figure_for_an_earlier_year_keeps_its_year(client_for, office, resolution):
    client = client_for(office)
    url = reverse("targets:document_from_text", args=[resolution.pk])
    text = "Năm 2022, tổng vốn đầu tư toàn xã hội đạt 48.000 tỷ đồng."
    response = client.post(url, confirm_data(read(client, url, text, year="2024")))
    assert response.status_code == 302
    assert Target.objects.get(document=resolution).period == "2022"


def test_renaming_a_matched_indicator_saves_the_new_name(
    client_for, office, resolution, revenue_indicator
):
    client = client_for(office)
    url = reverse("targets:document_from_text", args=[resolution.pk])
    text = "Thu ngân sách nội địa trên 6.000 tỷ đồng."
    data = confirm_data(read(client, url, text))
    assert data["t-0-indicator_id"] == str(revenue_indicator.pk)
    data["t-0-indicator_name"] = "Thu nội địa trừ tiền sử dụng đất"
    assert client.post(url, data).status_code == 302
    target = Target.objects.get(document=resolution)
    assert target.indicator.name == "Thu nội địa trừ tiền sử dụng đất"
    revenue_indicator.refresh_from_db()
    assert revenue_indicator.name == "Thu ngân sách nội địa"


def test_a_kind_that_clashes_with_the_catalogue_is_refused_not_dropped(
    client_for, office, resolution, revenue_indicator
):
    client = client_for(office)
    url = reverse("targets:document_from_text", args=[resolution.pk])
    data = confirm_data(read(client, url, "Thu ngân sách nội địa trên 6.000 tỷ đồng."))
    data["t-0-kind"] = "cumulative"
    response = client.post(url, data)
    assert response.status_code == 200
    shown = [str(m) for m in response.context["messages"]]
    assert any("Thu ngân sách nội địa" in m and "cumulative" not in m for m in shown), shown
    assert not Target.objects.filter(document=resolution).exists()


def test_confirming_with_nothing_kept_saves_no_empty_resolution(client_for, office, dongthap):
    client = client_for(office)
    url = reverse("targets:from_text")
    fields = {"doc-title": "Nghị quyết rỗng", "doc-issuer": str(dongthap.bodies["tinh_uy"].pk)}
    response = read(client, url, "Thu ngân sách nội địa trên 6.000 tỷ đồng.", **fields)
    data = {**confirm_data(response), **fields}
    del data["t-0-include"]
    response = client.post(url, data)
    assert response.status_code == 200
    assert any("giữ ít nhất một" in str(m) for m in response.context["messages"])
    assert not Document.objects.filter(title="Nghị quyết rỗng").exists()
    assert Indicator.objects.filter(province=dongthap.province).count() == 0
