"""The question asked when a sub-body or an initiative is set up (registered in ``apps.ready``)."""

from .forms import InvitationQuestionForm


def invitation_question(data, *, scope_body, what):
    return InvitationQuestionForm(data, scope_body=scope_body, what=what)
