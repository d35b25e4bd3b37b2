"""Shared helpers of the end-to-end export test's scripts: connecting to the
simulator with pyVmomi, reading a layout file, finding inventory objects."""

import ssl
import sys
import urllib.parse

import yaml
from pyVim import connect
from pyVim.task import WaitForTask
from pyVmomi import vim, vmodl


def fail(message):
    """Prints message to standard error and exits with 1."""
    print(message, file=sys.stderr)
    sys.exit(1)


def connect_url(url):
    """Logs in to the simulator at url (https://user:pass@host:port/sdk)."""
    parts = urllib.parse.urlsplit(url)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return connect.SmartConnect(host=parts.hostname, port=parts.port,
                                user=urllib.parse.unquote(parts.username or ""),
                                pwd=urllib.parse.unquote(parts.password or ""),
                                sslContext=context)


def load_layout(path):
    """The layout file as plain data (the test reads it on its own, not
    through the code under test)."""
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    if not isinstance(data, dict):
        fail(f"{path}: not a layout")
    for key in ("clusters", "hosts", "guests", "groups", "racks"):
        data[key] = data.get(key) or []
    return data


def objects(si, kind):
    """Every inventory object of the given vim type, by name."""
    content = si.RetrieveContent()
    view = content.viewManager.CreateContainerView(content.rootFolder, [kind], True)
    try:
        return {obj.name: obj for obj in view.view}
    finally:
        view.Destroy()


def datacenter(si):
    """The simulator's one datacenter."""
    found = list(objects(si, vim.Datacenter).values())
    if len(found) != 1:
        fail(f"expected one datacenter in the simulator, found {len(found)}")
    return found[0]


def wait(task, what):
    """Waits for a task; exits with its error."""
    try:
        WaitForTask(task)
    except vim.fault.VimFault as error:
        fail(f"{what}: {type(error).__name__}: {error.msg}")
    except vmodl.MethodFault as error:
        fail(f"{what}: {type(error).__name__}: {error.msg}")
    return task.info.result
