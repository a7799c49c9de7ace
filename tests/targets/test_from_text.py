"""Targets from text: proposals beside their sentences, nothing saved until confirmed."""

from django.urls import reverse

from nghiquyet.documents.models import Document
from nghiquyet.targets.models import Indicator, Target
from nghiquyet.targets.proposals import propose_targets
from shared_data import seed_text

PASTED = (
    "Phấn đấu GRDP tăng trưởng 8,5% trở lên so với năm 2023; thu ngân sách nội địa trên "
    "6.000 tỷ đồng; tỷ lệ hộ nghèo giảm còn dưới 2%; tạo việc làm mới cho 23.000 lao động."
)


def test_proposals_guess_kind_direction_and_field_from_the_words(dongthap):
    proposals = {
        p.indicator_name: p
        for p in propose_targets(text=PASTED, year=2024, province=dongthap.province)
    }
    growth = next(p for name, p in proposals.items() if "GRDP" in name)
    assert (growth.kind, growth.comparator, growth.value, growth.period) == (
        "growth",
        ">=",
        8.5,
        "2024",
    )
    poverty = next(p for name, p in proposals.items() if "nghèo" in name)
    assert (poverty.kind, poverty.direction, poverty.sector) == (
        "share",
        "less_is_better",
        "society",
    )
    jobs = next(p for name, p in proposals.items() if "việc làm" in name)
    assert (jobs.kind, jobs.sector) == ("count", "society")


def test_a_proposal_reuses_the_catalogue_indicator_of_the_same_name(dongthap, revenue_indicator):
    proposals = propose_targets(text=PASTED, year=2024, province=dongthap.province)
    revenue = next(p for p in proposals if "ngân sách" in p.indicator_name)
    assert revenue.indicator_id == revenue_indicator.pk


def post_text(client, url, **extra):
    return client.post(url, {"step": "read", "text": PASTED, "year": "2024", **extra})


def confirm_data(response) -> dict:
    """What the browser sends back: every proposal as shown, all kept."""
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


def test_reading_the_text_saves_nothing_and_shows_each_source_sentence(
    client_for, office, resolution
):
    url = reverse("targets:document_from_text", args=[resolution.pk])
    response = post_text(client_for(office), url)
    html = response.content.decode()
    assert "thu ngân sách nội địa trên 6.000 tỷ đồng" in html
    assert len(response.context["formset"].forms) == 4
    assert not Target.objects.exists()


def test_confirming_saves_the_kept_targets_with_new_indicators(
    client_for, office, resolution, dongthap
):
    client = client_for(office)
    url = reverse("targets:document_from_text", args=[resolution.pk])
    data = confirm_data(post_text(client, url))
    del data["t-3-include"]  # the person unticks the jobs target
    data["t-0-owner_id"] = str(dongthap.bodies["so_tai_chinh"].pk)
    response = client.post(url, data)
    assert response.status_code == 302
    targets = list(Target.objects.filter(document=resolution).order_by("position"))
    assert len(targets) == 3
    assert targets[0].owner == dongthap.bodies["so_tai_chinh"]
    assert targets[0].source_text.startswith("GRDP tăng trưởng 8,5% trở lên")
    assert Indicator.objects.filter(province=dongthap.province).count() == 3


def test_a_new_resolution_is_created_with_its_targets_from_the_seed_article(
    client_for, office, dongthap
):
    client = client_for(office)
    url = reverse("targets:from_text")
    document_fields = {
        "doc-title": "Nghị quyết về nhiệm vụ năm 2024",
        "doc-symbol": "40-NQ/TU",
        "doc-issuer": str(dongthap.bodies["tinh_uy"].pk),
        "doc-issued_on": "2024-01-04",
    }
    response = client.post(
        url, {"step": "read", "text": seed_text("001"), "year": "2024", **document_fields}
    )
    assert not Document.objects.filter(symbol="40-NQ/TU").exists()
    data = {**confirm_data(response), **document_fields}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["formset"].errors
    document = Document.objects.get(symbol="40-NQ/TU")
    assert document.targets.count() == 14


def test_a_reporter_cannot_create_targets_from_text(client_for, reporter, resolution):
    url = reverse("targets:document_from_text", args=[resolution.pk])
    assert client_for(reporter).get(url).status_code in (403, 404)
    assert post_text(client_for(reporter), url).status_code in (403, 404)
    assert client_for(reporter).get(reverse("targets:from_text")).status_code == 403
