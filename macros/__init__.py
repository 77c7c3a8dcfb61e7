"""The internal-customer handbook: data model, loading, rules and rendering.

mkdocs-macros imports this package (``module_name: macros``) and calls
``define_env``; the import of the adapter is deferred so that the core layers
can be used, and tested, without MkDocs.
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    """Entry point for mkdocs-macros."""
    from .adapters.macros_env import define_env as _define_env

    _define_env(env)
