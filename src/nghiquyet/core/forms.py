"""One layout for every form of the site, in Bootstrap's classes.

Django renders every form, field and widget through the renderer named in
FORM_RENDERER, so setting it here gives all forms (``{{ form }}``, single fields and
hand-placed widgets alike) the same labels, help texts, errors and input classes
without each template or form class repeating them.
"""

from typing import Any

from django.forms.renderers import DjangoTemplates

#: Bootstrap's class for each kind of widget, by the template Django draws it with.
WIDGET_CLASSES = {
    "django/forms/widgets/select.html": "form-select",
    "django/forms/widgets/checkbox.html": "form-check-input",
    "django/forms/widgets/radio.html": "",
    "django/forms/widgets/checkbox_select.html": "",
    "django/forms/widgets/hidden.html": "",
    "django/forms/widgets/multiple_hidden.html": "",
    "django/forms/widgets/multiwidget.html": "",
    "django/forms/widgets/splitdatetime.html": "",
    "django/forms/widgets/splithiddendatetime.html": "",
    "django/forms/widgets/select_date.html": "",
}
DEFAULT_WIDGET_CLASS = "form-control"


class BootstrapFormRenderer(DjangoTemplates):
    """Django's renderer with the site's form and field templates and Bootstrap input classes."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"

    def render(self, template_name: str, context: dict[str, Any], request=None) -> str:
        widget = context.get("widget")
        if isinstance(widget, dict) and template_name.startswith("django/forms/widgets/"):
            css = WIDGET_CLASSES.get(template_name, DEFAULT_WIDGET_CLASS)
            attrs = widget.get("attrs") or {}
            classes = attrs.get("class", "").split()
            if css and css not in classes:
                widget["attrs"] = {**attrs, "class": " ".join([*classes, css])}
        return super().render(template_name, context, request)
