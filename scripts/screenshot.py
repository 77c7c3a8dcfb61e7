"""Save PNG screenshots of built pages with Debian's headless Chromium.

Usage: python scripts/screenshot.py SITE_DIR OUT_DIR PAGE [PAGE ...] [--width 1280]
PAGE is an address inside the site, such as "" or "stappen/uitvoering/".
"""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site")
    parser.add_argument("out")
    parser.add_argument("pages", nargs="+")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--full", action="store_true", help="whole page instead of the first screen")
    args = parser.parse_args()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=args.site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        for address in args.pages:
            page.goto(f"http://127.0.0.1:{server.server_port}/{address}")
            name = (address.strip("/").replace("/", "_") or "home") + f"-{args.width}.png"
            page.screenshot(path=str(out / name), full_page=args.full)
            print(out / name)
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
