from django import forms
from django.utils.translation import gettext_lazy as _

from contributions.models import Verdict
from contributions.verdicts import VerdictInput
from resolutions.models import Resolution, Watch, WatchTerm


class VerdictForm(forms.Form):
    """A verdict on a proposal (change empty) or on one of its changes."""

    change = forms.IntegerField(required=False, widget=forms.HiddenInput)
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    # No preselected value: a verdict is always a deliberate choice.
    value = forms.ChoiceField(
        label=_("Verdict"), choices=[("", _("Choose…")), *Verdict.Value.choices]
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=10_000, widget=forms.Textarea(attrs={"rows": 3})
    )
    suggested_response = forms.CharField(
        label=_("Suggested response"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def to_input(self) -> VerdictInput:
        data = self.cleaned_data
        return VerdictInput(
            value=data["value"],
            note=data["note"],
            suggested_response=data["suggested_response"],
            version=data["version"],
        )


class WatchForm(forms.Form):
    """Watch one thing: a resolution, a flag category or a watch term."""

    resolution = forms.ModelChoiceField(
        label=_("Resolution"), queryset=Resolution.objects.all(), required=False
    )
    category = forms.ChoiceField(
        label=_("Flag category"),
        choices=[("", "—"), *WatchTerm.Category.choices],
        required=False,
    )
    term = forms.ModelChoiceField(
        label=_("Watch term"), queryset=WatchTerm.objects.filter(active=True), required=False
    )

    def clean(self) -> dict:
        data = super().clean()
        chosen = [k for k in ("resolution", "category", "term") if data.get(k)]
        if len(chosen) != 1:
            raise forms.ValidationError(_("Choose exactly one thing to watch."))
        return data

    def save(self, user) -> Watch:
        data = self.cleaned_data
        watch, _created = Watch.objects.get_or_create(
            user=user,
            resolution=data.get("resolution"),
            category=data.get("category") or "",
            term=data.get("term"),
        )
        return watch
