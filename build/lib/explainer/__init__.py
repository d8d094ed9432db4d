"""Explainer microsite generator: one news article plus structured notes -> a Pelican site."""
