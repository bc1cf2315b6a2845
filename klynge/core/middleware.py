"""A CPR number refused by the save guard is a Danish message, never a server error."""

from django.core.exceptions import ValidationError
from django.shortcuts import render


def _is_cpr_refusal(error: ValidationError) -> bool:
    if hasattr(error, "error_dict"):
        return any(e.code == "cpr" for errors in error.error_dict.values() for e in errors)
    return any(e.code == "cpr" for e in error.error_list)


class CprRefusedMiddleware:
    """The last line behind the forms: a write that reached the ``pre_save`` guard with a CPR number.

    The request's transaction has already been rolled back (``ATOMIC_REQUESTS``), so nothing is
    half-written; the user gets a 400 page naming the field.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, ValidationError) and _is_cpr_refusal(exception):
            return render(request, "cpr_refused.html", {"messages_list": exception.messages}, status=400)
        return None
