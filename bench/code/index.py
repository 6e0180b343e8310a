# The benchmark's function code: every generated function ships this folder as its asset.
import os


def handler(event, context):
    return {"table": os.environ.get("TABLE_NAME")}
