"""The smallest browser test: the home page opens and shows its three entrances."""

from __future__ import annotations

from typing import Any

from .conftest import Server


def test_home_shows_three_entrances(page: Any, site_server: Server) -> None:
    page.goto(site_server.url)
    headings = page.locator(".hb-entrance h2").all_inner_texts()
    assert headings == ["Voor medewerkers", "Voor de begeleider", "Voor de beheerder"]
