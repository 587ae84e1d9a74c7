"""A small browser: TLS checked against our certificate, cookies, CSRF, forms."""

import http.client
import re
import ssl
import urllib.parse
import uuid

from deploy.check_install.common import CERT, HOST, HTTP_PORT, HTTPS_PORT, ORIGIN, PASSWORD

__all__ = ["Browser", "Response", "app_answered", "logged_in"]


class Response:
    def __init__(self, status, headers, body, url):
        self.status, self.headers, self.body, self.url = status, headers, body, url

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def header(self, name: str) -> str:
        return self.headers.get(name) or ""


class Browser:
    def __init__(self, source: str = "127.0.0.1"):
        self.source = source
        self.cookies: dict[str, str] = {}
        self.cookie_attributes: dict[str, str] = {}
        self.csrf = ""
        self.tls = ssl.create_default_context(cafile=str(CERT))

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict | None = None,
        https: bool = True,
    ) -> Response:
        if https:
            connection = http.client.HTTPSConnection(
                "127.0.0.1", HTTPS_PORT, context=self.tls, timeout=180, source_address=(self.source, 0)
            )
            host = f"{HOST}:{HTTPS_PORT}"
        else:
            connection = http.client.HTTPConnection(
                "127.0.0.1", HTTP_PORT, timeout=60, source_address=(self.source, 0)
            )
            host = f"{HOST}:{HTTP_PORT}"
        all_headers = {
            "Host": host,
            "User-Agent": "thidua-deploy-test",
            "Accept-Language": "vi",
            "Accept": "text/html,*/*",
        }
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        all_headers.update(headers or {})
        try:
            connection.request(method, path, body=body, headers=all_headers)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered (413) before the whole body was sent: read its answer
        response = connection.getresponse()
        data = response.read()
        connection.close()
        for raw in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = raw.partition("=")
            value = rest.split(";", 1)[0]
            self.cookie_attributes[name] = raw
            if name == "csrftoken":
                self.csrf = ""  # rotated (at login): the next form carries the new token
            if value in ("", '""') or "max-age=0" in raw.lower():
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        result = Response(response.status, response.headers, data, path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', result.text)
        if token:
            self.csrf = token.group(1)
        return result

    def get(self, path: str, follow: bool = True) -> Response:
        response = self.request("GET", path)
        for _ in range(5):
            if not follow or response.status not in (301, 302, 303):
                break
            location = urllib.parse.urlsplit(response.header("Location"))
            check_location = location.netloc in ("", f"{HOST}:{HTTPS_PORT}")
            if not check_location:
                raise AssertionError(f"redirect off the site: {response.header('Location')}")
            response = self.request("GET", location.path + (f"?{location.query}" if location.query else ""))
        return response

    def post(
        self, path: str, fields: dict, files: dict | None = None, referer: str | None = None
    ) -> Response:
        if not self.csrf:
            self.get(referer or path)  # as a browser: the form's page first, with its token
        fields = {"csrfmiddlewaretoken": self.csrf, **fields}
        headers = {"Referer": ORIGIN + (referer or path), "Origin": ORIGIN}
        if files:
            boundary = uuid.uuid4().hex
            parts = []
            for name, value in fields.items():
                parts.append(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
                )
            for name, (filename, content, content_type) in files.items():
                parts.append(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                    f"Content-Type: {content_type}\r\n\r\n".encode()
                    + content
                    + b"\r\n"
                )
            body = b"".join(parts) + f"--{boundary}--\r\n".encode()
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        else:
            body = urllib.parse.urlencode(fields).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        return self.request("POST", path, body=body, headers=headers)

    def log_in(self, username: str, password: str = PASSWORD) -> Response:
        self.get("/tai-khoan/dang-nhap/")
        return self.post("/tai-khoan/dang-nhap/", {"username": username, "password": password})


def logged_in(response: Response) -> bool:
    """A successful login redirects away from the login page (a refused one shows the form again
    or answers 4xx)."""
    return response.status in (302, 303) and "/dang-nhap/" not in response.header("Location")


def app_answered(response: Response) -> bool:
    """Django answered (nginx never adds the app's Content-Security-Policy)."""
    return "frame-ancestors 'none'" in response.header("Content-Security-Policy")
