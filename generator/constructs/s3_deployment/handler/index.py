"""The handler of the BucketDeployment construct (cdk/aws/s3_deployment/bucket_deployment.hpp): a
CloudFormation custom resource that copies zip archives (folder assets, as cdk-assets
publishes them) into a bucket.

Resource properties, as CloudFormation passes them (all values are strings):
    SourceBucketNames, SourceObjectKeys   the archives, in order: a later file wins
    DestinationBucketName                 where the files go
    DestinationBucketKeyPrefix            under this prefix ("" for the root)
    Config                                optional: written as <prefix>config.json, with the
                                          values CloudFormation resolved at deploy time
    Prune                                 "true": objects under the prefix that the archives do
                                          not hold are deleted
    RetainOnDelete                        "false": deleting the resource deletes the files
    DistributionId, DistributionPaths     optional: a CloudFront invalidation once copied

The answer goes to CloudFormation's pre-signed ResponseURL. A failure answers FAILED with a
one-line reason; the trace stays in the function's log. S3_ENDPOINT_URL and
CLOUDFRONT_ENDPOINT_URL point the clients at local services for tests; Lambda never sets them.
"""
import json
import logging
import mimetypes
import os
import posixpath
import shutil
import tempfile
import traceback
import urllib.request
import zipfile

import boto3

LOG = logging.getLogger()
LOG.setLevel(logging.INFO)

CONFIG_FILE = "config.json"
INVALIDATION_WAIT_SECONDS = 600
INVALIDATION_POLL_SECONDS = 10
# Kept for answering CloudFormation after the last step.
ANSWER_SECONDS = 30


class DeploymentError(Exception):
    """A problem with the request or its sources, reported to CloudFormation as the reason."""


def client(service, endpoint_variable):
    return boto3.client(service, endpoint_url=os.environ.get(endpoint_variable) or None)


def handler(event, context):
    physical_id = event.get("PhysicalResourceId") or new_physical_id(event)
    try:
        properties = event["ResourceProperties"]
        if event["RequestType"] in ("Create", "Update"):
            # A new destination is a new resource: CloudFormation then deletes the old one,
            # with its own properties, once the stack is updated.
            old = event.get("OldResourceProperties", properties)
            moved = destination_of(old) != destination_of(properties)
            if event["RequestType"] == "Update" and moved:
                physical_id = new_physical_id(event)
            deploy(properties, event["RequestId"], context)
        elif properties.get("RetainOnDelete", "true") == "false":
            s3 = client("s3", "S3_ENDPOINT_URL")
            delete_keys(s3, properties["DestinationBucketName"],
                        list_keys(s3, properties["DestinationBucketName"], prefix_of(properties)))
        respond(event, "SUCCESS", physical_id)
    except DeploymentError as error:
        LOG.error("deployment failed: %s", error)
        respond(event, "FAILED", physical_id, str(error))
    except Exception as error:  # report what failed, keep the trace in the log
        LOG.error("deployment failed: %s", traceback.format_exc())
        respond(event, "FAILED", physical_id, f"{type(error).__name__}: {error}")


def new_physical_id(event):
    return f"cdkpp-bucket-deployment-{event['RequestId']}"


def destination_of(properties):
    return properties.get("DestinationBucketName"), prefix_of(properties)


def prefix_of(properties):
    prefix = properties.get("DestinationBucketKeyPrefix", "")
    return prefix if not prefix or prefix.endswith("/") else prefix + "/"


def deploy(properties, request_id, context):
    buckets = properties.get("SourceBucketNames", [])
    keys = properties.get("SourceObjectKeys", [])
    if len(buckets) != len(keys):
        raise DeploymentError(f"{len(buckets)} source buckets but {len(keys)} source keys")
    destination = properties["DestinationBucketName"]
    prefix = prefix_of(properties)
    s3 = client("s3", "S3_ENDPOINT_URL")

    workdir = tempfile.mkdtemp()
    try:
        files = {}
        for index, (bucket, key) in enumerate(zip(buckets, keys)):
            archive = os.path.join(workdir, f"source-{index}.zip")
            try:
                s3.download_file(bucket, key, archive)
            except Exception as error:
                raise DeploymentError(f"cannot read source s3://{bucket}/{key}: {error}") from None
            files.update(extract(archive, os.path.join(workdir, f"source-{index}"), key))
        if "Config" in properties:
            config = os.path.join(workdir, CONFIG_FILE)
            with open(config, "w", encoding="utf-8") as out:
                json.dump(properties["Config"], out, indent=2)
            files[CONFIG_FILE] = config

        for name, path in sorted(files.items()):
            kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
            s3.upload_file(path, destination, prefix + name, ExtraArgs={"ContentType": kind})
        if properties.get("Prune", "true") == "true":
            wanted = {prefix + name for name in files}
            delete_keys(s3, destination,
                        [key for key in list_keys(s3, destination, prefix) if key not in wanted])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    if properties.get("DistributionId"):
        invalidate(properties["DistributionId"], properties.get("DistributionPaths") or ["/*"],
                   request_id, context)


