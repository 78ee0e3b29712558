"""The text layer, under every stage: folding for matching (``fold``), the line around a position,
Chinese numerals (``numerals``), dates (``dates``) and the Latin words of a name (``latin``).

It imports nothing of the package but itself, so ingest, extract, rules, screen and findings all
read text the same way by importing it straight down.
"""
