"""The Observatory scoring in tests/web/observatory.py gives the grades its published rules give:
checked here on sites whose scores the rules fix, so that the portal's own A+ (measured behind
nginx in test_behind_nginx.py) means what it says."""

from tests.web.observatory import Response, score

STRONG = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; frame-ancestors 'none'",
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Content-Type": "text/html; charset=utf-8",
}
REDIRECT = Response("http://example.org/", {"Location": "https://example.org/"})


def page(headers, body='<script src="/static/js/verify.js"></script>', cookies=()):
    return Response("https://example.org/", headers, body, list(cookies))


def test_a_site_with_no_security_headers_fails():
    bare = page({"Content-Type": "text/html"})

    total, grade, results = score(bare, Response("http://example.org/", {}))

    # -25 CSP, -20 redirect, -20 HSTS, -5 nosniff, -20 framing
    assert (total, grade) == (10, "F")
    assert results["csp-not-implemented"] == -25


def test_a_strict_policy_with_framing_refused_by_csp_earns_a_plus():
    total, grade, results = score(page(STRONG), REDIRECT)

    assert (total, grade) == (120, "A+")
    assert results["csp-implemented-with-no-unsafe-default-src-none"] == 10
    assert results["x-frame-options-implemented-via-csp"] == 5


def test_unsafe_inline_scripts_cost_twenty_points_and_every_bonus():
    loose = STRONG | {"Content-Security-Policy": "default-src 'self' 'unsafe-inline'"}

    total, grade, _ = score(page(loose), REDIRECT)

    assert (total, grade) == (80, "B+")


def test_inline_styles_alone_cost_the_bonus_but_no_points():
    styled = STRONG | {
        "Content-Security-Policy": "default-src 'none'; style-src 'self' 'unsafe-inline'"
    }

    total, _, results = score(page(styled), REDIRECT)

    assert results["csp-implemented-with-unsafe-inline-in-style-src-only"] == 0
    assert total == 105


def test_a_nonce_cancels_unsafe_inline_as_browsers_do():
    nonced = STRONG | {
        "Content-Security-Policy": "default-src 'none'; script-src 'nonce-abc' 'unsafe-inline'; "
        "frame-ancestors 'none'"
    }

    assert score(page(nonced), REDIRECT)[0] == 120


def test_cookies_without_secure_lose_points_even_under_hsts():
    plain = page(STRONG, cookies=["csrftoken=abc; Path=/; SameSite=Lax"])
    secure = page(STRONG, cookies=["csrftoken=abc; Path=/; SameSite=Lax; Secure"])

    assert score(plain, REDIRECT)[2]["cookies-without-secure-flag-but-protected-by-hsts"] == -5
    assert score(secure, REDIRECT)[0] == 125


def test_a_session_cookie_readable_by_scripts_is_a_serious_fault():
    leaky = page(STRONG, cookies=["sessionid=abc; Path=/; Secure; SameSite=Lax"])

    assert score(leaky, REDIRECT)[2]["cookies-session-without-httponly-flag"] == -30


def test_scripts_from_another_host_without_integrity_cost_points():
    external = page(STRONG, body='<script src="https://cdn.example.net/x.js"></script>')

    results = score(external, REDIRECT)[2]

    assert results["sri-not-implemented-but-external-scripts-loaded-securely"] == -5


def test_bonuses_count_only_from_an_a():
    weak = STRONG | {"Strict-Transport-Security": "max-age=600"}
    weak.pop("X-Content-Type-Options")

    total, grade, _ = score(page(weak), REDIRECT)

    # 100 - 10 (short HSTS) - 5 (no nosniff) = 85, below 90: the 20 bonus points do not count
    assert (total, grade) == (85, "A-")
