"""The port: Ningbo-Zhoushan Port and the container ports it is compared with."""
from __future__ import annotations

PORT = "ningbo_zhoushan_port"
#: Container ports compared in the port notebook: Ningbo-Zhoushan, Shanghai, Singapore.
COMPARATORS = [PORT, "shanghai_port", "singapore_port"]