def extract(archive, target, key):
    """The archive's files as {name with / separators: extracted path}; refuses names that
    would leave the target folder."""
    files = {}
    try:
        with zipfile.ZipFile(archive) as zipped:
            for entry in zipped.infolist():
                name = posixpath.normpath(entry.filename.replace("\\", "/"))
                if entry.filename.startswith("/") or name == ".." or name.startswith("../"):
                    raise DeploymentError(f"source {key} holds an entry outside its folder: "
                                          f"'{entry.filename}'")
                if entry.is_dir():
                    continue
                path = os.path.join(target, *name.split("/"))
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with zipped.open(entry) as data, open(path, "wb") as out:
                    shutil.copyfileobj(data, out)
                files[name] = path
    except zipfile.BadZipFile:
        raise DeploymentError(f"source {key} is not a zip archive") from None
    return files


def list_keys(s3, bucket, prefix):
    keys = []
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        keys.extend(item["Key"] for item in page.get("Contents", []))
    return keys


def delete_keys(s3, bucket, keys):
    for start in range(0, len(keys), 1000):
        batch = [{"Key": key} for key in keys[start:start + 1000]]
        answer = s3.delete_objects(Bucket=bucket, Delete={"Objects": batch, "Quiet": True})
        # A 200 answer still lists the objects it could not delete.
        errors = answer.get("Errors", [])
        if errors:
            first = errors[0]
            raise DeploymentError(f"cannot delete s3://{bucket}/{first.get('Key')}: "
                                  f"{first.get('Code')} {first.get('Message', '')}".rstrip()
                                  + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""))


def invalidate(distribution_id, paths, request_id, context):
    cloudfront = client("cloudfront", "CLOUDFRONT_ENDPOINT_URL")
    created = cloudfront.create_invalidation(
        DistributionId=distribution_id,
        InvalidationBatch={"Paths": {"Quantity": len(paths), "Items": list(paths)},
                           "CallerReference": request_id})

    # Wait while the function has time to answer after: a function that times out never
    # answers, and CloudFormation would wait an hour for it.
    seconds = INVALIDATION_WAIT_SECONDS
    if context is not None:
        seconds = min(seconds, context.get_remaining_time_in_millis() // 1000 - ANSWER_SECONDS)
    if seconds < INVALIDATION_POLL_SECONDS:
        raise DeploymentError(f"no time left to wait for invalidation "
                              f"{created['Invalidation']['Id']} of {distribution_id}")
    cloudfront.get_waiter("invalidation_completed").wait(
        DistributionId=distribution_id, Id=created["Invalidation"]["Id"],
        WaiterConfig={"Delay": INVALIDATION_POLL_SECONDS,
                      "MaxAttempts": seconds // INVALIDATION_POLL_SECONDS})


def respond(event, status, physical_id, reason=""):
    body = json.dumps({
        "Status": status,
        "Reason": reason[:1000] or status,
        "PhysicalResourceId": physical_id,
        "StackId": event["StackId"],
        "RequestId": event["RequestId"],
        "LogicalResourceId": event["LogicalResourceId"],
        "NoEcho": False,
        "Data": {},
    }).encode("utf-8")
    request = urllib.request.Request(event["ResponseURL"], data=body, method="PUT",
                                     headers={"Content-Type": "", "Content-Length": len(body)})
    with urllib.request.urlopen(request, timeout=30) as answer:
        LOG.info("CloudFormation answered %s to %s", answer.status, status)
