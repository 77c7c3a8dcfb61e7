"""``python -m macros``: the same as the ``handboek`` command."""

from macros.adapters.cli import main

raise SystemExit(main())
