"""Een echte JupyterLab besturen vanuit een browsertest (Playwright, synchrone API).

De fixtures in ``conftest.py`` starten de server en Chromium; een test krijgt een
:class:`Lab` en gebruikt die zoals een student JupyterLab gebruikt::

    def test_iets(lab, lab_server):
        maak_notebook(lab_server.root / "pad.ipynb", ["import ipywidgets as w", "w.IntSlider()"])
        lab.open_notebook("pad.ipynb")
        lab.run_all()
        schuif = lab.widget("slider", "Aantal")
        lab.set_slider(schuif, 7)
        lab.expect_text(lab.widget("html"), "14")
        lab.screenshot("pad")

Alles wat via de app kan, gaat via ``window.jupyterapp.commands`` (zichtbaar dankzij
``--LabApp.expose_app_in_browser=True``): dat is stabieler dan menu's aanklikken.
Widgets worden bediend zoals een student dat doet: toetsenbord op de schuifregelaar,
typen in een tekstvak, kiezen in een keuzelijst.
"""

from __future__ import annotations

import importlib.util
import math
import re
from collections.abc import Iterable
from pathlib import Path

import nbformat
from playwright.sync_api import Locator, Page, expect

MAP = Path(__file__).resolve().parents[2]

# Standaardwachttijden in milliseconden. Ruim gekozen voor een trage CI-machine; een
# wachttijd kost alleen tijd als er echt iets misgaat.
WACHT_UI = 30_000
WACHT_KERNEL = 90_000

# Korte namen voor de DOM-klassen van ipywidgets 8; een andere tekst wordt als
# CSS-selector gebruikt.
WIDGETS = {
    "widget": ".jupyter-widgets",
    "slider": ".widget-slider",
    "text": ".widget-text",
    "textarea": ".widget-textarea",
    "dropdown": ".widget-dropdown",
    "html": ".widget-html",
    "label": ".widget-label",
    "button": ".widget-button",
    "checkbox": ".widget-checkbox",
    "tab": ".widget-tab",
    "output": ".widget-output",
}

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def laad_kit():
    """``kit.py`` uit de hoofdmap: voor precies dezelfde JupyterLab-argumenten als studenten."""
    spec = importlib.util.spec_from_file_location("kit", MAP / "kit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def maak_notebook(pad: Path, cellen: Iterable[str]) -> Path:
    """Schrijf een notebook met codecellen (zonder uitvoer) en de kernel ``python3``.

    De kernelspec staat in de metadata, zodat JupyterLab niet vraagt welke kernel.
    """
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(bron) for bron in cellen],
        metadata={
            "kernelspec": {
                "name": "python3",
                "display_name": "Python 3 (ipykernel)",
                "language": "python",
            },
            "language_info": {"name": "python"},
        },
    )
    pad = Path(pad)
    pad.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, pad)
    return pad


