"""Small, transparent statsmodels wrappers for annual series of a decade or so.

Every result carries its sample size; confidence intervals use the t distribution
with the residual degrees of freedom, which matters at n = 10.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats


@dataclass(frozen=True)
class Trend:
    """A log-linear trend ``log(y) = a + b * (year - first)``; growth figures in percent a year."""

    n: int
    first: int
    last: int
    growth_pct: float
    ci_low_pct: float
    ci_high_pct: float
    slope: float
    slope_se: float
    resid_sd: float
    maxlags: int
    r_squared: float


def _pct(log_change: float) -> float:
    """A change in logs as growth in percent."""
    return (math.exp(log_change) - 1) * 100


def newey_west_lags(n: int) -> int:
    """The usual Newey-West bandwidth floor(4 (n/100)^(2/9)), at least 1."""
    return max(1, math.floor(4 * (n / 100) ** (2 / 9)))


def _years(values: pd.Series) -> pd.Series:
    clean = values.dropna()
    clean.index = clean.index.astype(int)
    return clean.sort_index()


def log_linear_trend(values: pd.Series, maxlags: int | None = None, level: float = 0.95) -> Trend:
    """Fit a log-linear trend by OLS with Newey-West (HAC) standard errors.

    ``values``: positive levels indexed by year (gaps allowed: years are the regressor).
    """
    y = _years(values)
    if len(y) < 4:
        raise ValueError(f"a trend needs at least 4 years, got {len(y)}")
    lags = newey_west_lags(len(y)) if maxlags is None else maxlags
    x = sm.add_constant((y.index - y.index[0]).to_numpy(dtype=float))
    fit = sm.OLS(np.log(y.to_numpy()), x).fit(cov_type="HAC", cov_kwds={"maxlags": lags}, use_t=True)
    low, high = fit.conf_int(1 - level)[1]
    slope = float(fit.params[1])
    return Trend(
        n=len(y), first=int(y.index[0]), last=int(y.index[-1]),
        growth_pct=_pct(slope), ci_low_pct=_pct(low), ci_high_pct=_pct(high),
        slope=slope, slope_se=float(fit.bse[1]), resid_sd=float(np.sqrt(fit.scale)), maxlags=lags, r_squared=float(fit.rsquared),
    )


@dataclass(frozen=True)
class TrendGap:
    """A year's growth against the trend of the years before it (percent a year)."""

    year: int
    observed_pct: float
    trend_pct: float
    low_pct: float
    high_pct: float
    n: int

    @property
    def outside(self) -> bool:
        """True if the observed growth falls outside the interval."""
        return not self.low_pct <= self.observed_pct <= self.high_pct


def growth_against_trend(values: pd.Series, year: int, observed_pct: float | None = None, level: float = 0.95,
                         given_last: bool = False) -> TrendGap:
    """Is growth in ``year`` unusual given the log-linear trend of the earlier years?

    Under the trend, one year's log change is the slope plus the difference of two
    residuals, so its sd is sqrt(2 sigma^2 + se(slope)^2). The interval uses the t
    distribution with n - 2 degrees of freedom. ``observed_pct`` defaults to the
    growth computed from ``values`` (year over year - 1); pass the published rate to
    use that instead.

    With ``given_last``, the band is conditional on the level observed in ``year - 1``:
    the trend's prediction for ``year`` (with its prediction error, sd
    sigma * sqrt(1 + leverage)) divided by that level. A year observed below the trend
    then predicts a recovery, as a trend-stationary series implies.
    """
    y = _years(values)
    before = y[y.index < year]
    trend = log_linear_trend(before, level=level)
    t = stats.t.ppf(0.5 + level / 2, trend.n - 2)
    if given_last:
        centre, sd = _predicted_log_change(before, year)
    else:
        centre, sd = trend.slope, math.sqrt(2 * trend.resid_sd ** 2 + trend.slope_se ** 2)
    if observed_pct is None:
        observed_pct = (y[year] / y[year - 1] - 1) * 100
    return TrendGap(year=year, observed_pct=float(observed_pct), trend_pct=_pct(centre),
                    low_pct=_pct(centre - t * sd), high_pct=_pct(centre + t * sd),
                    n=trend.n)


def _predicted_log_change(before: pd.Series, year: int) -> tuple[float, float]:
    """Log of (the OLS trend's prediction for ``year``) / (the level in ``year - 1``), and the
    prediction's standard error (the level of ``year - 1`` is taken as known)."""
    if year - 1 not in before.index:
        raise ValueError(f"a band given the last year needs {year - 1} observed")
    x = sm.add_constant((before.index - before.index[0]).to_numpy(dtype=float))
    fit = sm.OLS(np.log(before.to_numpy()), x).fit()
    point = fit.get_prediction(np.array([[1.0, float(year - before.index[0])]]))
    mean = float(point.predicted_mean[0])
    sd = math.sqrt(float(point.var_pred_mean[0]) + fit.scale)
    return mean - math.log(before[year - 1]), sd


