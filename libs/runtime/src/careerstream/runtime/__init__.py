"""Shared runtime of careerstream services (a library: it never runs on its own)."""