class Lab:
    """Stuurt één browsertabblad met JupyterLab aan.

    Parameters
    ----------
    page
        Een Playwright-pagina (eigen browsercontext per test).
    url
        Het adres van JupyterLab, bijvoorbeeld ``http://127.0.0.1:8888/``.
    token
        Het token van de server.
    screenshots
        De map waarin :meth:`screenshot` de afbeeldingen bewaart.
    """

    def __init__(self, page: Page, url: str, token: str, screenshots: Path) -> None:
        self.page = page
        self.url = url
        self.token = token
        self.screenshots = Path(screenshots)
        self.notebook_id: str | None = None
        self.console_errors: list[str] = []
        page.on(
            "console",
            lambda m: self.console_errors.append(m.text) if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: self.console_errors.append(f"pageerror: {e}"))

    # ------------------------------------------------------------------ app
    def start(self) -> None:
        """Open JupyterLab met een lege werkruimte en wacht tot de app klaar is."""
        self.page.goto(f"{self.url}lab?reset&token={self.token}")
        self.page.wait_for_function("() => window.jupyterapp !== undefined", timeout=WACHT_UI)
        self.page.evaluate("() => window.jupyterapp.restored")

    def command(self, naam: str, args: dict | None = None):
        """Voer een JupyterLab-commando uit (``app.commands.execute``) en geef het resultaat.

        Alleen JSON-bare resultaten komen terug; een widget wordt ``None``.
        """
        return self.page.evaluate(
            """async ([naam, args]) => {
                const r = await window.jupyterapp.commands.execute(naam, args);
                return (r === undefined || typeof r === 'object') ? null : r;
            }""",
            [naam, args or {}],
        )

    # ------------------------------------------------------------- notebook
    def open_notebook(self, path: str) -> Locator:
        """Open een notebook (pad ten opzichte van de map van de server), wacht op de kernel.

        Geeft de locator van het notebookpaneel terug; :meth:`widget` zoekt daarbinnen.
        """
        self.notebook_id = self.page.evaluate(
            """async (pad) => {
                const app = window.jupyterapp;
                const nb = await app.commands.execute('docmanager:open',
                                                      {path: pad, factory: 'Notebook'});
                if (!nb || !nb.sessionContext) {
                    throw new Error('geen notebook geopend voor ' + pad);
                }
                await nb.context.ready;
                await nb.sessionContext.ready;
                app.shell.activateById(nb.id);
                window._e2eNotebook = nb;
                // Widgetberichten (comm_msg) die de kernel nog niet met 'idle' heeft
                // afgerond; zie wait_widgets_idle.
                const open = new Set();
                window._e2eWidgetBerichten = open;
                const volg = (kernel) => kernel?.anyMessage.connect((_, {msg, direction}) => {
                    const soort = msg.header.msg_type;
                    if (direction === 'send' && soort === 'comm_msg') {
                        open.add(msg.header.msg_id);
                    } else if (direction === 'recv' && soort === 'status' &&
                               msg.content.execution_state === 'idle') {
                        open.delete(msg.parent_header?.msg_id);
                    }
                });
                volg(nb.sessionContext.session?.kernel);
                nb.sessionContext.kernelChanged.connect((_, c) => { open.clear(); volg(c.newValue); });
                return nb.id;
            }""",
            path,
        )
        expect(self.notebook).to_be_visible(timeout=WACHT_UI)
        self.wait_kernel_idle()
        return self.notebook

    @property
    def notebook(self) -> Locator:
        """Het paneel van het geopende notebook."""
        if self.notebook_id is None:
            raise RuntimeError("Er is nog geen notebook geopend: roep eerst open_notebook aan.")
        return self.page.locator(f'[id="{self.notebook_id}"]')

    def wait_kernel_idle(self, timeout: float = WACHT_KERNEL) -> None:
        """Wacht tot de kernel van het notebook verbonden is en niets meer doet."""
        self.page.wait_for_function(
            """() => {
                const k = window._e2eNotebook?.sessionContext?.session?.kernel;
                return !!k && k.connectionStatus === 'connected' && k.status === 'idle';
            }""",
            timeout=timeout,
        )

    def wait_widgets_idle(self, timeout: float = WACHT_UI) -> None:
        """Wacht tot de kernel elk widgetbericht uit de pagina volledig heeft afgehandeld.

        Elke wijziging in een widget (typen, kiezen, schuiven, klikken) gaat als
        ``comm_msg`` naar de kernel; die meldt ``idle`` als de callback klaar is, en
        alles wat de callback terugstuurde (tekst, een nieuwe grafiek) is dan al in de
        pagina verwerkt. Gebruik dit voordat je iets bekijkt dat geen eigen tekst
        heeft om op te wachten, zoals een grafiek in een schermafdruk.
        """
        self.page.wait_for_function(
            "() => window._e2eWidgetBerichten !== undefined && "
            "window._e2eWidgetBerichten.size === 0",
            timeout=timeout,
        )

    def run_all(self, timeout: float = WACHT_KERNEL) -> None:
        """Draai alle cellen (``notebook:run-all-cells``) en wacht tot ze klaar zijn.

        Faalt met de traceback erbij als een cel een fout geeft.
        """
        self.wait_kernel_idle(timeout)
        self.page.evaluate(
            """async () => {
                const app = window.jupyterapp;
                app.shell.activateById(window._e2eNotebook.id);
                await app.commands.execute('notebook:run-all-cells');
            }"""
        )
        self.page.wait_for_function(
            """() => {
                const cellen = window._e2eNotebook.content.model.cells;
                let klaar = true;
                for (let i = 0; i < cellen.length; i++) {
                    const c = cellen.get(i);
                    if (c.type !== 'code') continue;
                    for (let j = 0; j < c.outputs.length; j++) {
                        if (c.outputs.get(j).type === 'error') return true;
                    }
                    if (c.executionCount === null) klaar = false;
                }
                return klaar;
            }""",
            timeout=timeout,
        )
        fouten = self.errors()
        if fouten:
            raise AssertionError("Een cel in het notebook gaf een fout:\n\n" + "\n\n".join(fouten))
        self.wait_kernel_idle(timeout)

    def errors(self) -> list[str]:
        """De foutmeldingen (tracebacks) in de uitvoer van het notebook, als tekst."""
        fouten = self.page.evaluate(
            """() => {
                const uit = [];
                const cellen = window._e2eNotebook.content.model.cells;
                for (let i = 0; i < cellen.length; i++) {
                    const c = cellen.get(i);
                    if (c.type !== 'code') continue;
                    for (let j = 0; j < c.outputs.length; j++) {
                        const o = c.outputs.get(j).toJSON();
                        if (o.output_type === 'error') {
                            uit.push(`cel ${i + 1}: ${o.ename}: ${o.evalue}\\n` +
                                     (o.traceback || []).join('\\n'));
                        }
                    }
                }
                return uit;
            }"""
        )
        return [ANSI.sub("", f) for f in fouten]

    # -------------------------------------------------------------- widgets
    def widget(
        self,
        kind: str = "widget",
        description: str | None = None,
        *,
        text: str | re.Pattern[str] | None = None,
        index: int | None = None,
    ) -> Locator:
        """Zoek een ipywidget in het geopende notebook.

        Parameters
        ----------
        kind
            Een korte naam (``"slider"``, ``"text"``, ``"dropdown"``, ``"html"``,
            ``"label"``, ``"button"``, ``"checkbox"``, ``"tab"``, ``"output"``,
            ``"widget"``) of een eigen CSS-selector.
        description
            Alleen het widget met dit label (``description=...`` in Python), exact.
        text
            Alleen widgets die deze tekst bevatten (deel van de tekst, of een regex).
        index
            Het zoveelste gevonden widget (vanaf 0) als er meer zijn. Zonder ``index``
            faalt een actie als er meer dan één past (Playwright is strikt).
        """
        loc = self.notebook.locator(WIDGETS.get(kind, kind))
        if description is not None:
            label = re.compile(rf"^\s*{re.escape(description)}\s*$")
            loc = loc.filter(has=self.page.locator(".widget-label", has_text=label))
        if text is not None:
            loc = loc.filter(has_text=text)
        if index is not None:
            loc = loc.nth(index)
        return loc

    def expect_text(
        self, locator: Locator, text: str | re.Pattern[str], timeout: float = WACHT_UI
    ) -> None:
        """Wacht tot ``locator`` precies deze tekst toont (of op de regex past)."""
        expect(locator).to_have_text(text, timeout=timeout)

    def set_slider(self, slider: Locator, value: float, *, via: str = "keyboard") -> None:
        """Zet een schuifregelaar (IntSlider/FloatSlider) op ``value`` zoals een student.

        Parameters
        ----------
        slider
            De locator van het widget (``lab.widget("slider", ...)``).
        value
            De gewenste waarde; moet op het raster van ``step`` liggen.
        via
            ``"keyboard"`` (standaard): focus op het handvat en Home/End,
            PageUp/PageDown (5 stappen) en pijltjes, precies zoals met het toetsenbord.
            ``"readout"``: het getal rechts van de regelaar aanklikken, typen en Enter
            (kan alleen als ``readout=True``; handig bij heel veel stappen).
        """
        expect(slider).to_be_visible(timeout=WACHT_UI)
        handvat = slider.locator(".noUi-handle").first
        stand = handvat.evaluate(
            """(h) => {
                const s = h.closest('.noUi-target').noUiSlider;
                const [omlaag, omhoog] = s.steps()[0];
                return {nu: Number(s.get()), min: Number(h.getAttribute('aria-valuemin')),
                        max: Number(h.getAttribute('aria-valuemax')),
                        stap: omhoog || omlaag || 1};
            }"""
        )
        if not stand["min"] <= value <= stand["max"]:
            raise ValueError(
                f"set_slider: waarde {value} ligt buiten de regelaar "
                f"({stand['min']} tot {stand['max']})."
            )
        if via == "readout":
            readout = slider.locator(".widget-readout")
            expect(readout).to_be_visible(timeout=WACHT_UI)
            readout.fill(_getal(value))
            readout.press("Enter")
        elif via == "keyboard":
            for toets in _toetsen(stand["nu"], value, stand["min"], stand["max"], stand["stap"]):
                handvat.press(toets)
        else:
            raise ValueError(f"set_slider: via={via!r} bestaat niet; kies 'keyboard' of 'readout'.")
        # De regelaar zelf moet de nieuwe waarde tonen; de kernel reageert daarna.
        self.page.wait_for_function(
            "([h, w]) => Math.abs(Number(h.closest('.noUi-target').noUiSlider.get()) - w) < 1e-9",
            arg=[handvat.element_handle(), value],
            timeout=WACHT_UI,
        )

    def set_text(self, field: Locator, text: str) -> None:
        """Typ ``text`` in een tekstvak (Text, Textarea, IntText, FloatText) en bevestig.

        ``field`` mag het widget zijn of het invoerveld zelf. Na het typen volgen Enter
        en het verlaten van het veld, zodat ook widgets met ``continuous_update=False``
        de waarde doorgeven.
        """
        veld = field
        if not field.evaluate("(e) => e.matches('input, textarea')"):
            veld = field.locator("input, textarea")
        veld.fill(text)
        if veld.evaluate("(e) => e.tagName") == "INPUT":
            veld.press("Enter")
        veld.blur()

    def select(self, dropdown: Locator, option: str) -> None:
        """Kies de optie met dit label in een keuzelijst (Dropdown)."""
        keuze = dropdown
        if not dropdown.evaluate("(e) => e.matches('select')"):
            keuze = dropdown.locator("select")
        keuze.select_option(label=option)

    def click(self, button: Locator) -> None:
        """Klik op een knop (Button) of ander element."""
        button.click()

    def open_tab(self, title: str, tabs: Locator | None = None) -> None:
        """Open het tabblad met deze titel in een Tab-widget."""
        bereik = tabs if tabs is not None else self.notebook
        tab = bereik.locator(".lm-TabBar-tab", has_text=title)
        tab.click()
        expect(tab).to_have_class(re.compile(r"\blm-mod-current\b"), timeout=WACHT_UI)

    # ---------------------------------------------------------- screenshots
    def screenshot(self, name: str, target: Locator | None = None) -> Path:
        """Bewaar een schermafdruk als ``<screenshots>/<name>.png`` en geef het pad.

        Zonder ``target`` de hele pagina, anders alleen dat element.
        """
        veilig = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-") or "screenshot"
        pad = self.screenshots / f"{veilig}.png"
        pad.parent.mkdir(parents=True, exist_ok=True)
        if target is None:
            self.page.screenshot(path=pad)
        else:
            target.scroll_into_view_if_needed()
            target.screenshot(path=pad)
        return pad


