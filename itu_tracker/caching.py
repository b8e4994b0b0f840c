"""Cache headers for the public site: shared caches may keep anonymous pages, never a staff one."""

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers

PUBLIC_MAX_AGE = 300


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """`Cache-Control: public` for anonymous visitors; private and uncached for a logged-in user.

    `Vary: Cookie` keeps a cache from serving one visitor's page (language cookie, CSRF token
    of the language form) to another, or an anonymous copy to someone who has since logged in.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        patch_vary_headers(response, ("Cookie",))
        if request.user.is_authenticated:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        elif response.status_code == 200:
            patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
        return response

    return wrapper
