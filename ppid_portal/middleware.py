from django.utils.cache import add_never_cache_headers


class PrivatePageCacheMiddleware:
    """Pages seen by a signed-in user are never stored by browsers or proxies: they may carry
    a citizen's data or internal work."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            response["Cache-Control"] = "private, no-store, no-cache, must-revalidate, max-age=0"
        return response
