"""The User Management API handler against a local DynamoDB.

Starts dynalite (the npm package, pinned in package.json) on a free port, creates the users
table as the stack defines it, points the handler at it (DYNAMODB_ENDPOINT_URL) and calls the
handler with HTTP API payload 2.0 events: every route, every validation error, not-found cases
and a failure of DynamoDB itself.

    python3 tests/local_app/test_user_api.py <repository root>
Needs Debian's python3-boto3 and `npm ci` at the repository root.
"""
import base64
import importlib
import json
import os
import sys
import unittest
import warnings
import uuid

import boto3

ROOT = os.path.abspath(sys.argv.pop(1) if len(sys.argv) > 1 else ".")
API_DIR = os.path.join(ROOT, "service", "user_management", "api")
sys.path.insert(0, os.path.join(ROOT, "tools", "local"))

from dynamodb import LOCAL_AWS_ENVIRONMENT, LocalDynamoDB, create_users_table  # noqa: E402

# The handler's folder is a code asset hashed by content: a __pycache__ in it would change
# the asset.
sys.dont_write_bytecode = True


def event(method, path, body=None, base64_body=False):
    raw = {"version": "2.0", "rawPath": path, "requestContext": {"http": {"method": method}}}
    if body is not None:
        text = body if isinstance(body, str) else json.dumps(body)
        if base64_body:
            text = base64.b64encode(text.encode()).decode()
        raw["body"] = text
        raw["isBase64Encoded"] = base64_body
    return raw


class UserApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        warnings.simplefilter("ignore", ResourceWarning)
        os.environ.update(LOCAL_AWS_ENVIRONMENT, TABLE_NAME="users")
        cls.dynamodb = LocalDynamoDB(ROOT)
        os.environ["DYNAMODB_ENDPOINT_URL"] = cls.dynamodb.endpoint
        create_users_table(cls.dynamodb.endpoint)
        sys.path.insert(0, API_DIR)
        cls.app = importlib.import_module("app")

    @classmethod
    def tearDownClass(cls):
        cls.app.table().meta.client.close()
        cls.dynamodb.stop()

    def setUp(self):
        # boto3 clients dropped with their connections open: harmless, and noisy in CTest's log
        warnings.simplefilter("ignore", ResourceWarning)
        for user in self.call("GET", "/api/users")[1]["users"]:
            self.call("DELETE", f"/api/users/{user['id']}")

    def call(self, method, path, body=None, base64_body=False):
        response = self.app.handler(event(method, path, body, base64_body), None)
        payload = json.loads(response["body"]) if "body" in response else None
        return response["statusCode"], payload, response["headers"]

    def create(self, name="Ada Lovelace", email="ada@example.com"):
        status, user, headers = self.call("POST", "/api/users", {"name": name, "email": email})
        self.assertEqual(status, 201, user)
        return user, headers

    def assert_client_error(self, answer, status, message, field=None):
        expected = {"error": message, **({"field": field} if field else {})}
        self.assertEqual((answer[0], answer[1]), (status, expected))

    # ---- routes

    def test_health(self):
        self.assertEqual(self.call("GET", "/api/health")[:2], (200, {"status": "ok"}))

    def test_list_is_empty_at_first(self):
        self.assertEqual(self.call("GET", "/api/users")[:2], (200, {"users": []}))

    def test_create_returns_the_user_and_its_location(self):
        user, headers = self.create(name="  Ada Lovelace ", email="ada@example.com")
        self.assertEqual(str(uuid.UUID(user["id"])), user["id"])
        self.assertEqual((user["name"], user["email"]), ("Ada Lovelace", "ada@example.com"))
        self.assertRegex(user["created_at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$")
        self.assertEqual(headers["Location"], f"/api/users/{user['id']}")
        self.assertEqual(headers["Content-Type"], "application/json")

    def test_get_returns_a_created_user(self):
        user, _ = self.create()
        self.assertEqual(self.call("GET", f"/api/users/{user['id']}")[:2], (200, user))

    def test_list_returns_the_users_oldest_first(self):
        first, _ = self.create(name="First", email="first@example.com")
        second, _ = self.create(name="Second", email="second@example.com")
        self.assertEqual(self.call("GET", "/api/users")[:2], (200, {"users": [first, second]}))

    def test_delete_removes_the_user(self):
        user, _ = self.create()
        status, body, headers = self.call("DELETE", f"/api/users/{user['id']}")
        self.assertEqual((status, body), (204, None))
        self.assertNotIn("Content-Type", headers)
        self.assert_client_error(self.call("GET", f"/api/users/{user['id']}"), 404, "no such user")
        self.assertEqual(self.call("GET", "/api/users")[:2], (200, {"users": []}))

    def test_a_base64_body_is_decoded(self):
        status, user, _ = self.call("POST", "/api/users",
                                    {"name": "Grace", "email": "grace@example.com"},
                                    base64_body=True)
        self.assertEqual((status, user["name"]), (201, "Grace"))

    # ---- not found and wrong methods

    def test_an_unknown_user_is_not_found(self):
        missing = str(uuid.uuid4())
        self.assert_client_error(self.call("GET", f"/api/users/{missing}"), 404, "no such user")
        self.assert_client_error(self.call("DELETE", f"/api/users/{missing}"), 404,
                                 "no such user")

    def test_an_id_that_is_no_uuid_is_not_found(self):
        self.assert_client_error(self.call("GET", "/api/users/not-a-uuid"), 404, "no such user")

    def test_unknown_routes_are_not_found(self):
        for path in ("/", "/api", "/api/nothing", "/api/users/1/2", "/other/users"):
            self.assert_client_error(self.call("GET", path), 404, "no such route")

    def test_a_wrong_method_names_the_allowed_ones(self):
        for method, path, allowed in (("PUT", "/api/users", "GET, POST"),
                                      ("POST", "/api/health", "GET"),
                                      ("PATCH", f"/api/users/{uuid.uuid4()}", "GET, DELETE")):
            status, body, headers = self.call(method, path)
            self.assertEqual((status, body),
                             (405, {"error": f"method {method} is not allowed here"}))
            self.assertEqual(headers["Allow"], allowed)

    # ---- validation

    def test_the_body_must_be_a_json_object(self):
        for body in (None, "", "   ", "[1, 2]", '"text"', "42"):
            self.assert_client_error(self.call("POST", "/api/users", body), 400,
                                     "the body must be a JSON object")

    def test_the_body_must_be_valid_json(self):
        self.assert_client_error(self.call("POST", "/api/users", "{name: 1}"), 400,
                                 "the body is not valid JSON")

    def test_a_body_nested_too_deeply_is_refused(self):
        self.assert_client_error(self.call("POST", "/api/users", "[" * 3000), 400,
                                 "the body is nested too deeply")

    def test_the_body_must_be_valid_base64_when_encoded(self):
        raw = event("POST", "/api/users")
        raw.update(body="not base64!", isBase64Encoded=True)
        response = self.app.handler(raw, None)
        self.assertEqual((response["statusCode"], json.loads(response["body"])),
                         (400, {"error": "the body is not valid base64"}))

    def test_a_body_over_4_kib_is_refused(self):
        body = {"name": "x" * 5000, "email": "a@example.com"}
        self.assert_client_error(self.call("POST", "/api/users", body), 413,
                                 "the body is over 4096 bytes")

    def test_name_and_email_are_required(self):
        self.assert_client_error(self.call("POST", "/api/users", {"email": "a@example.com"}),
                                 400, "'name' is required", "name")
        self.assert_client_error(self.call("POST", "/api/users", {"name": "Ada"}),
                                 400, "'email' is required", "email")

    def test_fields_must_be_non_empty_strings(self):
        self.assert_client_error(self.call("POST", "/api/users",
                                           {"name": 7, "email": "a@example.com"}),
                                 400, "'name' must be a string", "name")
        self.assert_client_error(self.call("POST", "/api/users",
                                           {"name": "  ", "email": "a@example.com"}),
                                 400, "'name' must not be empty", "name")

    def test_fields_have_a_maximum_length(self):
        self.assert_client_error(self.call("POST", "/api/users",
                                           {"name": "x" * 101, "email": "a@example.com"}),
                                 400, "'name' must be at most 100 characters", "name")
        self.assert_client_error(self.call("POST", "/api/users",
                                           {"name": "Ada", "email": "a" * 250 + "@example.com"}),
                                 400, "'email' must be at most 254 characters", "email")

    def test_the_email_must_have_the_shape_of_an_address(self):
        for email in ("ada", "ada@", "@example.com", "ada@example", "a da@example.com",
                      "ada@@example.com", "ada@example..com"):
            self.assert_client_error(self.call("POST", "/api/users",
                                               {"name": "Ada", "email": email}),
                                     400, "'email' must look like name@example.com", "email")

    def test_unknown_fields_are_refused(self):
        self.assert_client_error(
            self.call("POST", "/api/users", {"name": "Ada", "email": "a@example.com",
                                             "admin": True}),
            400, "unknown field 'admin'", "admin")

    def test_refused_requests_store_nothing(self):
        self.call("POST", "/api/users", {"name": "Ada"})
        self.assertEqual(self.call("GET", "/api/users")[:2], (200, {"users": []}))

    # ---- failures of our own

    def test_a_dynamodb_failure_is_a_plain_500(self):
        users_table = self.app._table
        self.app._table = boto3.resource(
            "dynamodb", endpoint_url=self.dynamodb.endpoint).Table("no-such-table")
        try:
            with self.assertLogs(level="ERROR") as logs:
                status, body, _ = self.call("GET", "/api/users")
        finally:
            self.app._table = users_table
        self.assertEqual((status, body), (500, {"error": "internal error"}))
        self.assertIn("ResourceNotFoundException", "\n".join(logs.output))


if __name__ == "__main__":
    unittest.main(verbosity=2)
