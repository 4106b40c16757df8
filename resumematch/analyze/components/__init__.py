"""The resumematch spaCy components, one factory each (registered when their module is imported)."""

from . import claims, contact, context, dates, degrees, fuzzy, header, names, patterns, sections, terms  # noqa: F401
