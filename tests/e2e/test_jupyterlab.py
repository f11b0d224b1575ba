"""Browsertests van de infrastructuur: een echte JupyterLab, echte widgets, studentinstellingen.

Draaien: ``python3 kit.py test -m e2e`` (of ``.venv/bin/python -m pytest -m e2e tests/e2e``).
"""

from __future__ import annotations

import re

import pytest
from lab import laad_kit, maak_notebook
from playwright.sync_api import expect

e2e = pytest.mark.e2e

SCHUIF_EN_HTML = [
    "import ipywidgets as widgets\nfrom IPython.display import display",
    "schuif = widgets.IntSlider(value=3, min=0, max=50, step=1, description='Aantal')\n"
    "uitkomst = widgets.HTML(value='<b>6</b>')\n"
    "\n"
    "def bij_wijziging(verandering):\n"
    "    uitkomst.value = f\"<b>{verandering['new'] * 2}</b>\"\n"
    "\n"
    "schuif.observe(bij_wijziging, names='value')\n"
    "display(widgets.VBox([schuif, uitkomst]))",
]


@e2e
def test_schuifregelaar_werkt_de_html_bij(lab, lab_server):
    maak_notebook(lab_server.root / "schuif.ipynb", SCHUIF_EN_HTML)
    lab.open_notebook("schuif.ipynb")
    lab.run_all()

    schuif = lab.widget("slider", "Aantal")
    uitkomst = lab.widget("html")
    lab.expect_text(uitkomst, "6")

    lab.set_slider(schuif, 7)  # toetsenbord: PageUp + 2x pijltje rechts
    lab.expect_text(uitkomst, "14")
    expect(schuif.locator(".widget-readout")).to_have_text("7")

    lab.set_slider(schuif, 49)  # toetsenbord: End + pijltje links
    lab.expect_text(uitkomst, "98")

    lab.set_slider(schuif, 21, via="readout")  # getal typen + Enter
    lab.expect_text(uitkomst, "42")

    pad = lab.screenshot("e2e-schuifregelaar")
    assert pad.stat().st_size > 10_000


BEDIENING = [
    "import ipywidgets as widgets\nfrom IPython.display import display",
    "naam = widgets.Text(value='', description='Naam')\n"
    "aantal = widgets.IntText(value=1, description='Aantal')\n"
    "soort = widgets.Dropdown(options=['promotor', 'passief', 'criticaster'], "
    "value='passief', description='Soort')\n"
    "knop = widgets.Button(description='Verdubbel')\n"
    "uit = widgets.HTML(value='')\n"
    "\n"
    "def toon(_=None):\n"
    "    uit.value = f'{naam.value}|{aantal.value}|{soort.value}'\n"
    "\n"
    "def verdubbel(_):\n"
    "    aantal.value = aantal.value * 2\n"
    "\n"
    "for w in (naam, aantal, soort):\n"
    "    w.observe(toon, names='value')\n"
    "knop.on_click(verdubbel)\n"
    "toon()\n"
    "tabs = widgets.Tab(children=[widgets.VBox([naam, aantal, soort, knop, uit]),\n"
    "                             widgets.Label('Tweede blad')])\n"
    "tabs.titles = ('Invoer', 'Uitleg')\n"
    "display(tabs)",
]


@e2e
def test_tekstvak_keuzelijst_knop_en_tabbladen(lab, lab_server):
    maak_notebook(lab_server.root / "bediening.ipynb", BEDIENING)
    lab.open_notebook("bediening.ipynb")
    lab.run_all()

    uit = lab.widget("html")
    lab.expect_text(uit, "|1|passief")

    lab.set_text(lab.widget("text", "Naam"), "Jansen BV")
    lab.expect_text(uit, "Jansen BV|1|passief")

    lab.set_text(lab.widget("text", "Aantal"), "21")  # IntText: pas na Enter/verlaten
    lab.expect_text(uit, "Jansen BV|21|passief")

    lab.select(lab.widget("dropdown", "Soort"), "criticaster")
    lab.expect_text(uit, "Jansen BV|21|criticaster")

    lab.click(lab.widget("button", text="Verdubbel"))
    lab.expect_text(uit, "Jansen BV|42|criticaster")

    lab.open_tab("Uitleg")
    expect(lab.widget("label", text="Tweede blad")).to_be_visible()
    lab.open_tab("Invoer")
    expect(uit).to_be_visible()


@e2e
def test_jupyterlab_opent_in_het_nederlands_zonder_nieuws_popup(lab, lab_server):
    # Dezelfde argumenten als `python3 kit.py start`.
    assert any("app_settings_dir" in a for a in lab_server.argumenten)

    menubalk = lab.page.locator(".lm-MenuBar-itemLabel")
    for titel in ("Bestand", "Bewerk", "Weergave", "Uitvoeren", "Instellingen"):
        expect(menubalk.filter(has_text=re.compile(rf"^{titel}$"))).to_be_visible()
    expect(menubalk.filter(has_text=re.compile(r"^File$"))).to_have_count(0)

    # De standaardinstellingen die de browser van de server krijgt.
    instellingen = lab.page.evaluate(
        """async () => {
            const s = window.jupyterapp.serviceManager.settings;
            const taal = await s.fetch('@jupyterlab/translation-extension:plugin');
            const melding = await s.fetch('@jupyterlab/apputils-extension:notification');
            const kernels = await s.fetch('@jupyterlab/apputils-extension:kernels-settings');
            return {
                locale: taal.schema.properties.locale.default,
                fetchNews: melding.schema.properties.fetchNews.default,
                checkForUpdates: melding.schema.properties.checkForUpdates.default,
                commsOverSubshells: kernels.schema.properties.commsOverSubshells.default,
            };
        }"""
    )
    assert instellingen == {
        "locale": "nl_NL",
        "fetchNews": "false",
        "checkForUpdates": False,
        "commsOverSubshells": "disabled",
    }

    # Geen nieuws-pop-up. Die zou na het laden van de app verschijnen; als er daarna een
    # notebook met kernel open is, staat er in het meldingencentrum nog steeds niets.
    lab.open_notebook(_leeg_notebook(lab_server))
    expect(lab.page.locator(".Toastify__toast")).to_have_count(0)
    lab.command("apputils:display-notifications")
    expect(lab.page.locator(".jp-Notification-Header")).to_have_text(
        re.compile(r"No notifications|Geen meldingen")
    )
    lab.screenshot("e2e-jupyterlab-nederlands")


def _leeg_notebook(lab_server) -> str:
    maak_notebook(lab_server.root / "leeg.ipynb", ["1 + 1"])
    return "leeg.ipynb"


def test_kit_start_geeft_jupyterlab_de_studentinstellingen(monkeypatch):
    """``kit.py start`` gebruikt dezelfde argumenten als de browsertests (zonder browser)."""
    kit = laad_kit()
    gestart = []

    class NepProces:  # JupyterLab niet echt starten
        pid = 0

        def __init__(self, commando, **kw):
            gestart.append(commando)

        def wait(self, timeout=None):
            return 0

    monkeypatch.setattr(kit, "installeer", lambda extra: None)
    monkeypatch.setattr(kit.subprocess, "Popen", NepProces)
    assert kit.start(["--no-browser"]) == 0
    commando = [str(c) for c in gestart[0]]
    for argument in kit.jupyterlab_argumenten():
        assert argument in commando
    assert "--no-browser" in commando
    overrides = kit.LAB_INSTELLINGEN / "overrides.json"
    assert overrides.is_file(), overrides
