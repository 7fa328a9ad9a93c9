"""The account forms: invitation (admin), and the two-factor code."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from meetings.models import Organisation
from meetings.uploads import validate_document_file
from recommendations.models import Status
from reporting.models import MembershipRole

User = get_user_model()


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        help_text=_("The language of the invitation and of every later e-mail."),
    )
    secretariat = forms.BooleanField(
        label=_("Secretariat staff"),
        required=False,
        help_text=_(
            "Staff work in the back office and must set up two-factor authentication. "
            "Leave unticked for a focal point or an evaluator, then make them a member of "
            "their organisation."
        ),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text=_("For a focal point or an evaluator: the body they serve, from today."),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=MembershipRole.choices,
        initial=MembershipRole.FOCAL_POINT,
        required=False,
    )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].lower()
        if User.objects.filter(username__iexact=email).exists() or (
            User.objects.filter(email__iexact=email).exists()
        ):
            raise forms.ValidationError(_("There is already an account with this address."))
        return email

    def clean_role(self) -> str:
        return self.cleaned_data["role"] or MembershipRole.FOCAL_POINT


class CodeForm(forms.Form):
    """A code from the authenticator app, or a recovery code."""

    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split())


class ReportForm(forms.Form):
    """A report's content. The services check it again, and who may write it; the form
    says what is wrong beside the field."""

    organisation = forms.TypedChoiceField(label=_("Reporting for"), coerce=int, choices=[])
    claimed_status = forms.ChoiceField(
        label=_("Status you report"),
        required=False,
        help_text=_("Leave blank to report progress without claiming a new status."),
    )
    narrative_en = forms.CharField(label=_("Report in English"), required=False)
    narrative_ru = forms.CharField(label=_("Report in Russian"), required=False)
    narrative_kk = forms.CharField(label=_("Report in Kazakh"), required=False)
    document = forms.FileField(
        label=_("Document"),
        required=False,
        validators=[validate_document_file],
        help_text=_("Optional: a PDF, DOCX, ODT or XLSX file."),
    )
    remove_document = forms.BooleanField(label=_("Remove the attached document"), required=False)
    document_is_public = forms.BooleanField(
        label=_("The document may be published with the report"),
        required=False,
        help_text=_("Unticked, only the secretariat sees it."),
    )
    # The version of the report the person edited: a stale one is refused, not applied.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, voices=(), report=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["claimed_status"].choices = [("", _("No status claimed")), *Status.choices]
        for code in ("en", "ru", "kk"):
            self.fields[f"narrative_{code}"].widget = forms.Textarea(
                attrs={"lang": code, "rows": 8}
            )
        if report is None and len(voices) > 1:
            self.fields["organisation"].choices = [
                (voice.organisation.pk, str(voice.organisation)) for voice in voices
            ]
        else:  # a report's body never changes; one body needs no choosing
            del self.fields["organisation"]
        if report is None:
            del self.fields["remove_document"]
            del self.fields["version"]
        elif not report.document:
            del self.fields["remove_document"]

    def clean(self) -> dict:
        data = super().clean()
        if not any((data.get(f"narrative_{code}") or "").strip() for code in ("en", "ru", "kk")):
            raise forms.ValidationError(
                _("Write the report in at least one language: English, Russian or Kazakh.")
            )
        return data

    @property
    def narratives(self) -> dict[str, str]:
        return {code: self.cleaned_data[f"narrative_{code}"] for code in ("en", "ru", "kk")}


class ActionForm(forms.Form):
    """Submit or withdraw: only the version the person saw."""

    version = forms.IntegerField(widget=forms.HiddenInput)
