"""The BucketDeployment handler against a local S3.

Starts s3rver (the npm package, pinned in package.json) as S3, and one small local HTTP server
that takes CloudFormation's answers (the ResponseURL) and CloudFront's invalidation calls. The
archives are the Admin Console's ui/ folder zipped as cdk-assets zips a folder asset.

    python3 tests/local_app/test_bucket_deployment.py <repository root>
"""
import io
import json
import os
import subprocess
import sys
import threading
import time
import unittest
import warnings
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import boto3

ROOT = os.path.abspath(sys.argv.pop(1) if len(sys.argv) > 1 else ".")
HANDLER_DIR = os.path.join(ROOT, "generator", "constructs", "s3_deployment", "handler")
UI_DIR = os.path.join(ROOT, "service", "admin_console", "ui")
sys.path.insert(0, os.path.join(ROOT, "tools", "local"))
sys.dont_write_bytecode = True  # the handler's folder is an asset hashed by content

from dynamodb import free_port  # noqa: E402

INVALIDATION_XML = """<?xml version="1.0" encoding="UTF-8"?>
<Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">
<Id>I1</Id><Status>{status}</Status><CreateTime>2026-01-01T00:00:00Z</CreateTime>
<InvalidationBatch><Paths><Quantity>0</Quantity></Paths><CallerReference>r</CallerReference>
</InvalidationBatch></Invalidation>"""


