"""The session runs with the network off, in this process and in notebook kernels."""
import socket
import sys
import urllib.request

import nbformat
import pytest

from ningbo_openness.publishing.notebooks import execute

PROBE = "192.0.2.1"  # TEST-NET-1: reserved for documentation, never a real host


def test_this_process_cannot_connect():
    with pytest.raises(sys.modules["offline_guard"].NetworkBlocked):
        socket.create_connection((PROBE, 80), timeout=1)
    with pytest.raises(OSError):
        urllib.request.urlopen("http://example.org/", timeout=1)


def test_loopback_stays_open():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    with socket.create_connection(server.getsockname(), timeout=1):
        pass
    server.close()


def test_notebook_kernels_cannot_connect(tmp_path):
    probe = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import socket\n"
        "try:\n"
        f"    socket.create_connection(({PROBE!r}, 80), timeout=1)\n"
        "except OSError as exc:\n"
        "    print(type(exc).__name__)\n")])
    source = tmp_path / "probe.ipynb"
    nbformat.write(probe, source)
    execute(source, tmp_path / "done.ipynb")
    output = nbformat.read(tmp_path / "done.ipynb", as_version=4).cells[0].outputs[0]["text"]
    assert output.strip() == "NetworkBlocked"
