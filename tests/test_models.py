import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from ningbo_openness import models

YEARS = range(2015, 2025)


def geometric(rate=0.08, start=100.0):
    return pd.Series([start * (1 + rate) ** i for i in range(len(YEARS))], index=list(YEARS))


def noisy():
    wiggle = np.array([1.0, 1.02, 0.99, 1.01, 0.97, 1.03, 1.0, 0.98, 1.02, 1.0])
    return geometric() * wiggle


def test_trend_recovers_exact_growth():
    trend = models.log_linear_trend(geometric())
    assert trend.growth_pct == pytest.approx(8)
    assert (trend.n, trend.first, trend.last, trend.maxlags) == (10, 2015, 2024, 2)
    assert trend.ci_low_pct == pytest.approx(8) and trend.ci_high_pct == pytest.approx(8)


def test_trend_slope_matches_least_squares_by_hand():
    values = noisy()
    trend = models.log_linear_trend(values)
    slope, _ = np.polyfit(np.arange(10), np.log(values.to_numpy()), 1)
    assert trend.slope == pytest.approx(slope)
    assert trend.ci_low_pct < trend.growth_pct < trend.ci_high_pct
    assert trend.growth_pct == pytest.approx((math.exp(slope) - 1) * 100)


def test_trend_needs_four_years():
    with pytest.raises(ValueError, match="at least 4"):
        models.log_linear_trend(geometric().iloc[:3])


def test_growth_against_a_perfect_trend():
    values = geometric()
    values[2024] = values[2023] * 1.20
    gap = models.growth_against_trend(values, 2024)
    assert gap.n == 9 and gap.trend_pct == pytest.approx(8)
    assert gap.observed_pct == pytest.approx(20) and gap.outside
    assert models.growth_against_trend(values, 2024, observed_pct=8.0).outside is False


def test_growth_interval_widens_with_noise():
    gap = models.growth_against_trend(noisy(), 2024)
    assert gap.low_pct < gap.trend_pct < gap.high_pct
    assert gap.high_pct - gap.low_pct > 5


def test_chow_break_against_a_hand_computed_f():
    values = geometric()
    values.loc[2022:] = values.loc[2022:] * np.array([1.3, 1.5, 1.8])
    result = models.chow_break(values, 2022)
    t = np.arange(10.0)
    d = (t >= 7).astype(float)
    y = np.log(values.to_numpy())

    def rss(x):
        beta, *_ = np.linalg.lstsq(x, y, rcond=None)
        return float(((y - x @ beta) ** 2).sum())

    r = rss(np.column_stack([np.ones(10), t]))
    u = rss(np.column_stack([np.ones(10), t, d, d * t]))
    assert result.f_stat == pytest.approx(((r - u) / 2) / (u / 6))
    assert (result.n_before, result.n_after) == (7, 3)
    assert result.growth_before_pct == pytest.approx(8)
    assert result.p_value < 0.05


def test_chow_break_refuses_tiny_segments():
    with pytest.raises(ValueError, match="at least 3 years before"):
        models.chow_break(geometric(), 2024)


def test_count_trend_recovers_growth_and_flags_overdispersion():
    exact = geometric(0.1, 5000.0).round()
    trend = models.count_trend(exact)
    assert trend.growth_pct == pytest.approx(10, abs=0.01)
    noisy_counts = (geometric(0.1, 5000.0) * np.array([1.0, 1.1, 0.9, 1.05, 0.95, 1.1, 0.9, 1.0, 1.05, 0.95])).round()
    rough = models.count_trend(noisy_counts)
    assert rough.dispersion > 10 and rough.scale_used == rough.dispersion
    assert rough.ci_low_pct < rough.growth_pct < rough.ci_high_pct
    # the scaled interval is wider than a plain Poisson one would be: sqrt(dispersion) times
    plain = models.count_trend(exact)
    assert rough.ci_high_pct - rough.ci_low_pct > plain.ci_high_pct - plain.ci_low_pct


def test_elasticity_by_hand():
    x = pd.Series([100.0, 120.0, 150.0, 160.0, 200.0, 230.0], index=range(2015, 2021))
    y = pd.Series({year + 1: 10 * value ** 0.8 for year, value in x.items()})
    result = models.elasticity(y, x, lag=1)
    assert result.n == 6 and result.elasticity == pytest.approx(0.8)
    with pytest.raises(ValueError, match="at least 4 pairs"):
        models.elasticity(y.iloc[:3], x, lag=1)


def _ols(values):
    """Hand-computed OLS of log levels on years since the first: coefficients, residuals, (X'X)^-1, s^2."""
    t = np.asarray(values.index, dtype=float) - values.index[0]
    x = np.column_stack([np.ones_like(t), t])
    y = np.log(values.to_numpy())
    beta, *_ = np.linalg.lstsq(x, y, rcond=None)
    resid = y - x @ beta
    inverse = np.linalg.inv(x.T @ x)
    return x, beta, resid, inverse, float(resid @ resid / (len(y) - 2))


def _pct(v):
    return (math.exp(v) - 1) * 100


def test_growth_intervals_agree_on_an_exact_geometric_series():
    table = models.growth_intervals(geometric()).set_index("method")
    assert table["growth %"].to_numpy() == pytest.approx([8, 8, 8])
    assert (table["high %"] - table["low %"]).to_numpy() == pytest.approx([0, 0, 0], abs=1e-9)
    assert table["n"].tolist() == [10, 10, 9]
    assert table["assumes"].str.len().min() > 20


