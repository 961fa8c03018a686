"""What the workspace's posting pages share: the posting editor's form."""

from ..forms import PostingEditor


def posted_editor(request, kind: str) -> tuple[PostingEditor, bool]:
    """The posting form filled from the request, and whether it is ready to be saved.

    The "add a row" button only redisplays the form with one more row; nothing is saved.
    """
    if "add_row" in request.POST:
        return PostingEditor.with_added_row(kind, request.POST), False
    editor = PostingEditor(kind, request.POST)
    return editor, editor.is_valid()
