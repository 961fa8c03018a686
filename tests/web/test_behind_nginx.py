"""The portal behind Debian's nginx, configured exactly as docs/deploy.md says: the client's
address comes from the trusted proxy and nothing else, HTTPS and HSTS behave, and the public
pages keep their cache headers and ETags."""

import datetime
import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.db import connection

from disclosure.publishing.models import AuditEntry
from disclosure.web.addresses import keyed
from tests.web import observatory

ROOT = Path(__file__).resolve().parents[2]
VISITOR, OTHER_VISITOR = "127.0.0.3", "127.0.0.4"
NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")

if NGINX is None:
    if os.environ.get("CI"):
        pytest.fail("nginx is missing: .ci/run installs it", pytrace=False)
    pytestmark = pytest.mark.skip(
        reason="nginx is not installed here; .ci/run installs it and CI runs this test"
    )
else:
    pytestmark = pytest.mark.django_db(transaction=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def certificate(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def documented_site(ports: dict, cert: Path, key: Path) -> str:
    """The nginx server blocks of docs/deploy.md, with this test's ports and certificate."""
    docs = (ROOT / "docs" / "deploy.md").read_text()
    site = re.search(r"```nginx\n(.*?)```", docs, re.S).group(1)
    for documented, here in (
        ("listen 80;", f"listen 127.0.0.1:{ports['http']};"),
        ("listen 443 ssl", f"listen 127.0.0.1:{ports['https']} ssl"),
        ("cunwu.example.gov.cn", "localhost"),
        ("/etc/ssl/cunwu/fullchain.pem", str(cert)),
        ("/etc/ssl/cunwu/privkey.pem", str(key)),
        ("127.0.0.1:8000", f"127.0.0.1:{ports['app']}"),
    ):
        assert documented in site, documented
        site = site.replace(documented, here)
    return site


def nginx_conf(folder: Path, site: str) -> Path:
    conf = folder / "nginx.conf"
    temp = {name: folder / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir()
    conf.write_text(
        f"""daemon off;
pid {folder / "nginx.pid"};
error_log {folder / "error.log"} warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {temp["body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
{site}
}}
"""
    )
    return conf


def wait_for_port(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while True:
        assert process.poll() is None, "the server stopped"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.1)


@pytest.fixture
def site(tmp_path, settings, village_a):
    db = connection.settings_dict
    ports = {"app": free_port(), "http": free_port(), "https": free_port()}
    env = os.environ | {
        "DATABASE_URL": f"postgres://{db['USER']}@{quote(db['HOST'], safe='')}"
        f":{db['PORT']}/{db['NAME']}",
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "PRODUCTION": "true",
        "SECRET_KEY": "behind-nginx-" * 5,
        "BENEFITS_SLIP_KEY": "behind-nginx-slips-" * 3,
        "ALLOWED_HOSTS": "localhost",
        "TRUSTED_PROXIES": "127.0.0.1",
        "LOGIN_FAILURE_LIMIT": "2",
        "TRANSPARENCY_ORIGIN_HOST": "localhost",
        "TRANSPARENCY_SIGNING_KEY": settings.TRANSPARENCY_SIGNING_KEY,
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    gunicorn = subprocess.Popen(  # noqa: S603 (our own command)
        [sys.executable, "-m", "gunicorn", "disclosure.wsgi", "-b", f"127.0.0.1:{ports['app']}"],
        cwd=ROOT,
        env=env,
        stderr=(tmp_path / "gunicorn.log").open("w"),
    )
    cert, key = certificate(tmp_path)
    conf = nginx_conf(tmp_path, documented_site(ports, cert, key))
    nginx = subprocess.Popen(  # noqa: S603 (Debian's nginx)
        [NGINX, "-c", str(conf), "-p", str(tmp_path)], stderr=subprocess.DEVNULL
    )
    try:
        wait_for_port(ports["app"], gunicorn)
        wait_for_port(ports["https"], nginx)
        context = ssl.create_default_context(cafile=str(cert))
        yield Site(ports, context, env["SECRET_KEY"])
    finally:
        for process in (nginx, gunicorn):
            process.terminate()
            process.wait(timeout=30)


class Site:
    def __init__(self, ports, context, secret_key):
        self.ports, self.context, self.secret_key = ports, context, secret_key

    def get(self, path, *, source=VISITOR, https=True, headers=None, body=None, method="GET"):
        if https:
            conn = http.client.HTTPSConnection(
                "localhost", self.ports["https"], context=self.context, source_address=(source, 0)
            )
        else:
            conn = http.client.HTTPConnection(
                "localhost", self.ports["http"], source_address=(source, 0)
            )
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        response.text = response.read().decode(errors="replace")
        conn.close()
        return response

    def failed_login(self, username: str, *, source: str, claimed: str):
        page = self.get("/staff/login/", source=source)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        cookie = re.search(r"csrftoken=([^;]+)", page.getheader("Set-Cookie")).group(1)
        body = f"csrfmiddlewaretoken={token}&username={username}&password=wrong"
        return self.get(
            "/staff/login/",
            source=source,
            method="POST",
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={cookie}",
                "Referer": f"https://localhost:{self.ports['https']}/staff/login/",
                "X-Forwarded-For": claimed,
            },
        )


def test_plain_http_is_sent_to_https(site):
    response = site.get("/", https=False)

    assert response.status == 301
    assert response.getheader("Location").startswith("https://localhost/")


def test_https_pages_carry_hsts_and_are_not_redirected_again(site):
    response = site.get("/")

    assert response.status == 200
    assert "max-age=31536000" in response.getheader("Strict-Transport-Security")


def test_public_pages_keep_their_etag_and_revalidate_to_304(site):
    first = site.get("/", headers={"Accept-Encoding": "gzip"})
    etag = first.getheader("ETag")

    again = site.get("/", headers={"Accept-Encoding": "gzip", "If-None-Match": etag})

    assert etag and "max-age=300" in first.getheader("Cache-Control")
    assert first.getheader("Content-Encoding") == "gzip"
    assert again.status == 304
    assert site.get("/", headers={"Accept-Encoding": "gzip"}).getheader("ETag") == etag


def test_limits_and_the_audit_log_count_the_visitor_nginx_saw_whatever_it_claims(site, settings):
    for attempt in range(2):
        site.failed_login(f"nobody{attempt}", source=VISITOR, claimed=f"198.51.100.{attempt}")

    paused = site.failed_login("nobody9", source=VISITOR, claimed="198.51.100.9")
    other = site.failed_login("nobody8", source=OTHER_VISITOR, claimed=VISITOR)

    assert "登录失败次数过多" in paused.text
    assert "登录失败次数过多" not in other.text
    failures = AuditEntry.objects.filter(action="staff.login_failed").order_by("pk")
    settings.SECRET_KEY = site.secret_key  # the server's key, that keyed what it logged
    assert [entry.address for entry in failures] == [keyed(VISITOR)] * 2 + [keyed(OTHER_VISITOR)]


def scanned(site, path):
    """The page over https and the first answer over plain http, as the Observatory fetches."""
    page = site.get(path)
    plain = site.get(path, https=False)
    return (
        observatory.Response(
            f"https://localhost{path}",
            dict(page.getheaders()),
            page.text,
            [value for name, value in page.getheaders() if name.lower() == "set-cookie"],
        ),
        observatory.Response(f"http://localhost{path}", dict(plain.getheaders())),
    )


@pytest.mark.parametrize("path", ["/", "/staff/login/"])
def test_the_observatory_grades_the_portal_in_production_a_plus(site, path):
    total, grade, results = observatory.score(*scanned(site, path))

    assert grade == "A+", results
    assert results["csp-implemented-with-no-unsafe-default-src-none"] == 10
    assert results["x-frame-options-implemented-via-csp"] == 5
    assert results["referrer-policy-private"] == 5
    assert all(modifier >= 0 for modifier in results.values()), results
    if path == "/staff/login/":  # the page that sets the CSRF cookie
        assert results["cookies-secure-with-httponly-sessions-and-samesite"] == 5
        assert total == 125
    else:
        assert total == 120
