"""The Mozilla HTTP Observatory's score of a site, computed from what it answers, by the published
rules (mozilla/http-observatory: httpobs/docs/scoring.md for the modifiers and grades, and the
analysers in httpobs/scanner/analyzer/ for how each test reads the headers).

Every site starts at 100; each test adds its modifier; bonuses count only when the score without
them is 90 or more. The HSTS preload bonus needs the host on the browsers' preload list, which no
test of ours can claim, so it is never given here.
"""

import re
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

GRADES = [
    (100, "A+"),
    (90, "A"),
    (85, "A-"),
    (80, "B+"),
    (70, "B"),
    (65, "B-"),
    (60, "C+"),
    (50, "C"),
    (45, "C-"),
    (40, "D+"),
    (30, "D"),
    (25, "D-"),
    (0, "F"),
]
MINIMUM_SCORE_FOR_EXTRA_CREDIT = 90
SIX_MONTHS = 15768000
DANGEROUSLY_BROAD = {"ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*"}
UNSAFE_INLINE = {"'unsafe-inline'", "data:"}
NONCES_HASHES = ("'sha256-", "'sha384-", "'sha512-", "'nonce-")
PRIVATE_REFERRERS = {
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
}
UNSAFE_REFERRERS = {"origin", "origin-when-cross-origin", "unsafe-url"}


@dataclass
class Response:
    """One response as the scanner sees it: its address, headers (names in any case) and body."""

    url: str
    headers: dict
    body: str = ""
    cookies: list = field(default_factory=list)  # the raw Set-Cookie values

    def header(self, name: str) -> str | None:
        for key, value in self.headers.items():
            if key.lower() == name.lower():
                return value
        return None


def parse_csp(value: str) -> dict[str, set[str]]:
    policy = {}
    for directive in value.replace("\r", "").replace("\n", "").split(";"):
        if not directive.strip():
            continue
        name, *sources = directive.split()
        if name.lower() in policy:
            raise ValueError(f"directive {name!r} repeated")
        policy[name.lower()] = {source.lower() for source in sources}
    return policy


def content_security_policy(response: Response) -> tuple[str, int]:
    value = response.header("Content-Security-Policy")
    if not value:
        return "csp-not-implemented", -25
    try:
        csp = parse_csp(value)
    except ValueError:
        return "csp-header-invalid", -25
    default = csp.get("default-src", {"*"})
    script = set(csp.get("script-src") or default)
    style = set(csp.get("style-src") or default)
    objects = csp.get("object-src") or default
    for sources in (script, style):
        if any(source.startswith(NONCES_HASHES) for source in sources):
            sources.discard("'unsafe-inline'")
    https = urlsplit(response.url).scheme == "https"
    active = [
        s for name, sources in csp.items() if name not in ("img-src", "media-src") for s in sources
    ]
    if script & (DANGEROUSLY_BROAD | UNSAFE_INLINE) or objects & DANGEROUSLY_BROAD:
        return "csp-implemented-with-unsafe-inline", -20
    if https and any("http:" in source or "ftp:" in source for source in active):
        return "csp-implemented-with-insecure-scheme", -20
    if "'unsafe-eval'" in script | style:
        return "csp-implemented-with-unsafe-eval", -10
    if style & (DANGEROUSLY_BROAD | UNSAFE_INLINE):
        return "csp-implemented-with-unsafe-inline-in-style-src-only", 0
    if csp.get("default-src") == {"'none'"}:
        return "csp-implemented-with-no-unsafe-default-src-none", 10
    return "csp-implemented-with-no-unsafe", 5


def cookies(responses: list[Response], hsts: bool) -> tuple[str, int]:
    jar = SimpleCookie()
    for response in responses:
        for raw in response.cookies:
            jar.load(raw)
    if not jar:
        return "cookies-not-found", 0
    found = []
    for name, cookie in jar.items():
        session = "login" in name.lower() or "sess" in name.lower()
        samesite = cookie["samesite"].strip().lower()
        if samesite not in ("", "lax", "strict", "none") or (
            samesite == "none" and not cookie["secure"]
        ):
            found.append(("cookies-samesite-flag-invalid", -20))
        if session and not cookie["secure"]:
            found.append(
                ("cookies-session-without-secure-flag-but-protected-by-hsts", -10)
                if hsts
                else ("cookies-session-without-secure-flag", -40)
            )
        elif not cookie["secure"]:
            found.append(
                ("cookies-without-secure-flag-but-protected-by-hsts", -5)
                if hsts
                else ("cookies-without-secure-flag", -20)
            )
        if "csrf" in name.lower() and not cookie["samesite"]:
            found.append(("cookies-anticsrf-without-samesite-flag", -20))
        if session and not cookie["httponly"]:
            found.append(("cookies-session-without-httponly-flag", -30))
    if found:
        return min(found, key=lambda result: result[1])
    if all(cookie["samesite"] for cookie in jar.values()):
        return "cookies-secure-with-httponly-sessions-and-samesite", 5
    return "cookies-secure-with-httponly-sessions", 0


