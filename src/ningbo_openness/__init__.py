"""Ningbo's opening-up in cited numbers: the loader for the indicator dataset.

Typical use::

    import ningbo_openness as no
    no.load_indicators(indicator="trade_total", geo="ningbo")   # tidy table
    no.series("port_container_throughput", geo="ningbo_zhoushan_port")
    no.meta("trade_total")["unit_en"]                          # '100 million yuan'
    no.printed_rows("theory_page_2025")                         # a source's figures as printed, quoted
"""
from .load import (
    agreement_provisions,
    audit,
    chapters,
    load_indicators,
    measure_origins,
    meta,
    names,
    ningbo_measures,
    printed_rows,
    provision_competence,
    scope_breaks,
    series,
    sources,
)

__all__ = ["agreement_provisions", "audit", "chapters", "load_indicators", "measure_origins", "meta", "names",
           "ningbo_measures", "printed_rows", "provision_competence", "scope_breaks", "series", "sources"]
