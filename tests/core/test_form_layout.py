"""Every form is drawn with one Bootstrap layout: capitalised labels tied to their boxes,
Bootstrap's classes on each kind of input, help texts and errors under the box."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from nghiquyet.documents.forms import DocumentForm
from nghiquyet.meetings.forms import VoteForm


@pytest.mark.django_db
def test_a_form_with_lower_case_labels_shows_them_capitalised_with_bootstrap_inputs():
    with translation.override("vi"):
        html = str(DocumentForm(user=AnonymousUser()))
    assert re.search(r'<label class="form-label" for="id_symbol">Số, ký hiệu</label>', html)
    assert re.search(r'<select name="kind"[^>]*class="form-select"', html)
    assert re.search(r'<textarea name="text"[^>]*class="form-control"', html)
    assert re.search(r'<input type="checkbox" name="is_public"[^>]*class="form-check-input"', html)
    assert 'class="form-text" id="id_symbol_helptext"' in html
    with translation.override("en"):
        html = str(DocumentForm(user=AnonymousUser()))
    assert '<label class="form-label" for="id_symbol">Symbol</label>' in html


def test_a_refused_figure_shows_its_error_under_the_box_in_vietnamese():
    form = VoteForm({"present": "45", "in_favour": "-1", "against": "0", "abstain": "0"})
    with translation.override("vi"):
        assert not form.is_valid()
        html = str(form)
    box = html.index('name="in_favour"')
    error = html.index('class="errorlist"', box)
    assert error > box
    assert "lớn hơn hoặc bằng với 0" in html
