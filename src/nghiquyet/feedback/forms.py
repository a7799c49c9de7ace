from captcha.fields import CaptchaField, CaptchaTextInput
from django import forms
from django.utils.translation import gettext_lazy as _

from .services import COMMENT_MAX_CHARS


class CommentForm(forms.Form):
    """A visitor's comment; the captcha is a small sum drawn by the site itself."""

    name = forms.CharField(
        label=_("Your name (shown with the comment)"),
        max_length=100,
        widget=forms.TextInput(attrs={"class": "form-control", "autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Email (optional, never shown)"),
        required=False,
        widget=forms.EmailInput(attrs={"class": "form-control", "autocomplete": "email"}),
    )
    text = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX_CHARS,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 4}),
    )
    captcha = CaptchaField(
        label=_("Work out the sum in the picture"),
        widget=CaptchaTextInput(attrs={"class": "form-control", "inputmode": "numeric"}),
        error_messages={"invalid": _("The answer to the sum is wrong; try the new one.")},
    )
