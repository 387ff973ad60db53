"""Sex, drawn after positions so that published totals hold exactly in the calibration year.

Each person's chance of being a woman depends on their post (corps, level, region, whether they
reached a managerial post, when they were hired, whether they took parental leave). Two free
constants, an intercept and the managerial effect, are solved for so that the expected shares of
women among active staff and among active managers in the calibration snapshot equal the
targets; after the draw, the few people nearest the threshold have their sex flipped so that the
counts match the targets exactly. A person's sex is one value for their whole career.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tendik.reference.kz_regions import KZ_REGIONS

# Published totals: women among civil servants and among those in managerial posts at the start
# of 2025, as reported in January 2025 (bundled article kz-women-in-civil-service-2025.txt).
TARGET_YEAR = 2025
TARGET_WOMEN_PCT = 55.8
TARGET_WOMEN_MANAGERIAL_PCT = 39.1
# How much lower the targets are for each year before TARGET_YEAR (an assumption of the
# generator, used only when the last snapshot is earlier than TARGET_YEAR).
TREND_PCT_PER_YEAR = (0.12, 0.45)

# Effects on the log-odds of being a woman.
CORPS_EFFECT = np.array([-1.3, -0.25, 0.0])  # political, A, B
LEVEL_EFFECT = np.array([-0.30, 0.0, 0.12])  # central, regional, district
_REGION_EFFECT: dict[str, float] = {
    "KZ-10": 0.10,
    "KZ-11": 0.15,
    "KZ-15": 0.0,
    "KZ-19": -0.10,
    "KZ-23": -0.15,
    "KZ-27": 0.05,
    "KZ-31": -0.15,
    "KZ-33": -0.05,
    "KZ-35": 0.20,
    "KZ-39": 0.25,
    "KZ-43": -0.20,
    "KZ-47": -0.20,
    "KZ-55": 0.20,
    "KZ-59": 0.30,
    "KZ-61": -0.30,
    "KZ-62": 0.0,
    "KZ-63": 0.20,
    "KZ-71": -0.05,
    "KZ-75": 0.10,
    "KZ-79": -0.25,
}
REGION_EFFECT = np.array([_REGION_EFFECT[r.code] for r in KZ_REGIONS])
COHORT_EFFECT = 0.004  # per year of hiring: later cohorts hold more women
COHORT_MANAGERIAL_EFFECT = 0.02  # and more so among those who reach managerial posts
LEAVE_EFFECT = 2.8  # parental leave is taken mostly by women


def target_shares(year: int) -> tuple[float, float]:
    """Target women's shares (all, managerial), in percent, for a snapshot year."""
    back = max(TARGET_YEAR - year, 0)
    return (
        TARGET_WOMEN_PCT - TREND_PCT_PER_YEAR[0] * back,
        TARGET_WOMEN_MANAGERIAL_PCT - TREND_PCT_PER_YEAR[1] * back,
    )


@dataclass(frozen=True)
class SexModel:
    """What the chance of being a woman depends on, one entry per person."""

    base: np.ndarray  # log-odds from post, region, cohort and leave
    managerial: np.ndarray  # bool: reaches a managerial post at some time in their career
    in_all: np.ndarray  # bool: active in the calibration snapshot
    in_managerial: np.ndarray  # bool: active and managerial in the calibration snapshot


def base_log_odds(
    corps: np.ndarray,
    level: np.ndarray,
    territory: np.ndarray,
    years_before: np.ndarray,
    managerial: np.ndarray,
    took_leave: np.ndarray,
) -> np.ndarray:
    """Log-odds of being a woman before the two calibrated constants are added."""
    cohort = -(COHORT_EFFECT + COHORT_MANAGERIAL_EFFECT * managerial) * years_before
    return (
        CORPS_EFFECT[corps]
        + LEVEL_EFFECT[level]
        + REGION_EFFECT[territory]
        + cohort
        + LEAVE_EFFECT * took_leave
    )


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def solve_constants(model: SexModel, targets: tuple[float, float]) -> tuple[float, float]:
    """Intercept and managerial effect whose expected shares meet ``targets`` (fractions)."""
    base_all = model.base[model.in_all]
    mgr_all = model.managerial[model.in_all]
    base_mgr = model.base[model.in_managerial]
    alpha, beta = 0.0, 0.0
    if len(base_all) == 0:
        return alpha, beta
    for _ in range(50):
        p_all = _sigmoid(base_all + alpha + beta * mgr_all)
        w_all = p_all * (1.0 - p_all)
        f1 = p_all.mean() - targets[0]
        if len(base_mgr) == 0:  # nobody to calibrate the managerial share on
            step = np.array([f1 / w_all.mean(), 0.0])
            f2 = 0.0
        else:
            p_mgr = _sigmoid(base_mgr + alpha + beta)
            w_mgr = (p_mgr * (1.0 - p_mgr)).mean()
            f2 = p_mgr.mean() - targets[1]
            jac = np.array([[w_all.mean(), (w_all * mgr_all).mean()], [w_mgr, w_mgr]])
            step = np.linalg.solve(jac, [f1, f2])
        alpha -= float(np.clip(step[0], -2.0, 2.0))
        beta -= float(np.clip(step[1], -2.0, 2.0))
        if abs(f1) < 1e-12 and abs(f2) < 1e-12:
            break
    return alpha, beta


def draw_sex(model: SexModel, u: np.ndarray, targets: tuple[float, float]) -> np.ndarray:
    """Whether each person is a woman: drawn, then corrected to hit the targets exactly."""
    alpha, beta = solve_constants(model, targets)
    score = u - _sigmoid(model.base + alpha + beta * model.managerial)
    female = score < 0.0
    n_mgr = int(model.in_managerial.sum())
    n_all = int(model.in_all.sum())
    k_mgr = int(np.floor(targets[1] * n_mgr + 0.5))
    k_all = int(np.floor(targets[0] * n_all + 0.5))
    rest = model.in_all & ~model.in_managerial
    k_rest = min(max(k_all - k_mgr, 0), int(rest.sum()))
    _match_count(female, score, model.in_managerial, k_mgr)
    _match_count(female, score, rest, k_rest)
    return female


def _match_count(female: np.ndarray, score: np.ndarray, mask: np.ndarray, k: int) -> None:
    """Flip those nearest the threshold within ``mask`` until it holds ``k`` women."""
    excess = int(female[mask].sum()) - k
    if excess > 0:
        candidates = np.flatnonzero(mask & female)
        order = np.argsort(-score[candidates], kind="stable")
        female[candidates[order[:excess]]] = False
    elif excess < 0:
        candidates = np.flatnonzero(mask & ~female)
        order = np.argsort(score[candidates], kind="stable")
        female[candidates[order[:-excess]]] = True
