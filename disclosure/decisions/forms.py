"""Staff forms of major matters. They parse input; the services and rules.py decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import rules
from .models import Body, LinkKind, Matter, Phase

MONEY = {"max_digits": 14, "decimal_places": 2, "min_value": 0}


class MatterForm(forms.ModelForm):
    class Meta:
        model = Matter
        fields = ["title", "category", "amount", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}
        labels = {"category": _("Category of matter")}
        help_texts = {
            "category": _("The matters the Organic Law puts before the villagers (art. 24)."),
            "amount": _("In yuan, for example 380000.00. Leave empty when no money is involved."),
        }


class StageForm(forms.Form):
    """One discussion; the stage number is the one the rules allow next, not chosen freely."""

    body = forms.ChoiceField(label=_("Meeting"))
    held_on = forms.DateField(label=_("Date held"), widget=forms.DateInput(attrs={"type": "date"}))
    eligible = forms.IntegerField(label=_("Number entitled to attend"), min_value=0)
    present = forms.IntegerField(label=_("Number present"), min_value=0)
    votes_for = forms.IntegerField(label=_("Votes for"), min_value=0)
    votes_against = forms.IntegerField(label=_("Votes against"), min_value=0, initial=0)
    abstentions = forms.IntegerField(label=_("Abstentions"), min_value=0, initial=0)
    minutes = forms.CharField(
        label=_("Minutes"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What was proposed and said, as written in the meeting record."),
    )

    def __init__(self, number: int, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.number = number
        self.fields["body"].choices = [
            (body, Body(body).label) for body in rules.BODIES_OF_STAGE[number]
        ]
        if number == rules.LAST_STAGE:
            self.fields["eligible"].help_text = _(
                "Representatives, adult villagers or households, as the meeting counts them."
            )

    def figures(self) -> rules.Figures:
        data = self.cleaned_data
        return rules.Figures(
            number=self.number,
            body=data["body"],
            held_on=data["held_on"],
            eligible=data["eligible"],
            present=data["present"],
            votes_for=data["votes_for"],
            votes_against=data["votes_against"],
            abstentions=data["abstentions"],
        )


class FileForm(forms.Form):
    file = forms.FileField(
        label=_("File"), help_text=_("PDF, JPEG or PNG: minutes, attendance sheets, plans.")
    )


class ResolutionForm(forms.Form):
    body = forms.CharField(
        label=_("Text of the resolution disclosure"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Leave empty to use the description of the matter."),
    )


class ProgressForm(forms.Form):
    on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    description = forms.CharField(
        label=_("What was done"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    percent = forms.IntegerField(
        label=_("Progress (%)"),
        min_value=0,
        max_value=100,
        help_text=_("100 means the work is finished; the result must then be disclosed in time."),
    )
    spent = forms.DecimalField(label=_("Money spent so far (yuan)"), required=False, **MONEY)


class PhotoForm(forms.Form):
    phase = forms.ChoiceField(label=_("When the photo was taken"), choices=Phase.choices)
    file = forms.FileField(label=_("Photo"), help_text=_("JPEG or PNG."))


class LinkForm(forms.Form):
    kind = forms.ChoiceField(label=_("Points to"), choices=LinkKind.choices)
    reference = forms.CharField(
        label=_("Reference"),
        max_length=100,
        help_text=_("Voucher number, contract number or permalink code."),
    )
    label = forms.CharField(label=_("Description"), max_length=200, required=False)


class ResultForm(forms.Form):
    body = forms.CharField(
        label=_("What was done"), max_length=20000, widget=forms.Textarea(attrs={"rows": 6})
    )
    final_cost = forms.DecimalField(label=_("Final cost (yuan)"), **MONEY)
    accepted_on = forms.DateField(
        label=_("Accepted on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    accepted_by = forms.CharField(
        label=_("Accepted by"),
        max_length=200,
        help_text=_("Who inspected and accepted the work."),
    )
    acceptance = forms.CharField(
        label=_("Acceptance opinion"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Answer"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Published beside the objection."),
    )
