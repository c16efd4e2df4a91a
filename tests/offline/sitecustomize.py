"""No network in the test session.

The test suite puts this folder first on ``PYTHONPATH``, so every Python process it
starts (notebook kernels, figure exports, builds) imports this module at start-up, and
``conftest.py`` installs it in the test process itself. Connecting to, or resolving the
name of, any machine other than this one raises ``NetworkBlocked``; loopback addresses
(kernels talk to their clients over 127.0.0.1) and Unix sockets stay allowed.
"""
import ipaddress
import socket


class NetworkBlocked(OSError):
    """A network access attempted while the network is off."""


def _is_local(host) -> bool:
    if isinstance(host, bytes):
        host = host.decode()
    if host in (None, "", "localhost", socket.gethostname()):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return str(host).endswith(".localhost")


def _refuse(host) -> None:
    raise NetworkBlocked(f"network access blocked (the project runs offline): {host}")


def _check_peer(sock, address) -> None:
    """Refuse an internet-socket peer that is not this machine."""
    if sock.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address[0]):
        _refuse(address[0])


def install() -> None:
    """Guard ``socket`` in this process (idempotent)."""
    if getattr(socket.socket.connect, "offline_guard", False):
        return
    connect, connect_ex, getaddrinfo = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo

    def guarded_connect(self, address):
        _check_peer(self, address)
        return connect(self, address)

    def guarded_connect_ex(self, address):
        _check_peer(self, address)
        return connect_ex(self, address)

    def guarded_getaddrinfo(host, *args, **kwargs):
        if not _is_local(host):
            _refuse(host)
        return getaddrinfo(host, *args, **kwargs)

    guarded_connect.offline_guard = True
    socket.socket.connect = guarded_connect
    socket.socket.connect_ex = guarded_connect_ex
    socket.getaddrinfo = guarded_getaddrinfo


install()
