"""User Management API: users in the DynamoDB table named by TABLE_NAME.

Handles API Gateway HTTP API events (payload format 2.0) for the routes under /api:
GET /api/health, GET|POST /api/users, GET|DELETE /api/users/{id}.
"""
import base64
import json
import os
import uuid

import boto3

TABLE = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def handler(event, context):
    method = event["requestContext"]["http"]["method"]
    parts = [p for p in event.get("rawPath", "").split("/") if p][1:]  # drop "api"
    try:
        if parts == ["health"] and method == "GET":
            return respond(200, {"status": "ok"})
        if parts == ["users"] and method == "GET":
            return respond(200, {"users": list_users()})
        if parts == ["users"] and method == "POST":
            return create_user(read_body(event))
        if len(parts) == 2 and parts[0] == "users":
            if method == "GET":
                item = TABLE.get_item(Key={"id": parts[1]}).get("Item")
                return respond(200, item) if item else respond(404, {"error": "no such user"})
            if method == "DELETE":
                TABLE.delete_item(Key={"id": parts[1]})
                return respond(204, None)
        return respond(404, {"error": "no such route"})
    except ValueError as error:
        return respond(400, {"error": str(error)})


def list_users():
    users, kwargs = [], {}
    while True:
        page = TABLE.scan(**kwargs)
        users.extend(page.get("Items", []))
        if "LastEvaluatedKey" not in page:
            return users
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def create_user(body):
    name = body.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("'name' must be a non-empty string")
    user = {"id": str(uuid.uuid4()), "name": name.strip()}
    if isinstance(body.get("email"), str):
        user["email"] = body["email"]
    TABLE.put_item(Item=user)
    return respond(201, user)


def read_body(event):
    body = event.get("body") or "{}"
    if event.get("isBase64Encoded"):
        body = base64.b64decode(body).decode("utf-8")
    try:
        parsed = json.loads(body)
    except json.JSONDecodeError as error:
        raise ValueError(f"the body is not JSON: {error}") from error
    if not isinstance(parsed, dict):
        raise ValueError("the body must be a JSON object")
    return parsed


def respond(status, payload):
    response = {"statusCode": status, "headers": {"Content-Type": "application/json"}}
    if payload is not None:
        response["body"] = json.dumps(payload)
    return response
