"""The Admin Console and the User Management API on this machine, without AWS.

Serves service/admin_console/ui/ at / and sends /api/* to the API's Lambda handler, as the
console's distribution does in AWS; the handler keeps its users in a local DynamoDB (dynalite)
that lives as long as this server. Requests reach the handler as HTTP API payload 2.0 events.

    python3 tools/local/console.py [--port N]     (from the repository root, after npm ci)

Prints "console: http://127.0.0.1:<port>/" when it is ready; Ctrl-C (or SIGTERM) stops it.
"""
import argparse
import base64
import importlib
import mimetypes
import os
import posixpath
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
UI_DIR = os.path.join(ROOT, "service", "admin_console", "ui")
API_DIR = os.path.join(ROOT, "service", "user_management", "api")
MAX_REQUEST_BYTES = 1024 * 1024

sys.dont_write_bytecode = True  # the API folder is an asset hashed by content
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dynamodb import LOCAL_AWS_ENVIRONMENT, LocalDynamoDB, create_users_table  # noqa: E402


def api_event(method, target, headers, body):
    """The HTTP API's payload 2.0 event for one request."""
    url = urlsplit(target)
    event = {
        "version": "2.0",
        "routeKey": "ANY /api/{proxy+}",
        "rawPath": url.path,
        "rawQueryString": url.query,
        "headers": {name.lower(): value for name, value in headers.items()},
        "requestContext": {"http": {"method": method, "path": url.path}},
        "isBase64Encoded": False,
    }
    if body:
        try:
            event["body"] = body.decode("utf-8")
        except UnicodeDecodeError:
            event["body"] = base64.b64encode(body).decode("ascii")
            event["isBase64Encoded"] = True
    return event


class ConsoleRequests(BaseHTTPRequestHandler):
    api = None  # the handler's module, set before serving

    def do_GET(self):
        self.dispatch()

    def do_POST(self):
        self.dispatch()

    def do_DELETE(self):
        self.dispatch()

    def do_PUT(self):
        self.dispatch()

    def do_PATCH(self):
        self.dispatch()

    def dispatch(self):
        path = urlsplit(self.path).path
        if path == "/api" or path.startswith("/api/"):
            self.call_api()
        elif self.command == "GET":
            self.serve_file(path)
        else:
            self.answer(405, b"method not allowed\n", "text/plain", {"Allow": "GET"})

    def call_api(self):
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            self.answer(400, b"bad Content-Length\n", "text/plain")
            return
        if length > MAX_REQUEST_BYTES:
            self.answer(413, b"request too large\n", "text/plain")
            return
        body = self.rfile.read(length) if length else b""
        response = self.api.handler(api_event(self.command, self.path, self.headers, body), None)
        payload = response.get("body", "")
        data = base64.b64decode(payload) if response.get("isBase64Encoded") else payload.encode()
        headers = dict(response.get("headers", {}))
        content_type = headers.pop("Content-Type", "application/json")
        self.answer(response["statusCode"], data, content_type, headers)

    def serve_file(self, path):
        # The distribution's default root object; nothing above the UI folder is reachable.
        relative = posixpath.normpath(unquote(path)).lstrip("/") or "index.html"
        if "\0" in relative:
            self.answer(404, b"not found\n", "text/plain")
            return
        file = os.path.realpath(os.path.join(UI_DIR, relative))
        if not file.startswith(os.path.realpath(UI_DIR) + os.sep) or not os.path.isfile(file):
            self.answer(404, b"not found\n", "text/plain")
            return
        with open(file, "rb") as content:
            data = content.read()
        kind = mimetypes.guess_type(file)[0] or "application/octet-stream"
        self.answer(200, data, kind + ("; charset=utf-8" if kind.startswith("text/") else ""))

    def answer(self, status, data, content_type, headers=None):
        self.send_response(status)
        if status != 204:
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if status != 204 and self.command != "HEAD":
            self.wfile.write(data)

    def log_message(self, format, *args):
        sys.stderr.write("console: %s %s\n" % (self.address_string(), format % args))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080, help="0 picks a free port")
    options = parser.parse_args()

    with LocalDynamoDB(ROOT) as dynamodb:
        os.environ.update(LOCAL_AWS_ENVIRONMENT, TABLE_NAME="users",
                          DYNAMODB_ENDPOINT_URL=dynamodb.endpoint)
        create_users_table(dynamodb.endpoint)
        sys.path.insert(0, API_DIR)
        ConsoleRequests.api = importlib.import_module("app")

        server = ThreadingHTTPServer(("127.0.0.1", options.port), ConsoleRequests)
        # SIGTERM stops the server as Ctrl-C does, so that dynalite is stopped too.
        signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
        print(f"console: http://127.0.0.1:{server.server_port}/", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()


if __name__ == "__main__":
    main()