@dataclass(frozen=True)
class Break:
    """Chow test of one log-linear trend against separate trends before and from ``year``."""

    year: int
    n_before: int
    n_after: int
    f_stat: float
    p_value: float
    growth_before_pct: float
    growth_after_pct: float


def chow_break(values: pd.Series, year: int) -> Break:
    """F test for a change in level and slope of the log-linear trend from ``year`` on.

    Plain OLS errors (no HAC): with a handful of years on each side the test has little
    power, so a large p-value is weak evidence of no break, not evidence of stability.
    """
    y = _years(values)
    t = (y.index - y.index[0]).to_numpy(dtype=float)
    after = (y.index >= year).astype(float)
    n_after, n_before = int(after.sum()), int(len(y) - after.sum())
    if n_before < 3 or n_after < 2:
        raise ValueError(f"need at least 3 years before and 2 from {year}; have {n_before} and {n_after}")
    logs = np.log(y.to_numpy())
    restricted = sm.OLS(logs, sm.add_constant(t)).fit()
    full = sm.OLS(logs, np.column_stack([np.ones_like(t), t, after, after * t])).fit()
    f_stat, p_value, _ = full.compare_f_test(restricted)
    slope_before, slope_after = full.params[1], full.params[1] + full.params[3]
    return Break(year=year, n_before=n_before, n_after=n_after, f_stat=float(f_stat), p_value=float(p_value),
                 growth_before_pct=_pct(slope_before), growth_after_pct=_pct(slope_after))


def break_sensitivity(values: pd.Series, years) -> pd.DataFrame:
    """``chow_break`` at each of ``years``, one row each: how much a "break" depends on the
    year chosen. Years not observed are left out (a break there is the break at the next
    observed year), and so are years whose segments are too short."""
    rows = []
    observed = set(_years(values).index)
    for year in (y for y in years if y in observed):
        try:
            result = chow_break(values, year)
        except ValueError:
            continue
        rows.append({"break year": year, "n before": result.n_before, "n from": result.n_after, "F": result.f_stat,
                     "p": result.p_value, "growth before %": result.growth_before_pct,
                     "growth from %": result.growth_after_pct})
    return pd.DataFrame(rows)


#: What each interval of ``growth_intervals`` assumes, in one sentence.
ASSUMPTIONS = {
    "OLS trend": "log levels scatter around a straight line with independent errors (shocks fade)",
    "HAC trend": "as OLS, but errors may be autocorrelated; Newey-West with a small-sample correction, "
                 "still too narrow at n of about 10",
    "random walk with drift": "each year's log change is an independent draw around a constant drift (shocks persist)",
}


def growth_intervals(values: pd.Series, level: float = 0.95, maxlags: int | None = None) -> pd.DataFrame:
    """Average growth of a short annual series (percent a year) under three models, with
    their intervals side by side; ``n`` is the number of levels (trends) or of year-on-year
    changes between consecutive years (drift). Gaps are never filled: a change is taken only
    between two consecutive observed years."""
    y = _years(values)
    if len(y) < 4:
        raise ValueError(f"growth intervals need at least 4 years, got {len(y)}")
    lags = newey_west_lags(len(y)) if maxlags is None else maxlags
    x = sm.add_constant((y.index - y.index[0]).to_numpy(dtype=float))
    logs = np.log(y.to_numpy())
    model = sm.OLS(logs, x)
    fits = {"OLS trend": model.fit(use_t=True),
            "HAC trend": model.fit(cov_type="HAC", cov_kwds={"maxlags": lags, "use_correction": True}, use_t=True)}
    rows = [_row(name, len(y), float(fit.params[1]), *map(float, fit.conf_int(1 - level)[1])) for name, fit in fits.items()]
    one_year_steps = y.index.to_series().diff().to_numpy() == 1
    changes = np.log(y).diff()[one_year_steps].to_numpy()
    if len(changes) >= 3:
        m = len(changes)
        drift, se = float(changes.mean()), float(changes.std(ddof=1) / math.sqrt(m))
        t = stats.t.ppf(0.5 + level / 2, m - 1)
        rows.append(_row("random walk with drift", m, drift, drift - t * se, drift + t * se))
    return pd.DataFrame(rows)


def _row(method: str, n: int, slope: float, low: float, high: float) -> dict:
    return {"method": method, "n": n, "growth %": _pct(slope), "low %": _pct(low), "high %": _pct(high),
            "assumes": ASSUMPTIONS[method]}


