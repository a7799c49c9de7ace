from django import forms

from .models import NewsItem


class NewsItemForm(forms.ModelForm):
    class Meta:
        model = NewsItem
        fields = ["title_vi", "body_vi", "title_en", "body_en"]
        widgets = {
            "title_vi": forms.TextInput(attrs={"class": "form-control"}),
            "title_en": forms.TextInput(attrs={"class": "form-control"}),
            "body_vi": forms.Textarea(attrs={"class": "form-control", "rows": 12}),
            "body_en": forms.Textarea(attrs={"class": "form-control", "rows": 12}),
        }
