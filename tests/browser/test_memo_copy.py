"""The memo's copy button: it copies the plain text, and without permission it selects the text instead."""

from __future__ import annotations

from typing import Any

from .conftest import Server


def test_copy_button_puts_the_memo_on_the_clipboard(browser: Any, site_server: Server) -> None:
    context = browser.new_context(locale="nl-NL")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server.url.rstrip("/"))
    page = context.new_page()
    page.goto(site_server.url + "bijeenkomst/memo/")
    button = page.locator("#hb-memo-copy")
    assert button.is_visible(), "the script shows the button when the browser can copy"
    button.click()
    page.wait_for_function("document.getElementById('hb-memo-copy').textContent === 'Gekopieerd'")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("#hb-memo-text").input_value()
    assert copied.startswith("Onderwerp: ") and "ACTIEPUNTEN" in copied
    context.close()


def test_without_clipboard_the_text_is_selected(page: Any, site_server: Server) -> None:
    page.goto(site_server.url + "bijeenkomst/memo/")
    page.evaluate("() => { navigator.clipboard.writeText = () => Promise.reject(new Error('geen toegang')); }")
    page.locator("#hb-memo-copy").click()
    page.wait_for_function("document.getElementById('hb-memo-copy').textContent === 'Kopieer met Ctrl+C'")
    selected = page.evaluate(
        "() => { const t = document.getElementById('hb-memo-text'); return t.value.slice(t.selectionStart, t.selectionEnd); }"
    )
    assert selected == page.locator("#hb-memo-text").input_value()
