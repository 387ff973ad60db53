"""Names of the codes the pages show (themes, statuses, areas, dimensions), marked for the
gettext catalogue and translated where they are shown."""

from __future__ import annotations

from tendik.web.i18n import N_, translations

THEMES: dict[str, str] = {
    "civil-service": N_("Civil service"),
    "parliament": N_("Parliament and local councils"),
    "management": N_("Management"),
    "justice-security": N_("Justice and security"),
    "other": N_("Other indicators"),
}

STATUSES: dict[str, str] = {
    "target_achieved": N_("Target achieved"),
    "substantial_progress": N_("Substantial progress"),
    "moderate_progress": N_("Moderate progress"),
    "negligible_progress": N_("Negligible progress"),
    "moving_away": N_("Moving away from the target"),
    "insufficient_data": N_("Insufficient data"),
}

# SDMX OBS_STATUS codes the warehouse uses.
OBS_STATUSES: dict[str, str] = {
    "A": N_("Normal value"),
    "P": N_("Provisional value"),
    "E": N_("Estimated value"),
    "C": N_("Confidential: suppressed to protect small groups"),
    "M": N_("Missing value"),
}

DIRECTIONS: dict[str, str] = {
    "increase": N_("increase to {value} by {year}"),
    "decrease": N_("decrease to {value} by {year}"),
    "parity": N_("parity ({value} ± {band}) by {year}"),
}

AREAS: dict[str, str] = {
    "KAZ": N_("Kazakhstan"),
    "KGZ": N_("Kyrgyzstan"),
    "TJK": N_("Tajikistan"),
    "TKM": N_("Turkmenistan"),
    "UZB": N_("Uzbekistan"),
    "RUS": N_("Russia"),
    "CHN": N_("China"),
    "MNG": N_("Mongolia"),
    "WLD": N_("World"),
    "EU27_2020": N_("European Union (27 countries)"),
}

DIMENSIONS: dict[str, str] = {
    "REGION": N_("Region"),
    "LEVEL": N_("Level"),
    "CORPS": N_("Corps"),
    "CATEGORY": N_("Category"),
    "AGE": N_("Age group"),
    "SEX": N_("Sex"),
    "URBANISATION": N_("Urban or rural"),
    "DEPARTMENT": N_("Department"),
}

SEX_CODES: dict[str, str] = {"F": N_("Women"), "M": N_("Men"), "_T": N_("Total")}

# Codes of the civil-service register's breakdowns, by dimension; other codes show as they are.
CATEGORY_CODES: dict[str, dict[str, str]] = {
    "LEVEL": {
        "central": N_("Central level"),
        "regional": N_("Regional level"),
        "district": N_("District level"),
    },
    "CORPS": {"A": N_("Corps A"), "B": N_("Corps B"), "political": N_("Political posts")},
    "CATEGORY": {"political": N_("Political posts")},
    "AGE": {"<30": N_("Under 30"), "60+": N_("60 and over")},
}

UNITS: dict[str, str] = {
    "percent": "%",
    "count": "",
    "ratio": "",
    "tenge": "₸",
    "years": N_("years"),
    "number": "",
}

SYNTHETIC = N_("Synthetic data — not real people")


def synthetic_notice() -> dict[str, str]:
    """The synthetic-data label in each language, from the catalogues."""
    return {lang: translations(lang).gettext(SYNTHETIC) for lang in ("en", "ru", "kk")}
