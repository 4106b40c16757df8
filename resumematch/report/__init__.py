"""Stage 4: scored results to the ranked CSV, explanations, the run record and blind ids."""
