"""Adapters: the only modules that know MkDocs, mkdocs-macros or the shell."""
