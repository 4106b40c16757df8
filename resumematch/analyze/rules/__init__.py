"""Plain helpers of the spaCy components: the doc extensions and ``Finding``, section headings,
contact details and names, claim statuses, fuzzy n-grams. No spaCy factory lives here."""