def test_ols_and_hac_intervals_by_hand():
    values = noisy()
    x, beta, resid, inverse, s2 = _ols(values)
    t = stats.t.ppf(0.975, 8)
    table = models.growth_intervals(values).set_index("method")
    se = math.sqrt(s2 * inverse[1, 1])
    assert table.loc["OLS trend", ["low %", "high %"]].tolist() == pytest.approx([_pct(beta[1] - t * se), _pct(beta[1] + t * se)])
    # Newey-West, Bartlett weights 1 - l / (L + 1), L = 2, times n / (n - k)
    scores = x * resid[:, None]
    meat = scores.T @ scores
    for lag in (1, 2):
        cross = scores[lag:].T @ scores[:-lag]
        meat += (1 - lag / 3) * (cross + cross.T)
    hac_se = math.sqrt((inverse @ meat @ inverse)[1, 1] * 10 / 8)
    assert table.loc["HAC trend", ["low %", "high %"]].tolist() == pytest.approx(
        [_pct(beta[1] - t * hac_se), _pct(beta[1] + t * hac_se)])


def test_drift_uses_only_changes_between_consecutive_years():
    values = noisy().drop(index=2020)  # a gap: 2019-2021 is not a one-year change
    changes = np.log(values).diff()[[2016, 2017, 2018, 2019, 2022, 2023, 2024]]
    m, mean, sd = len(changes), changes.mean(), changes.std(ddof=1)
    half = stats.t.ppf(0.975, m - 1) * sd / math.sqrt(m)
    row = models.growth_intervals(values).set_index("method").loc["random walk with drift"]
    assert row["n"] == 7
    assert [row["growth %"], row["low %"], row["high %"]] == pytest.approx([_pct(mean), _pct(mean - half), _pct(mean + half)])


def test_band_given_the_last_year_by_hand():
    values = noisy()
    values[2023] *= 0.93  # the year before observed well below its trend
    before = values[values.index < 2024]
    x, beta, _, inverse, s2 = _ols(before)
    x0 = np.array([1.0, 2024 - 2015])
    centre = x0 @ beta - math.log(before[2023])
    sd = math.sqrt(s2 * (1 + x0 @ inverse @ x0))
    t = stats.t.ppf(0.975, 7)
    gap = models.growth_against_trend(values, 2024, given_last=True)
    assert [gap.trend_pct, gap.low_pct, gap.high_pct] == pytest.approx([_pct(centre), _pct(centre - t * sd), _pct(centre + t * sd)])
    assert gap.trend_pct > models.growth_against_trend(values, 2024).trend_pct  # a recovery is expected


def test_band_given_the_last_year_needs_that_year():
    with pytest.raises(ValueError, match="needs 2023 observed"):
        models.growth_against_trend(noisy().drop(index=2023), 2024, given_last=True)


def test_break_sensitivity_is_chow_at_each_year_it_can_test():
    values = noisy()
    table = models.break_sensitivity(values, range(2016, 2025))
    assert table["break year"].tolist() == list(range(2018, 2024))  # 3 years before, 2 from, at least
    for _, row in table.iterrows():
        assert row["p"] == pytest.approx(models.chow_break(values, int(row["break year"])).p_value)
    assert 2020 not in models.break_sensitivity(values.drop(index=2020), range(2016, 2025))["break year"].tolist()



def test_mean_shift_agrees_with_welch_by_hand():
    changes = pd.Series([1.0, 3.0, 2.0, 6.0, 5.0, 8.0, 7.5], index=range(2016, 2023))
    shift = models.mean_shift(changes, 2020)
    before, after = np.array([1.0, 3.0, 2.0, 6.0]), np.array([5.0, 8.0, 7.5])
    welch = stats.ttest_ind(after, before, equal_var=False)
    low, high = welch.confidence_interval(0.95)
    assert (shift.n_before, shift.n_after) == (4, 3)
    assert shift.difference == pytest.approx(after.mean() - before.mean())
    assert (shift.low, shift.high) == pytest.approx((low, high))
    assert shift.df == pytest.approx(welch.df)
    # Welch-Satterthwaite by hand
    vb, va = before.var(ddof=1) / 4, after.var(ddof=1) / 3
    df = (vb + va) ** 2 / (vb ** 2 / 3 + va ** 2 / 2)
    half = stats.t.ppf(0.975, df) * math.sqrt(vb + va)
    assert shift.df == pytest.approx(df)
    assert (shift.low, shift.high) == pytest.approx((shift.difference - half, shift.difference + half))


def test_mean_shift_needs_two_years_each_side():
    with pytest.raises(ValueError, match="at least 2 years before"):
        models.mean_shift(pd.Series([1.0, 2.0, 3.0], index=[2020, 2021, 2022]), 2021)


def test_welch_difference_by_hand():
    # means 2 and 6; variances 2 and 8; se = sqrt(2/2 + 8/2); Welch df = 5**2 / (1**2 / 1 + 4**2 / 1)
    diff, low, high, df = models.welch_difference([1.0, 3.0], [4.0, 8.0])
    half = stats.t.ppf(0.975, 25 / 17) * math.sqrt(5)
    assert (diff, df) == pytest.approx((4.0, 25 / 17))
    assert (low, high) == pytest.approx((4 - half, 4 + half))
