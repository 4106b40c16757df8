"""Phone numbers for the ranked CSV: normalised with ``phonenumbers``, written so that a
spreadsheet shows them as written (docs/output.md, "Phone numbers")."""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

from ..types import PHONE_REGION


@lru_cache(maxsize=1 << 16)  # a rescore builds the ranking again: parse each number once (~90 µs)
def phone_cell(raw: object) -> object:
    """``raw`` as the ranked CSV writes it: a number ``phonenumbers`` reads as a whole number of
    the right length for its country (valid, or possible: fictional 555 numbers too) becomes
    ``(+CC) national part`` (``(+1) 404-555-0156``, ``(+44) 20 7946 0958``); anything else keeps
    its text as written (``csv_safe`` still neutralises it). The country comes from the number
    itself when it starts with ``+``, else ``PHONE_REGION``. The leading ``(`` keeps the ``+``
    from being a formula trigger, without a quote or an invisible character."""
    if not isinstance(raw, str) or not raw.strip():
        return raw
    text = re.sub(r"\s+", " ", raw.strip())
    try:
        number = phonenumbers.parse(text, PHONE_REGION)
    except phonenumbers.NumberParseException:
        return text
    # The cheap length check first: is_valid_number walks every region of the country code (~40 µs)
    # and is only needed for a number whose length alone does not make it possible.
    if not (phonenumbers.is_possible_number_with_reason(number) == phonenumbers.ValidationResult.IS_POSSIBLE
            or phonenumbers.is_valid_number(number)):
        return text
    international = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    code, _, rest = international.partition(" ")
    return f"({code}) {rest}" if rest else international
