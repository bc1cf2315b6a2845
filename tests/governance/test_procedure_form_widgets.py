"""The written procedure's answer radios and member checkboxes are DKFDS radios/checkboxes, not text inputs."""

from django import forms

from klynge.governance.forms import AnswerForm
from klynge.organisation.forms import DkfdsFormMixin


def test_the_answer_radios_are_styled_as_radios_not_as_text_inputs():
    html = str(AnswerForm()["vote"])
    assert 'class="form-radio"' in html and "form-input" not in html


def test_a_checkbox_list_gets_the_checkbox_class_and_a_text_field_keeps_the_input_class():
    class Example(DkfdsFormMixin, forms.Form):
        chosen = forms.MultipleChoiceField(choices=[("a", "A")], widget=forms.CheckboxSelectMultiple)
        text = forms.CharField()

    form = Example()
    assert form.fields["chosen"].widget.attrs["class"] == "form-checkbox"
    assert form.fields["text"].widget.attrs["class"] == "form-input"
