"""A local DynamoDB for tests and local runs: dynalite, from the repository's node_modules.

    with LocalDynamoDB(root) as dynamodb:
        create_users_table(dynamodb.endpoint)
"""
import os
import socket
import subprocess
import time

import boto3

# Requests to a local DynamoDB still need credentials and a region, though nothing checks them.
LOCAL_AWS_ENVIRONMENT = {
    "AWS_ACCESS_KEY_ID": "local",
    "AWS_SECRET_ACCESS_KEY": "local",
    "AWS_DEFAULT_REGION": "eu-west-1",
}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LocalDynamoDB:
    """dynalite on a free port of 127.0.0.1, in memory, until stop()."""

    def __init__(self, root):
        dynalite = os.path.join(root, "node_modules", "dynalite", "cli.js")
        if not os.path.exists(dynalite):
            raise RuntimeError(f"{dynalite} is missing: run 'npm ci' in {root}")
        self.port = free_port()
        self.process = subprocess.Popen(
            ["node", dynalite, "--port", str(self.port), "--createTableMs", "0",
             "--deleteTableMs", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.endpoint = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError("dynalite exited: " + self.process.stdout.read().decode())
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"dynalite did not listen on port {self.port} within 20 s")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()

    def __enter__(self):
        return self

    def __exit__(self, *exception):
        self.stop()


def create_users_table(endpoint, name="users"):
    """The users table as the User Management stack defines it: a string key "id"."""
    boto3.resource("dynamodb", endpoint_url=endpoint).create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST").wait_until_exists()