def _getal(waarde: float) -> str:
    """Een getal zoals een student het in de readout typt (geen ``.0`` bij gehele getallen)."""
    return str(int(waarde)) if float(waarde).is_integer() else repr(float(waarde))


def _toetsen(nu: float, doel: float, laag: float, hoog: float, stap: float) -> list[str]:
    """De toetsen die het handvat van ``nu`` naar ``doel`` brengen (kortste route).

    >>> _toetsen(0, 7, 0, 10, 1)
    ['PageUp', 'ArrowRight', 'ArrowRight']
    >>> _toetsen(0, 9, 0, 10, 1)
    ['End', 'ArrowLeft']
    >>> _toetsen(5, 0, 0, 10, 1)
    ['Home']
    """
    if doel == laag:
        return ["Home"]
    if doel == hoog:
        return ["End"]
    routes = []
    for begin, eerst in ((nu, []), (laag, ["Home"]), (hoog, ["End"])):
        n = (doel - begin) / stap
        if not math.isclose(n, round(n), abs_tol=1e-6):
            continue
        n = round(n)
        pagina, rest = divmod(abs(n), 5)
        omhoog = n > 0
        route = (
            eerst
            + ["PageUp" if omhoog else "PageDown"] * pagina
            + ["ArrowRight" if omhoog else "ArrowLeft"] * rest
        )
        routes.append(route)
    if not routes:
        raise ValueError(
            f"set_slider: waarde {doel} ligt niet op het raster van de regelaar "
            f"(stap {stap}, van {laag} tot {hoog})."
        )
    return min(routes, key=len)
