"""Decorators of views."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from disclosure.regions.access import is_staff_member


def staff_required(view):
    """Signed-in staff holding a role; anyone else signed in is refused with a clear page.

    The page is the workspace's (workspace/not_staff.html): staff pages of every app live in it.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_staff_member(request.user):
            return render(request, "workspace/not_staff.html", status=403)
        return view(request, *args, **kwargs)

    return login_required(wrapper)