@dataclass(frozen=True)
class MeanShift:
    """Mean of a yearly change before and from a year, and their difference (after - before)
    with a Welch t interval (unequal variances, Welch-Satterthwaite degrees of freedom)."""

    year: int
    n_before: int
    n_after: int
    mean_before: float
    mean_after: float
    difference: float
    low: float
    high: float
    df: float


def mean_shift(changes: pd.Series, year: int, level: float = 0.95) -> MeanShift:
    """Did a yearly change (indexed by the year it ends in) average more from ``year`` on than
    before it? Each year is taken as an independent draw; with a handful of years on each
    side the interval is wide, and a shift says nothing about what caused it."""
    y = _years(changes)
    before, after = y[y.index < year].to_numpy(), y[y.index >= year].to_numpy()
    if len(before) < 2 or len(after) < 2:
        raise ValueError(f"need at least 2 years before and 2 from {year}; have {len(before)} and {len(after)}")
    diff, low, high, df = welch_difference(before, after, level)
    return MeanShift(year=year, n_before=len(before), n_after=len(after), mean_before=float(before.mean()),
                     mean_after=float(after.mean()), difference=diff, low=low, high=high, df=df)


def welch_difference(before, after, level: float = 0.95) -> tuple[float, float, float, float]:
    """mean(after) - mean(before) with its Welch t interval and degrees of freedom; needs at
    least 2 values on each side."""
    welch = stats.ttest_ind(np.asarray(after, dtype=float), np.asarray(before, dtype=float), equal_var=False)
    low, high = welch.confidence_interval(level)
    return float(np.mean(after) - np.mean(before)), float(low), float(high), float(welch.df)


@dataclass(frozen=True)
class CountTrend:
    """A Poisson GLM ``log E[count] = a + b * (year - first)`` with its dispersion check."""

    n: int
    growth_pct: float
    ci_low_pct: float
    ci_high_pct: float
    dispersion: float
    scale_used: float


def count_trend(counts: pd.Series, level: float = 0.95) -> CountTrend:
    """Growth of a yearly count (e.g. patent grants) from a Poisson GLM with a log link.

    Dispersion is Pearson chi^2 / residual df. Counts of thousands are nearly always
    overdispersed, so standard errors are scaled by that ratio (quasi-Poisson); a
    Poisson interval without it would be far too narrow. Intervals use the t
    distribution with the residual degrees of freedom.
    """
    y = _years(counts)
    if len(y) < 4:
        raise ValueError(f"a count trend needs at least 4 years, got {len(y)}")
    x = sm.add_constant((y.index - y.index[0]).to_numpy(dtype=float))
    poisson = sm.GLM(y.to_numpy(), x, family=sm.families.Poisson()).fit()
    dispersion = float(poisson.pearson_chi2 / poisson.df_resid)
    scale = max(dispersion, 1.0)
    fit = sm.GLM(y.to_numpy(), x, family=sm.families.Poisson()).fit(scale=scale)
    t = stats.t.ppf(0.5 + level / 2, fit.df_resid)
    slope, se = float(fit.params[1]), float(fit.bse[1])
    return CountTrend(n=len(y), growth_pct=_pct(slope), ci_low_pct=_pct(slope - t * se),
                      ci_high_pct=_pct(slope + t * se), dispersion=dispersion, scale_used=scale)


@dataclass(frozen=True)
class Elasticity:
    """Slope of ``log(y_t)`` on ``log(x_{t-lag})`` with heteroskedasticity-robust (HC3) errors."""

    n: int
    lag: int
    elasticity: float
    ci_low: float
    ci_high: float
    se: float


def elasticity(y: pd.Series, x: pd.Series, lag: int = 1, level: float = 0.95) -> Elasticity:
    """Log-log elasticity of ``y`` to ``x`` lagged ``lag`` years, over the years where both exist.

    HC3 standard errors suit small samples better than HC0/HC1; still, with n below
    about 10 the interval is a rough guide only.
    """
    ys, xs = _years(y), _years(x)
    lagged = xs.rename(index=lambda year: year + lag)
    pairs = pd.concat([ys.rename("y"), lagged.rename("x")], axis=1).dropna()
    if len(pairs) < 4:
        raise ValueError(f"an elasticity needs at least 4 pairs of y(t) and x(t-{lag}), got {len(pairs)}")
    fit = sm.OLS(np.log(pairs["y"].to_numpy()), sm.add_constant(np.log(pairs["x"].to_numpy()))).fit(cov_type="HC3", use_t=True)
    low, high = fit.conf_int(1 - level)[1]
    return Elasticity(n=len(pairs), lag=lag, elasticity=float(fit.params[1]), ci_low=float(low), ci_high=float(high), se=float(fit.bse[1]))
