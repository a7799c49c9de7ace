"""Error pages in the site's layout and language; every asset from the site itself.

Before, /api/docs loaded Swagger UI from a CDN (blank on an office's closed network),
no Content-Security-Policy was sent, and errors showed Django's bare English pages.
"""

import re
from pathlib import Path

import pytest
from django.template import loader
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

import nghiquyet

pytestmark = pytest.mark.django_db

SOURCE = Path(nghiquyet.__file__).parent
EXTERNAL_ASSET = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", re.IGNORECASE)


def csp_of(response) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part)}


@pytest.mark.parametrize("path", ["/", "/login/", "/api/docs", "/targets/"])
def test_every_page_sends_a_policy_that_forbids_foreign_and_inline_scripts(client, path):
    response = client.get(path)
    assert response.status_code in (200, 302)
    policy = csp_of(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_the_api_docs_load_swagger_ui_from_the_site_itself(client):
    page = client.get("/api/docs").content.decode()
    scripts = re.findall(r"""<(?:script|link)[^>]*(?:src|href)=["']([^"']+)""", page)
    assert any(s.endswith("swagger-ui-bundle.js") for s in scripts)
    assert all(s.startswith("/static/") for s in scripts), scripts
    bundle = next(s for s in scripts if s.endswith("swagger-ui-bundle.js"))
    assert client.get(bundle).status_code == 200


def test_no_template_loads_an_asset_from_another_site():
    offenders = [
        str(path.relative_to(SOURCE))
        for path in SOURCE.rglob("templates/**/*.html")
        if EXTERNAL_ASSET.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_no_page_template_runs_an_inline_script():
    inline = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.IGNORECASE)
    handlers = re.compile(r"""\son[a-z]+\s*=\s*["']""", re.IGNORECASE)
    offenders = [
        str(path.relative_to(SOURCE))
        for path in SOURCE.rglob("templates/**/*.html")
        if inline.search(text := path.read_text(encoding="utf-8")) or handlers.search(text)
    ]
    assert offenders == []


def test_a_missing_page_answers_a_vietnamese_404_in_the_sites_layout(client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Không tìm thấy trang" in page
    assert 'class="site-header"' in page


def test_a_missing_page_speaks_english_to_an_english_reader():
    client = Client()
    client.cookies["django_language"] = "en"
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_a_refused_page_answers_a_vietnamese_403_in_the_sites_layout(client_for, reporter):
    response = client_for(reporter).get(reverse("targets:from_text"))
    assert response.status_code == 403
    page = response.content.decode()
    assert "Không được phép" in page
    assert 'class="site-header"' in page


def test_a_form_sent_without_its_csrf_token_answers_a_vietnamese_page(office, password):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/login/", {"username": office.username, "password": password})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Biểu mẫu đã hết hạn" in page
    assert 'class="site-header"' in page


def test_the_server_error_page_renders_without_any_request_context():
    page = loader.get_template("500.html").render()
    assert "Lỗi hệ thống" in page
    assert "Server error" in page


def test_the_server_error_view_answers_the_sites_500_page():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Lỗi hệ thống" in response.content.decode()
