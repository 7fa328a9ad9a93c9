"""What a browser would post back from an admin form page, as the test client's data."""

from django import forms
from django.http import HttpResponse


def form_data(form: forms.BaseForm) -> dict:
    """The values a form shows, as its submit button would send them (files left as they are)."""
    data = {}
    for field in form:
        value = field.value()
        if isinstance(field.field, forms.BooleanField):
            if value:
                data[field.html_name] = "on"  # an unticked checkbox sends nothing
        elif isinstance(field.field, forms.FileField):
            continue
        elif isinstance(value, list | tuple):
            data[field.html_name] = [str(item) for item in value]
        else:
            data[field.html_name] = "" if value is None else str(value)
    return data


def page_data(response: HttpResponse) -> dict:
    """Everything an admin change (or history) page would post: its form and its inlines."""
    context = response.context
    data = form_data(context["adminform"].form)
    for inline in context.get("inline_admin_formsets", []):
        data |= form_data(inline.formset.management_form)
        for form in inline.formset.forms:
            data |= form_data(form)
    return data
