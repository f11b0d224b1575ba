"""Feedback voor wie niet nagekeken kon worden, en een herstelnotitie in de gewone feedback.

nbgrader maakt feedback alleen voor nagekeken notebooks. Een geweigerde student krijgt
van :func:`schrijf_weigering` een korte Nederlandse uitleg op dezelfde plek
(``feedback/<student>/<opdracht>/<notebook>.html``); een herstelde student krijgt met
:func:`meld_herstel` bovenaan zijn feedback wat er bij het nakijken is rechtgezet.

Examples
--------
>>> "symbolische link" in weigering_html("opdracht1", "het notebook is een symbolische link")
True
"""

from __future__ import annotations

import html
from pathlib import Path

__all__ = ["meld_herstel", "schrijf_weigering", "weigering_html"]

_STIJL = (
    "body{font-family:system-ui,sans-serif;max-width:46em;margin:2em auto;line-height:1.5}"
    ".melding{border-left:6px solid #c0392b;background:#fdf2f1;padding:1em}"
)
_HERSTEL_STIJL = (
    ".herstel{border-left:6px solid #e6a100;background:#fff8e5;padding:.6em 1em;margin:1em}"
)


def weigering_html(opdracht: str, reden: str) -> str:
    """Een korte HTML-pagina: waarom deze inlevering niet is nagekeken en wat nu."""
    return (
        "<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'>"
        f"<title>Feedback {html.escape(opdracht)}</title><style>{_STIJL}</style></head><body>"
        f"<h1>Feedback: {html.escape(opdracht)}</h1>"
        "<div class='melding'><p><strong>Je inlevering kon niet worden nagekeken.</strong></p>"
        f"<p>Reden: {html.escape(reden)}.</p></div>"
        "<h2>Wat nu?</h2><ul>"
        "<li>Open je notebook in JupyterLab en controleer of het je antwoorden bevat.</li>"
        "<li>Sla het op (<em>Bestand → Opslaan</em>) en lever het opnieuw in onder de "
        "oorspronkelijke bestandsnaam.</li>"
        "<li>Lukt dat niet, neem dan contact op met je docent en noem deze melding.</li>"
        "</ul></body></html>"
    )


def schrijf_weigering(
    root: Path, student: str, opdracht: str, notebooks: list[str], reden: str
) -> list[Path]:
    """Schrijf de weigeringsfeedback voor elk notebook van de opdracht; geeft de paden."""
    map_ = Path(root) / "feedback" / student / opdracht
    map_.mkdir(parents=True, exist_ok=True)
    paden = []
    for nb in notebooks:
        pad = map_ / f"{nb}.html"
        pad.write_text(weigering_html(opdracht, reden), encoding="utf-8")
        paden.append(pad)
    return paden


def meld_herstel(pad: Path, herstellingen: list[str]) -> None:
    """Zet bovenaan een bestaande feedback-HTML wat er bij het nakijken is hersteld."""
    pad = Path(pad)
    if not herstellingen or not pad.exists():
        return
    tekst = pad.read_text(encoding="utf-8")
    if "class='herstel'" in tekst:
        return
    items = "".join(f"<li>{html.escape(h)}</li>" for h in herstellingen)
    blok = (
        f"<style>{_HERSTEL_STIJL}</style>"
        "<div class='herstel'><strong>Bij het nakijken is je inlevering hersteld:</strong>"
        f"<ul>{items}</ul>Je antwoorden zijn niet veranderd.</div>"
    )
    i = tekst.find("<body")
    j = tekst.find(">", i) + 1 if i >= 0 else 0
    pad.write_text(tekst[:j] + blok + tekst[j:], encoding="utf-8")
