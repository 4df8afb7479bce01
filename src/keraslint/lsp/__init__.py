"""Pieces of ``keraslint server`` that need no pygls: text edits in LSP
positions, client settings."""
