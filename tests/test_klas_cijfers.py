"""Cijfers en importbestanden van ``klanttools.nakijken.klas`` (zuivere logica, snel)."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest

from klanttools.nakijken.klas.cijfers import (
    Cijferregel,
    cijfer,
    rond_af,
    schrijf_brightspace,
    schrijf_canvas,
    schrijf_cijferbestand,
)


@pytest.mark.parametrize(
    ("punten", "maximum", "cesuur", "verwacht"),
    [
        (0, 30, 0.55, "1.0"),
        (30, 30, 0.55, "10.0"),
        (16.5, 30, 0.55, "5.5"),  # precies de cesuur
        (15, 30, 0.5, "5.5"),
        (8.25, 30, 0.55, "3.3"),  # onder de cesuur: 1 + 4,5 × 0,275/0,55 = 3,25 → 3,3
        (23.25, 30, 0.55, "7.8"),  # boven: 5,5 + 4,5 × 0,225/0,45 = 7,75 → 7,8
        (31, 30, 0.55, "10.0"),  # meer dan het maximum: niet boven de 10
    ],
)
def test_cijfer_met_cesuur(punten, maximum, cesuur, verwacht):
    assert cijfer(punten, maximum, cesuur=cesuur) == Decimal(verwacht)


def test_afronden_van_545_zoals_de_docent_kiest():
    assert rond_af(Decimal("5.45")) == Decimal("5.5")
    assert rond_af(Decimal("5.45"), afronding="half-even") == Decimal("5.4")
    assert rond_af(Decimal("5.45"), afronding="omlaag") == Decimal("5.4")
    assert rond_af(Decimal("5.41"), afronding="omhoog") == Decimal("5.5")
    assert rond_af(Decimal("5.45"), decimalen=0) == Decimal("5")
    assert cijfer(8.25, 30, afronding="half-even") == Decimal("3.2")


def test_foute_invoer_geeft_nederlandse_melding():
    with pytest.raises(ValueError, match="cesuur"):
        cijfer(10, 30, cesuur=55)
    with pytest.raises(ValueError, match="afronding.*half-omhoog"):
        rond_af(Decimal("5.45"), afronding="bankiers")
    assert cijfer(0, 0) is None


def _regels() -> list[Cijferregel]:
    return [
        Cijferregel(
            "500123",
            "Sanne de Vries",
            "nagekeken",
            punten=22.5,
            max_punten=30,
            cijfer=Decimal("7.8"),
            per_vraag={"test_1": 1.0, "taak_2": 21.5},
        ),
        Cijferregel(
            "500124",
            "",
            "hersteld: dubbele cel 'x' weggehaald",
            punten=10,
            max_punten=30,
            cijfer=Decimal("3.7"),
            per_vraag={"test_1": 0.0, "taak_2": None},
            handmatig_open=["taak_2"],
        ),
        Cijferregel(
            "500125",
            "",
            "niet nakijkbaar: het notebook is leeg (0 bytes)",
            reden="het notebook is leeg (0 bytes)",
            max_punten=30,
            cijfer=Decimal("1.0"),
        ),
    ]


def test_cijferbestand_excel_nl(tmp_path):
    pad = tmp_path / "cijfers.csv"
    schrijf_cijferbestand(_regels(), pad, ["test_1", "taak_2"])
    assert pad.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel leest UTF-8
    rijen = list(csv.DictReader(pad.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert [r["student_id"] for r in rijen] == ["500123", "500124", "500125"]
    assert rijen[0]["punten"] == "22,5" and rijen[0]["cijfer"] == "7,8"
    assert rijen[1]["taak_2"] == "" and rijen[1]["handmatig_open"] == "taak_2"
    assert rijen[2]["status"].startswith("niet nakijkbaar") and rijen[2]["punten"] == "0"


def test_lms_bestanden_met_iedereen(tmp_path):
    # Niemand ontbreekt: geweigerd krijgt 0 (zoals in het cijferbestand), een open
    # handmatige vraag een lege cel (niets voorlopigs publiceren).
    assert schrijf_brightspace(_regels(), tmp_path / "bs.csv", "Opdracht 1") == 2
    assert (tmp_path / "bs.csv").read_text(encoding="utf-8").splitlines() == [
        "OrgDefinedId,Opdracht 1 Points Grade,End-of-Line Indicator",
        "500123,22.5,#",
        "500124,,#",
        "500125,0,#",
    ]
    assert schrijf_canvas(_regels(), tmp_path / "cv.csv", "Opdracht 1") == 2
    assert (tmp_path / "cv.csv").read_text(encoding="utf-8").splitlines()[1:] == [
        "Sanne de Vries,,500123,,,22.5",
        ",,500124,,,",
        ",,500125,,,0",
    ]
