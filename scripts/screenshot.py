"""Save the README's screenshot: the bundled programme on 26/11/2020, a session selected.

    .venv/bin/python scripts/screenshot.py  # writes docs/screenshot.svg

Fixed clock, theme and size, like the snapshot tests, so the picture only changes with the app.
"""

from __future__ import annotations

import asyncio
import tempfile
from datetime import datetime
from pathlib import Path

from calendar_tui.factory import make_app
from calendar_tui.model.clock import PARIS, FixedClock
from calendar_tui.model.loader import load_store
from calendar_tui.paths import bundled_programme
from calendar_tui.settings import Settings

OUTPUT = Path(__file__).resolve().parents[1] / "docs" / "screenshot.svg"


async def main() -> None:
    store = load_store([bundled_programme()])
    with tempfile.TemporaryDirectory() as scratch:
        app = make_app(
            store,
            settings=Settings(),
            clock=FixedClock(datetime(2020, 11, 18, 10, 0, tzinfo=PARIS)),
            favourites_path=Path(scratch) / "favourites.json",
        )
        async with app.run_test(size=(120, 40)) as pilot:
            for key in ("end", "p", "p", "enter", "down"):
                await pilot.press(key)
            await pilot.pause(0.5)
            OUTPUT.parent.mkdir(exist_ok=True)
            app.save_screenshot(filename=OUTPUT.name, path=str(OUTPUT.parent))
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    asyncio.run(main())
