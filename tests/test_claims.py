from ningbo_openness.claims import claims


def test_one_row_per_reported_figure_with_status():
    table = claims("theory_page_2025")
    assert len(table) == 42
    assert table["status"].notna().all()
    by = table.set_index(["indicator", "partner", "period"])
    assert by.loc[("cbec_trade", "world", "2023"), "status"] == "warn"
    assert by.loc[("overseas_warehouses", "world", "2024-06-30"), "status"] == "ok"
    assert by.loc[("port_cargo_throughput", "none", "2024"), "status"] == "warn"  # 13.7 vs 13.77 elsewhere
    assert by.loc[("rtas_in_force", "none", "2025-05-31"), "status"] == "unchecked"


def test_derived_values_are_linked_to_their_claim():
    by = claims("theory_page_2025").set_index(["indicator", "partner", "period"])
    asean = by.loc[("trade_total", "asean", "2024"), "derived"]
    assert "trade_total 2023 = 1555.01" in asean and "imports 2024 = 874.1" in asean
    assert by.loc[("rtas_in_force", "none", "2025-05-31"), "derived"] == ""


def test_every_audit_status_has_a_rank_a_style_and_a_label():
    from ningbo_openness.claims import STATUS_ORDER
    from ningbo_openness.ingest import checks
    from ningbo_openness.publishing.figures.overview_plots import TEXT

    assert set(STATUS_ORDER) == set(checks.STATUSES)
    for status in STATUS_ORDER:
        assert status in TEXT["status_style"] and set(TEXT["status"][status]) == {"en", "zh"}
