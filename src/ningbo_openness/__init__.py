"""Ningbo's opening-up in cited numbers: the loader for the indicator dataset.

Typical use::

    import ningbo_openness as no
    no.load_indicators(indicator="trade_total", geo="ningbo")   # tidy table
    no.series("port_container_throughput", geo="ningbo_zhoushan_port")
    no.meta("trade_total")["unit_en"]                          # '100 million yuan'
"""
from .load import audit, load_indicators, meta, names, series, sources

__all__ = ["audit", "load_indicators", "meta", "names", "series", "sources"]
