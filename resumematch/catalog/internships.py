"""The words that name an internship, for every model.

A drafted internship requirement takes them as its aliases; a model without an internship
requirement still reads them, so an intern's period is an internship under every model
(``analyze.analyzer.initial_settings``), whatever the model asks.
"""

from __future__ import annotations

INTERNSHIP_TERMS = ("internship", "intern", "co-op", "coop", "co-op student", "summer intern", "industrial placement",
                    "placement year", "work placement", "apprenticeship")
