from .views.preferences import TEXT_SIZE_COOKIE


def preferences(request):
    return {"large_text": request.COOKIES.get(TEXT_SIZE_COOKIE) == "large"}