class Recorder(BaseHTTPRequestHandler):
    """CloudFormation's ResponseURL (PUT /response/...) and CloudFront's invalidations."""
    answers = []
    invalidations = []

    def do_PUT(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Recorder.answers.append(json.loads(body))
        self.reply(200, b"", "text/plain")

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        Recorder.invalidations.append((self.path, body))
        self.reply(201, INVALIDATION_XML.format(status="InProgress").encode(), "text/xml",
                   {"Location": self.path + "/I1"})

    def do_GET(self):
        self.reply(200, INVALIDATION_XML.format(status="Completed").encode(), "text/xml")

    def reply(self, status, data, kind, headers=None):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def zipped(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def zipped_folder(folder):
    files = {}
    for base, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(base, name)
            with open(path, "rb") as content:
                files[os.path.relpath(path, folder).replace(os.sep, "/")] = content.read()
    return zipped(files)


class BucketDeploymentTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.data = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"s3rver-{os.getpid()}")
        port = free_port()
        cls.s3rver = subprocess.Popen(
            ["node", os.path.join(ROOT, "node_modules", "s3rver", "bin", "s3rver.js"),
             "--directory", cls.data, "--port", str(port), "--silent"],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        cls.recorder = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
        threading.Thread(target=cls.recorder.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{cls.recorder.server_port}"
        os.environ.update(AWS_ACCESS_KEY_ID="S3RVER", AWS_SECRET_ACCESS_KEY="S3RVER",
                          AWS_DEFAULT_REGION="us-east-1",
                          S3_ENDPOINT_URL=f"http://127.0.0.1:{port}", CLOUDFRONT_ENDPOINT_URL=base)
        cls.response_url = base + "/response/1"
        cls.s3 = boto3.client("s3", endpoint_url=os.environ["S3_ENDPOINT_URL"])
        deadline = time.monotonic() + 20
        while True:
            try:
                cls.s3.list_buckets()
                break
            except Exception:
                if time.monotonic() > deadline or cls.s3rver.poll() is not None:
                    cls.tearDownClass()
                    raise RuntimeError("s3rver did not start")
                time.sleep(0.1)
        sys.path.insert(0, HANDLER_DIR)
        import index  # noqa: E402
        cls.handler = index

    @classmethod
    def tearDownClass(cls):
        cls.recorder.shutdown()
        cls.s3rver.terminate()
        cls.s3rver.wait()
        subprocess.run(["rm", "-rf", cls.data], check=False)

    def setUp(self):
        # boto3 clients dropped with their connections open: harmless, and noisy in CTest's log
        warnings.simplefilter("ignore", ResourceWarning)
        Recorder.answers.clear()
        Recorder.invalidations.clear()
        self.source = f"assets-{self.id().rsplit('.', 1)[-1][:40].replace('_', '-')}"
        self.destination = self.source[:50] + "-site"
        for bucket in (self.source, self.destination):
            self.s3.create_bucket(Bucket=bucket)
        self.s3.put_object(Bucket=self.source, Key="ui.zip", Body=zipped_folder(UI_DIR))

    def run_request(self, request_type, old=None, context=None, **properties):
        resource = {"SourceBucketNames": [self.source], "SourceObjectKeys": ["ui.zip"],
                    "DestinationBucketName": self.destination, **properties}
        event = {"RequestType": request_type, "RequestId": "req-1", "StackId": "stack-1",
                 "LogicalResourceId": "Deployment", "ResponseURL": self.response_url,
                 "ResourceProperties": resource}
        if request_type != "Create":
            event["PhysicalResourceId"] = "cdkpp-bucket-deployment-first"
        if request_type == "Update":
            event["OldResourceProperties"] = {**resource, **(old or {})}
        with self.assertLogs(level="INFO"):
            self.handler.handler(event, context)
        self.assertEqual(len(Recorder.answers), 1)
        return Recorder.answers.pop()

    def keys(self):
        listed = self.s3.list_objects_v2(Bucket=self.destination)
        return sorted(item["Key"] for item in listed.get("Contents", []))

    def object(self, key):
        return self.s3.get_object(Bucket=self.destination, Key=key)

    def test_create_copies_the_files_with_their_types_and_answers_success(self):
        answer = self.run_request("Create")
        self.assertEqual(answer["Status"], "SUCCESS", answer["Reason"])
        self.assertEqual(answer["PhysicalResourceId"], "cdkpp-bucket-deployment-req-1")
        self.assertEqual((answer["StackId"], answer["LogicalResourceId"]),
                         ("stack-1", "Deployment"))
        self.assertEqual(self.keys(), ["app.js", "index.html", "styles.css"])
        with open(os.path.join(UI_DIR, "index.html"), "rb") as page:
            self.assertEqual(self.object("index.html")["Body"].read(), page.read())
        self.assertEqual(self.object("index.html")["ContentType"], "text/html")
        self.assertEqual(self.object("styles.css")["ContentType"], "text/css")
        self.assertEqual(Recorder.invalidations, [])

    def test_the_config_is_written_as_config_json(self):
        config = {"apiUrl": "https://api.example.com/", "stage": "sandbox"}
        answer = self.run_request("Create", Config=config, DestinationBucketKeyPrefix="site")
        self.assertEqual(answer["Status"], "SUCCESS", answer["Reason"])
        self.assertIn("site/config.json", self.keys())
        self.assertEqual(json.loads(self.object("site/config.json")["Body"].read()), config)
        self.assertEqual(self.object("site/config.json")["ContentType"], "application/json")

    def test_an_update_prunes_what_the_archives_no_longer_hold(self):
        self.s3.put_object(Bucket=self.destination, Key="site/stale.html", Body=b"old")
        self.s3.put_object(Bucket=self.destination, Key="other/kept.html", Body=b"other")
        answer = self.run_request("Update", DestinationBucketKeyPrefix="site/")
        self.assertEqual(answer["Status"], "SUCCESS", answer["Reason"])
        self.assertEqual(answer["PhysicalResourceId"], "cdkpp-bucket-deployment-first")
        self.assertEqual(self.keys(), ["other/kept.html", "site/app.js", "site/index.html",
                                       "site/styles.css"])

    def test_a_new_destination_is_a_new_resource(self):
        answer = self.run_request("Update", old={"DestinationBucketKeyPrefix": "v1/"},
                                  DestinationBucketKeyPrefix="v2/")
        self.assertEqual(answer["Status"], "SUCCESS", answer["Reason"])
        self.assertEqual(answer["PhysicalResourceId"], "cdkpp-bucket-deployment-req-1")
        unchanged = self.run_request("Update", old={"DestinationBucketKeyPrefix": "v2"},
                                     DestinationBucketKeyPrefix="v2/")
        self.assertEqual(unchanged["PhysicalResourceId"], "cdkpp-bucket-deployment-first")

    def test_objects_s3_could_not_delete_fail_the_request(self):
        real_client = self.handler.client

        def refusing_client(service, variable):
            s3 = real_client(service, variable)
            s3.delete_objects = lambda **_: {"Errors": [
                {"Key": "stale.html", "Code": "AccessDenied", "Message": "Access Denied"},
                {"Key": "old.html", "Code": "AccessDenied", "Message": "Access Denied"}]}
            return s3

        self.s3.put_object(Bucket=self.destination, Key="stale.html", Body=b"old")
        self.handler.client = refusing_client
        try:
            answer = self.run_request("Update")
        finally:
            self.handler.client = real_client
        self.assertEqual((answer["Status"], answer["Reason"]), (
            "FAILED", f"cannot delete s3://{self.destination}/stale.html: AccessDenied Access "
                      "Denied (and 1 more)"))

    def test_no_wait_for_the_invalidation_beyond_the_functions_time(self):
        class Context:
            def get_remaining_time_in_millis(self):
                return 35000

        answer = self.run_request("Create", context=Context(), DistributionId="E123")
        self.assertEqual((answer["Status"], answer["Reason"]),
                         ("FAILED", "no time left to wait for invalidation I1 of E123"))

    def test_without_prune_old_files_stay(self):
        self.s3.put_object(Bucket=self.destination, Key="stale.html", Body=b"old")
        self.run_request("Update", Prune="false")
        self.assertIn("stale.html", self.keys())

    def test_a_later_archive_wins(self):
        self.s3.put_object(Bucket=self.source, Key="patch.zip",
                           Body=zipped({"index.html": b"<p>patched</p>"}))
        answer = self.run_request("Create", SourceBucketNames=[self.source, self.source],
                                  SourceObjectKeys=["ui.zip", "patch.zip"])
        self.assertEqual(answer["Status"], "SUCCESS", answer["Reason"])
        self.assertEqual(self.object("index.html")["Body"].read(), b"<p>patched</p>")

    def test_the_distribution_is_invalidated(self):
        answer = self.run_request("Create", DistributionId="E123",
                                  DistributionPaths=["/index.html", "/app.js"])
        self.assertEqual(answer["Status"], "SUCCESS", answer["Reason"])
        self.assertEqual(len(Recorder.invalidations), 1)
        path, body = Recorder.invalidations[0]
        self.assertEqual(path, "/2020-05-31/distribution/E123/invalidation")
        self.assertIn("<Path>/index.html</Path><Path>/app.js</Path>", body)
        self.assertIn("<CallerReference>req-1</CallerReference>", body)

    def test_delete_keeps_the_files_unless_told(self):
        self.run_request("Create")
        self.assertEqual(self.run_request("Delete")["Status"], "SUCCESS")
        self.assertEqual(len(self.keys()), 3)
        self.assertEqual(self.run_request("Delete", RetainOnDelete="false")["Status"], "SUCCESS")
        self.assertEqual(self.keys(), [])

    def test_a_missing_source_fails_with_a_reason_and_no_trace(self):
        answer = self.run_request("Create", SourceObjectKeys=["missing.zip"])
        self.assertEqual(answer["Status"], "FAILED")
        self.assertTrue(answer["Reason"].startswith(
            f"cannot read source s3://{self.source}/missing.zip: "), answer["Reason"])
        self.assertNotIn("Traceback", answer["Reason"])
        self.assertEqual(self.keys(), [])

    def test_an_entry_outside_the_folder_is_refused(self):
        self.s3.put_object(Bucket=self.source, Key="evil.zip", Body=zipped({"../evil": b"x"}))
        answer = self.run_request("Create", SourceObjectKeys=["evil.zip"])
        self.assertEqual((answer["Status"], answer["Reason"]),
                         ("FAILED", "source evil.zip holds an entry outside its folder: '../evil'"))

    def test_a_source_that_is_no_zip_is_refused(self):
        self.s3.put_object(Bucket=self.source, Key="plain.zip", Body=b"not a zip")
        answer = self.run_request("Create", SourceObjectKeys=["plain.zip"])
        self.assertEqual((answer["Status"], answer["Reason"]),
                         ("FAILED", "source plain.zip is not a zip archive"))

    def test_sources_and_keys_must_pair(self):
        answer = self.run_request("Create", SourceObjectKeys=["ui.zip", "more.zip"])
        self.assertEqual((answer["Status"], answer["Reason"]),
                         ("FAILED", "1 source buckets but 2 source keys"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
