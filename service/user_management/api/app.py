"""User Management API: the users in the DynamoDB table named by TABLE_NAME.

A Lambda handler for API Gateway HTTP API events (payload format 2.0) on the routes below /api:

    GET    /api/health        200 {"status": "ok"}
    GET    /api/users         200 {"users": [user, ...]}, oldest first
    POST   /api/users         201 user, from {"name": ..., "email": ...}
    GET    /api/users/{id}    200 user, or 404
    DELETE /api/users/{id}    204, or 404

Every answer is JSON. Mistakes of the caller get a 4xx answer {"error": message} (with "field"
when one field is wrong); anything else is logged and answered with a plain 500, so no stack
trace or AWS error reaches the caller. DYNAMODB_ENDPOINT_URL points the table at a local
DynamoDB for tests; Lambda never sets it.
"""
import base64
import binascii
import json
import logging
import os
import re
import traceback
import uuid
from datetime import datetime, timezone

import boto3

LOG = logging.getLogger()
LOG.setLevel(logging.INFO)

MAX_BODY_BYTES = 4096
MAX_NAME_LENGTH = 100
MAX_EMAIL_LENGTH = 254
# One "@", no spaces, and a dot in the domain: the shape, not deliverability.
EMAIL_SHAPE = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")
USER_FIELDS = ("name", "email")

_table = None


class ClientError(Exception):
    """A mistake of the caller, answered with its status and message."""

    def __init__(self, status, message, field=None, headers=None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field
        self.headers = headers or {}


def table():
    global _table
    if _table is None:
        endpoint = os.environ.get("DYNAMODB_ENDPOINT_URL") or None
        _table = boto3.resource("dynamodb", endpoint_url=endpoint).Table(os.environ["TABLE_NAME"])
    return _table


def handler(event, context):
    try:
        return route(event)
    except ClientError as error:
        body = {"error": error.message}
        if error.field:
            body["field"] = error.field
        return respond(error.status, body, error.headers)
    except Exception:  # anything else is ours: log it, tell the caller nothing more
        LOG.error("request failed: %s", traceback.format_exc())
        return respond(500, {"error": "internal error"})


def route(event):
    method = event.get("requestContext", {}).get("http", {}).get("method", "")
    parts = [part for part in event.get("rawPath", "").split("/") if part]
    if parts[:1] != ["api"]:
        raise ClientError(404, "no such route")
    parts = parts[1:]

    if parts == ["health"]:
        allow(method, "GET")
        return respond(200, {"status": "ok"})
    if parts == ["users"]:
        allow(method, "GET", "POST")
        if method == "GET":
            return respond(200, {"users": list_users()})
        return create_user(read_body(event))
    if len(parts) == 2 and parts[0] == "users":
        allow(method, "GET", "DELETE")
        user_id = check_id(parts[1])
        if method == "GET":
            return get_user(user_id)
        return delete_user(user_id)
    raise ClientError(404, "no such route")


def allow(method, *methods):
    if method not in methods:
        raise ClientError(405, f"method {method} is not allowed here",
                          headers={"Allow": ", ".join(methods)})


def check_id(user_id):
    try:
        return str(uuid.UUID(user_id))
    except ValueError:
        raise ClientError(404, "no such user") from None


def list_users():
    users, scan = [], {}
    while True:
        page = table().scan(**scan)
        users.extend(page.get("Items", []))
        if "LastEvaluatedKey" not in page:
            break
        scan["ExclusiveStartKey"] = page["LastEvaluatedKey"]
    return sorted(users, key=lambda user: (user.get("created_at", ""), user["id"]))


def get_user(user_id):
    item = table().get_item(Key={"id": user_id}).get("Item")
    if item is None:
        raise ClientError(404, "no such user")
    return respond(200, item)


def delete_user(user_id):
    old = table().delete_item(Key={"id": user_id}, ReturnValues="ALL_OLD").get("Attributes")
    if old is None:
        raise ClientError(404, "no such user")
    return respond(204, None)


def create_user(body):
    unknown = sorted(set(body) - set(USER_FIELDS))
    if unknown:
        raise ClientError(400, f"unknown field '{unknown[0]}'", unknown[0])

    name = required_string(body, "name", MAX_NAME_LENGTH)
    email = required_string(body, "email", MAX_EMAIL_LENGTH)
    if not EMAIL_SHAPE.fullmatch(email):
        raise ClientError(400, "'email' must look like name@example.com", "email")

    user = {
        "id": str(uuid.uuid4()),
        "name": name,
        "email": email,
        "created_at": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
    }
    table().put_item(Item=user, ConditionExpression="attribute_not_exists(id)")
    return respond(201, user, {"Location": f"/api/users/{user['id']}"})


def required_string(body, field, max_length):
    value = body.get(field)
    if value is None:
        raise ClientError(400, f"'{field}' is required", field)
    if not isinstance(value, str):
        raise ClientError(400, f"'{field}' must be a string", field)
    value = value.strip()
    if not value:
        raise ClientError(400, f"'{field}' must not be empty", field)
    if len(value) > max_length:
        raise ClientError(400, f"'{field}' must be at most {max_length} characters", field)
    return value


def read_body(event):
    body = event.get("body") or ""
    if event.get("isBase64Encoded"):
        try:
            raw = base64.b64decode(body, validate=True)
        except (binascii.Error, ValueError):
            raise ClientError(400, "the body is not valid base64") from None
    else:
        raw = body.encode("utf-8")
    if len(raw) > MAX_BODY_BYTES:
        raise ClientError(413, f"the body is over {MAX_BODY_BYTES} bytes")
    if not raw.strip():
        raise ClientError(400, "the body must be a JSON object")
    try:
        parsed = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ClientError(400, "the body is not valid JSON") from None
    except RecursionError:  # nested deeper than the parser goes
        raise ClientError(400, "the body is nested too deeply") from None
    if not isinstance(parsed, dict):
        raise ClientError(400, "the body must be a JSON object")
    return parsed


def respond(status, payload, headers=None):
    response = {"statusCode": status, "headers": dict(headers or {})}
    if payload is not None:
        response["headers"]["Content-Type"] = "application/json"
        response["body"] = json.dumps(payload)
    return response
