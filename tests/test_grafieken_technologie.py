"""klanttools.grafieken.aandelen_per_periode (eenheid Technologie): figuurobjecten, geen pixels."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure

from klanttools.grafieken import aandelen_per_periode, als_png

TABEL = pd.DataFrame(
    {"webshop": [10.0, 9.5, 22.4], "telefoon": [90.0, 90.5, 77.6]},
    index=pd.Index(["2026-01", "2026-02", "2026-03"], name="maand"),
)


def _teksten(ax, gid: str) -> list[str]:
    return [t.get_text() for t in ax.texts if t.get_gid() == gid]


def test_lijnen_labels_en_komma():
    fig = aandelen_per_periode(
        TABEL, titel="Omzet per kanaal", markeer="2026-03", markeer_tekst="nieuwe webshop"
    )
    ax = fig.axes[0]
    assert ax.get_title() == "Omzet per kanaal"
    assert ax.get_ylabel() == "Aandeel (%)" and ax.get_xlabel() == "maand"
    assert [lijn.get_label() for lijn in ax.lines[:2]] == ["webshop", "telefoon"]
    assert list(ax.lines[0].get_ydata()) == [10.0, 9.5, 22.4]
    assert _teksten(ax, "laatste") == ["22,4%", "77,6%"]
    assert _teksten(ax, "markering") == ["nieuwe webshop"]
    assert [t.get_text() for t in ax.get_xticklabels()] == list(TABEL.index)
    assert als_png(fig)[:4] == b"\x89PNG"


def test_tekent_in_bestaande_assen():
    eigen = Figure()
    ax = eigen.add_subplot()
    assert aandelen_per_periode(TABEL, ax=ax) is eigen


@pytest.mark.parametrize(
    ("tabel", "fout", "tekst"),
    [
        ([1, 2], TypeError, "verwacht een pandas DataFrame"),
        (pd.DataFrame(), ValueError, "de tabel is leeg"),
        (TABEL.assign(webshop=[1.0, None, 3.0]), ValueError, "fillna"),
        (TABEL * 100, ValueError, "tussen 0 en 100"),
    ],
)
def test_foute_invoer_geeft_nederlandse_melding(tabel, fout, tekst):
    with pytest.raises(fout, match=tekst):
        aandelen_per_periode(tabel)


def test_markeer_moet_in_de_index_staan():
    with pytest.raises(ValueError, match="markeer: '2025-05' staat niet in de index"):
        aandelen_per_periode(TABEL, markeer="2025-05")
