"""Staff forms of a flag's steps; the rules live in lifecycle.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from disclosure.publishing.notify import people_who_may
from disclosure.regions.access import Action
from disclosure.regions.models import User

from .forms import DateInput
from .lifecycle import TEXT_MAX_CHARS


def _text(label, help_text=""):
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=TEXT_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


PUBLIC = _("Villagers read it beside the item when the flag is about published money.")


class AcknowledgeForm(forms.Form):
    explanation = _text(
        _("The village's explanation"), _("What the flag is about, with the documents at hand.")
    )


class RectifyForm(forms.Form):
    instructions = _text(_("What must be put right"))
    responsible = forms.ModelChoiceField(label=_("Person responsible"), queryset=None)
    deadline = forms.DateField(label=_("Rectify by"), widget=DateInput)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        # The village's clerks and committee members: those who report what was done.
        people = people_who_may(Action.EXPLAIN_FLAGS, case.village)
        self.fields["responsible"].queryset = User.objects.filter(
            pk__in=[person.pk for person in people]
        ).order_by("username")


class ReportForm(forms.Form):
    report = _text(_("What was done"))


class CloseForm(forms.Form):
    conclusion = _text(_("Conclusion"), PUBLIC)


class DismissForm(forms.Form):
    reason = _text(_("Why the flag is unfounded"), PUBLIC)


class ReopenForm(forms.Form):
    reason = _text(_("Why the flag is taken up again"))
