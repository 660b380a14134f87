"""Bilingual text understanding shared by the guide and the parser (a library: it never runs)."""
