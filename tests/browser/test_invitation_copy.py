"""The invitation's copy button: it copies the e-mail text, and without permission it selects the text instead."""

from __future__ import annotations

from typing import Any

from .conftest import Server


def test_copy_button_puts_the_invitation_on_the_clipboard(browser: Any, site_server: Server) -> None:
    context = browser.new_context(locale="nl-NL")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server.url.rstrip("/"))
    page = context.new_page()
    page.goto(site_server.url + "bijeenkomst/uitnodiging/")
    button = page.locator("#hb-invite-copy")
    assert button.is_visible(), "the script shows the button when the browser can copy"
    button.click()
    page.wait_for_function("document.getElementById('hb-invite-copy').textContent === 'Gekopieerd'")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("#hb-invite-text").input_value()
    lines = copied.splitlines()
    # No 'Aan:' line with addresses: the default organisation does not show staff e-mail addresses.
    assert lines[0].startswith("Onderwerp: Uitnodiging: ") and "@" not in copied
    assert "- van kantoor: " in copied and "- van de buitendienst: Kees Bakker, Erik Smit en Yusuf Demir" in copied
    assert "Beste collega's," in copied  # the text box holds plain text, not character references
    context.close()


def test_without_clipboard_the_invitation_is_selected(page: Any, site_server: Server) -> None:
    page.goto(site_server.url + "bijeenkomst/uitnodiging/")
    page.evaluate("() => { navigator.clipboard.writeText = () => Promise.reject(new Error('geen toegang')); }")
    page.locator("#hb-invite-copy").click()
    page.wait_for_function("document.getElementById('hb-invite-copy').textContent === 'Kopieer met Ctrl+C'")
    selected = page.evaluate(
        "() => { const t = document.getElementById('hb-invite-text'); return t.value.slice(t.selectionStart, t.selectionEnd); }"
    )
    assert selected == page.locator("#hb-invite-text").input_value()
