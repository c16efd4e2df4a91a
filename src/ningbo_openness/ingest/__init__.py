"""The ingest pipeline: from the files under ``data/`` to the processed tables.

In the order a build runs them (``build.run``, then ``build.write``):

- ``manifest``: the declared inputs; a missing or undeclared file stops the build;
- ``csvfiles``: strict reading of every CSV (encoding, line ends, header, field counts);
- ``registry``: the reference tables (indicators, sources, units, geos, partners);
- ``raw``: raw observation rows, validated against the registry;
- ``observations``: raw rows to observations in canonical units;
- ``domain``: what a published figure can be at all (ranges, dates);
- ``derive``: implied bases, identity members and shares, each with its formula;
- ``checks``: the audit of the published claims against each other;
- ``rule_tables``: the agreement-provision and Ningbo-measure tables;
- ``scope_breaks``: where a series changes scope or basis;
- ``datapackage`` and ``codebook``: the descriptor and ``data/README.md``;
- ``transaction``: the lock and the all-or-nothing replacement of every output;
- ``keys``: unique keys across files, shared by the readers above.
"""
