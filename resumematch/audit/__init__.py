"""Fairness: counterfactual checks of a screener, and adverse-impact tables of a ranking."""
