"""The resumematch spaCy components, one factory each (registered when their module is imported)."""
