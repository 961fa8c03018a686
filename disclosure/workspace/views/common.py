"""What every workspace page shares: who may enter, and the posting editor's form."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from disclosure.regions.access import is_staff_member

from ..forms import PostingEditor


def staff_required(view):
    """Signed-in staff holding a role; anyone else signed in is refused with a clear page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_staff_member(request.user):
            return render(request, "workspace/not_staff.html", status=403)
        return view(request, *args, **kwargs)

    return login_required(wrapper)


def posted_editor(request, kind: str) -> tuple[PostingEditor, bool]:
    """The posting form filled from the request, and whether it is ready to be saved.

    The "add a row" button only redisplays the form with one more row; nothing is saved.
    """
    if "add_row" in request.POST:
        return PostingEditor.with_added_row(kind, request.POST), False
    editor = PostingEditor(kind, request.POST)
    return editor, editor.is_valid()
