"""Screenshots of every page of the web UI, on a corpus of the bundled examples, for the README.

    python -m tests.web.screenshots [FOLDER]      (make screenshots; FOLDER defaults to docs/screenshots)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.web.browser import CHROMIUM, CHROMIUM_ARGS, served, wait_until_ready
from vigie.api import create_app
from vigie.corpus import ingest
from vigie.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ("Grève à Marseille\n\nLe ministre de l'Intérieur, Laurent Nuñez, s'est rendu mardi à Marseille, où "
          "trois policiers ont été blessés lundi. « Nous ne lâcherons rien », a-t-il déclaré devant la préfecture.")
PAGES = {"accueil": "/", "article": "/article/seed-coalition-paris", "entite": "/entite/Paris",
         "citations": "/citations?locuteur=Macron", "evenements": "/evenements", "analyser": "/analyser"}


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    pipeline = Pipeline()
    with tempfile.TemporaryDirectory() as scratch:
        db = Path(scratch) / "vigie.db"
        ingest([str(ROOT / "examples" / "articles.jsonl")], db, pipeline=pipeline, progress=False)
        with served(create_app(db, pipeline=pipeline)) as base, sync_playwright() as playwright:
            wait_until_ready(base)
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(locale="fr-FR", viewport={"width": 1280, "height": 900})
            for name, path in PAGES.items():
                page.goto(base + path)
                if name == "analyser":
                    page.fill("#texte", SAMPLE)
                    page.fill("#publie", "2026-03-03")
                    page.click("form.analyse button[type=submit]")
                    page.wait_for_selector(".result .body")
                    page.locator(".result").scroll_into_view_if_needed()
                page.screenshot(path=str(folder / f"{name}.png"))
                print(folder / f"{name}.png")
            browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