def cross_origin_resource_sharing(response: Response) -> tuple[str, int]:
    origin = response.header("Access-Control-Allow-Origin")
    if origin is None:
        return "cross-origin-resource-sharing-not-implemented", 0
    if origin.strip() == "*":
        return "cross-origin-resource-sharing-implemented-with-public-access", 0
    return "cross-origin-resource-sharing-implemented-with-restricted-access", 0


def redirection(plain_http: Response) -> tuple[str, int]:
    """The first answer to the same address over plain http."""
    location = plain_http.header("Location")
    if location is None:
        return "redirection-missing", -20
    target, start = urlsplit(location), urlsplit(plain_http.url)
    if target.scheme != "https":
        return "redirection-not-to-https-on-initial-redirection", -10
    if target.hostname != start.hostname:
        return "redirection-off-host-from-http", -5
    return "redirection-to-https", 0


def referrer_policy(response: Response) -> tuple[str, int]:
    value = response.header("Referrer-Policy")
    if value is None:
        return "referrer-policy-not-implemented", 0
    known = PRIVATE_REFERRERS | UNSAFE_REFERRERS | {"no-referrer-when-downgrade"}
    policies = [token.strip() for token in value.lower().split(",") if token.strip() in known]
    policy = policies[-1] if policies else None
    if policy in PRIVATE_REFERRERS:
        return "referrer-policy-private", 5
    if policy == "no-referrer-when-downgrade":
        return "referrer-policy-no-referrer-when-downgrade", 0
    if policy in UNSAFE_REFERRERS:
        return "referrer-policy-unsafe", -5
    return "referrer-policy-header-invalid", -5


def strict_transport_security(response: Response) -> tuple[str, int]:
    value = response.header("Strict-Transport-Security")
    if urlsplit(response.url).scheme != "https":
        return "hsts-not-implemented-no-https", -20
    if value is None:
        return "hsts-not-implemented", -20
    ages = re.findall(r"max-age=(\d+)", value.lower())
    if "," in value or len(ages) != 1:
        return "hsts-header-invalid", -20
    if int(ages[0]) < SIX_MONTHS:
        return "hsts-implemented-max-age-less-than-six-months", -10
    return "hsts-implemented-max-age-at-least-six-months", 0


def subresource_integrity(response: Response) -> tuple[str, int]:
    if "html" not in (response.header("Content-Type") or ""):
        return "sri-not-implemented-response-not-html", 0
    scripts = re.findall(r"<script\b[^>]*\bsrc=[\"']([^\"']+)[\"'][^>]*>", response.body, re.I)
    if not scripts:
        return "sri-not-implemented-but-no-scripts-loaded", 0
    host = urlsplit(response.url).hostname
    external = [src for src in scripts if urlsplit(src).hostname not in (None, host)]
    if not external:
        return "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0
    if any(urlsplit(src).scheme == "http" for src in external):
        return "sri-not-implemented-and-external-scripts-not-loaded-securely", -50
    return "sri-not-implemented-but-external-scripts-loaded-securely", -5


def x_content_type_options(response: Response) -> tuple[str, int]:
    value = response.header("X-Content-Type-Options")
    if value is None:
        return "x-content-type-options-not-implemented", -5
    if value.strip().lower() == "nosniff":
        return "x-content-type-options-nosniff", 0
    return "x-content-type-options-header-invalid", -5


def x_frame_options(response: Response) -> tuple[str, int]:
    csp = response.header("Content-Security-Policy") or ""
    if re.search(r"(^|;)\s*frame-ancestors\b", csp, re.I):
        return "x-frame-options-implemented-via-csp", 5
    value = (response.header("X-Frame-Options") or "").strip().lower()
    if value in ("deny", "sameorigin"):
        return "x-frame-options-sameorigin-or-deny", 0
    if value.startswith("allow-from "):
        return "x-frame-options-allow-from-origin", 0
    if value:
        return "x-frame-options-header-invalid", -20
    return "x-frame-options-not-implemented", -20


def x_xss_protection(response: Response) -> tuple[str, int]:
    value = response.header("X-XSS-Protection")
    if value is None:
        return "x-xss-protection-not-implemented", 0
    if re.fullmatch(r"\s*[01]\s*(;\s*mode\s*=\s*block\s*)?(;\s*report=\S+\s*)?", value, re.I):
        return "x-xss-protection-enabled", 0
    return "x-xss-protection-header-invalid", -5


def score(page: Response, plain_http: Response) -> tuple[int, str, dict[str, int]]:
    """The score, grade and each test's result of a page fetched over https, given the answer
    to the same address over plain http."""
    hsts = strict_transport_security(page)
    results = dict(
        [
            content_security_policy(page),
            cookies([plain_http, page], hsts=hsts[1] == 0),
            cross_origin_resource_sharing(page),
            redirection(plain_http),
            referrer_policy(page),
            hsts,
            subresource_integrity(page),
            x_content_type_options(page),
            x_frame_options(page),
            x_xss_protection(page),
        ]
    )
    uncurved = 100 + sum(modifier for modifier in results.values() if modifier < 0)
    total = 100 + sum(results.values())
    final = max(total if uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT else uncurved, 0)
    grade = next(letter for floor, letter in GRADES if final >= floor)
    return final, grade, results
