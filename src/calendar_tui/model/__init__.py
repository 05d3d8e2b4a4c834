"""The domain: posts, sessions, occurrences, the French date grammar, the store and filters.

Plain Python only: nothing under this package imports Textual or Rich (a test checks it).
"""
