"""Counts in press Arabic: numbers, number words and quantifiers before a counted noun."""

from __future__ import annotations

from functools import lru_cache

from marsad.text.normalize import fold
from marsad.text.tokens import clitic_variants
from marsad.time.lexicon import HUNDREDS, ONES, TENS

# Number words and quantifiers (folded): a trigger near a count reports how many took part or
# were hit ("تظاهر نحو ألفي شخص", "تجمع آلاف المتظاهرين", "مقتل خمسة جنود"), which a report of
# the event gives and a background mention rarely does. Source: MSA cardinals (time.lexicon)
# plus the plural counts and approximators of press Arabic.
QUANTITIES = frozenset(fold(w) for w in [
    *(w for table in (ONES, TENS, HUNDREDS) for words in table.values() for w in words),
    "عشرات", "مئات", "آلاف", "ألوف", "ألفين", "ألفي", "مئتي", "مائتي", "مليون", "ملايين",
    "العشرات", "المئات", "الآلاف", "الألوف", "الملايين", "ثلاثمئة", "ثلاثمائة", "أربعمئة", "أربعمائة",
    "خمسمئة", "خمسمائة", "ستمئة", "ستمائة", "سبعمئة", "سبعمائة", "ثمانمئة", "ثمانمائة", "تسعمئة", "تسعمائة",
    "نحو", "حوالي", "قرابة", "زهاء", "بضع", "بضعة",
])


@lru_cache(maxsize=100_000)
def is_quantity(norm: str) -> bool:
    """A digit string or a number word / quantifier, behind a proclitic or not (وآلاف)."""
    return norm[:1].isdigit() or any(v in QUANTITIES for v in clitic_variants(norm))
