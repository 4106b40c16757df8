"""Stage 3: evidence to requirement strengths, category scores and a total."""
