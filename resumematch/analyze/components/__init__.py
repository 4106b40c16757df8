"""The resumematch spaCy components, one factory each (registered when their module is imported)."""

from . import contact, context, dates, degrees, fuzzy, patterns, sections, terms  # noqa: F401
