"""Tests voor klanttools.enquete: echte exportformaten, foute invoer, niets stil kwijt.

De testbestanden in tests/fixtures/enquete/ zijn gemaakt met maak_fixtures.py (zie daar
welke eigenaardigheid elk bestand nabootst). De aantallen per bestand staan hieronder
los opgeschreven en de NPS wordt hier zelf nagerekend uit die aantallen.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import io
import warnings
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klanttools.enquete import BRONNEN, importverslag, lees_enquete
from klanttools.nps import nps as klanttools_nps

FIXTURES = Path(__file__).parent / "fixtures" / "enquete"

# bestand: (bron, promotors, passief, criticasters, leeg, overgeslagen rijen per reden)
VERWACHT = {
    "microsoft_forms_nl.xlsx": ("microsoft_forms", 5, 3, 3, 1, {}),
    "microsoft_forms_en.xlsx": ("microsoft_forms", 2, 4, 4, 0, {}),
    "google_forms_nl.csv": ("google_forms", 6, 2, 2, 2, {}),
    "google_forms_en.csv": ("google_forms", 4, 4, 6, 0, {}),
    "google_forms_nl.xlsx": ("google_forms", 4, 4, 1, 1, {}),
    "qualtrics_keuzetekst.csv": (
        "qualtrics",
        4,
        3,
        3,
        1,
        {
            "Qualtrics-voorbeeld- of testantwoord (Status 'Survey Preview')": [4],
            "Qualtrics-voorbeeld- of testantwoord (Status 'Survey Test')": [16],
        },
    ),
    "qualtrics_numeriek.csv": (
        "qualtrics",
        3,
        2,
        5,
        0,
        {"Qualtrics-voorbeeld- of testantwoord (Status '1')": [4]},
    ),
    "surveymonkey.csv": ("surveymonkey", 5, 1, 2, 1, {}),
    "excel_nl.csv": ("excel_csv_nl", 7, 5, 3, 2, {"lege regel": [6, 11, 21, 22]}),
    "excel_nl_cp1252.csv": ("excel_csv_nl", 2, 2, 2, 0, {}),
}


def nps_uit_aantallen(promotors: int, passief: int, criticasters: int) -> float:
    n = promotors + passief + criticasters
    return 100 * promotors / n - 100 * criticasters / n


def schrijf(pad: Path, tekst: str, codering: str = "utf-8") -> Path:
    pad.write_bytes(tekst.encode(codering))
    return pad


# --------------------------------------------------------------- de vijf formaten


@pytest.mark.parametrize("naam", sorted(VERWACHT))
def test_elk_formaat_geeft_de_juiste_nps(naam: str) -> None:
    bron, p, pa, c, leeg, overgeslagen = VERWACHT[naam]
    df = lees_enquete(FIXTURES / naam)
    assert df.attrs["bron"] == bron
    assert df.columns[0] == "score"
    assert str(df["score"].dtype) == "Int64"
    scores = df["score"].dropna()
    assert int((scores >= 9).sum()) == p
    assert int(((scores >= 7) & (scores <= 8)).sum()) == pa
    assert int((scores <= 6).sum()) == c
    assert int(df["score"].isna().sum()) == leeg == df.attrs["leeg"]
    assert df.attrs["antwoorden"] == p + pa + c
    assert df.attrs["overgeslagen"] == overgeslagen
    assert len(df) == p + pa + c + leeg
    verwacht = nps_uit_aantallen(p, pa, c)
    berekend = 100 * ((scores >= 9).mean() - (scores <= 6).mean())
    assert berekend == pytest.approx(verwacht)
    assert klanttools_nps(df["score"]) == pytest.approx(verwacht)


def test_alle_bronnen_zijn_gedekt() -> None:
    gedekt = {v[0] for v in VERWACHT.values()}
    assert gedekt == set(BRONNEN) - {"csv", "excel"}


def test_fixtures_zijn_reproduceerbaar(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("maak_fixtures", FIXTURES / "maak_fixtures.py")
    maker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(maker)
    gemaakt = maker.maak_alle(tmp_path)
    assert {p.name for p in gemaakt} == set(VERWACHT)
    for pad in gemaakt:
        if pad.suffix == ".csv":
            assert pad.read_bytes() == (FIXTURES / pad.name).read_bytes(), pad.name
        else:
            nieuw = pd.read_excel(pad, header=None, engine="openpyxl")
            oud = pd.read_excel(FIXTURES / pad.name, header=None, engine="openpyxl")
            pd.testing.assert_frame_equal(nieuw, oud)


# ----------------------------------------------------------- eigenaardigheden per programma


def test_microsoft_forms_nl_anoniem_en_lege_optionele_kolom() -> None:
    df = lees_enquete(FIXTURES / "microsoft_forms_nl.xlsx")
    assert df.attrs["werkblad"] == "Sheet1"
    assert list(df.columns[1:6]) == ["Id", "Begintijd", "Tijd van voltooien", "E-mail", "Naam"]
    anoniem = df["E-mail"] == "anonymous"
    assert anoniem.sum() == 8
    assert df.loc[anoniem, "Naam"].isna().all()
    assert "Klantnummer (optioneel)" in df.columns
    assert df["Klantnummer (optioneel)"].isna().all()
    assert df["Begintijd"].dtype.kind == "M"
    assert (df["Tijd van voltooien"] > df["Begintijd"]).all()
    open_vraag = df.columns[7]
    assert open_vraag.startswith("Wat zouden wij moeten verbeteren")
    assert df[open_vraag].str.contains("\n", regex=False).any()
    assert df.attrs["score_gevonden_via"] == "vraagtekst"


def test_microsoft_forms_en() -> None:
    df = lees_enquete(FIXTURES / "microsoft_forms_en.xlsx")
    assert df.attrs["score_kolom"].startswith("How likely are you to recommend")
    assert df["Last modified time"].isna().all()
    assert df["ID"].tolist() == list(range(1, 11))


def _ruwe_kolom(naam: str, kolom: int, kopregels: int = 1) -> list[str]:
    tekst = (FIXTURES / naam).read_text(encoding="utf-8-sig")
    return [r[kolom] for r in list(csv.reader(io.StringIO(tekst)))[kopregels:]]


def test_google_forms_nl_datums_dag_eerst() -> None:
    df = lees_enquete(FIXTURES / "google_forms_nl.csv")
    ruw = _ruwe_kolom("google_forms_nl.csv", 0)
    assert ruw[0].count("-") == 2  # '3-11-2026 2:07:34'
    verwacht = [dt.datetime.strptime(t, "%d-%m-%Y %H:%M:%S") for t in ruw]
    assert df["Tijdstempel"].tolist() == verwacht
    assert "Levertijd, Prijs" in df["Welke onderwerpen zijn voor u belangrijk?"].tolist()
    assert df.attrs["opmerkingen"] == []


def test_google_forms_en_datums_maand_eerst() -> None:
    df = lees_enquete(FIXTURES / "google_forms_en.csv")
    ruw = _ruwe_kolom("google_forms_en.csv", 0)
    verwacht = [dt.datetime.strptime(t, "%m/%d/%Y %H:%M:%S") for t in ruw]
    assert df["Timestamp"].tolist() == verwacht
    assert df["Email Address"].isna().all()  # lege optionele kolom blijft bestaan


def test_google_forms_xlsx() -> None:
    df = lees_enquete(FIXTURES / "google_forms_nl.xlsx")
    assert df.attrs["werkblad"] == "Formulierreacties 1"
    assert df["Tijdstempel"].dtype.kind == "M"


def test_qualtrics_keuzetekst() -> None:
    df = lees_enquete(FIXTURES / "qualtrics_keuzetekst.csv")
    assert df.attrs["kopregels"] == 3
    assert df.attrs["eerste_datarij"] == 4
    assert df.attrs["score_kolom"] == "Q1"
    assert df.attrs["vragen"]["Q1"].startswith("Hoe waarschijnlijk is het dat u")
    assert "10 - Zeer waarschijnlijk" in df["Q1"].tolist()
    tien = df["Q1"] == "10 - Zeer waarschijnlijk"
    assert (df.loc[tien, "score"] == 10).all()
    # De afgeleide groepskolom is niet de score, maar blijft wel staan.
    assert set(df["Q1_NPS_GROUP"].dropna()) <= {"Promoter", "Passive", "Detractor"}
    assert df["Finished"].dtype == "boolean"
    onaf = ~df["Finished"]
    assert df.loc[onaf, "score"].isna().all()
    assert df["StartDate"].dtype.kind == "M"
    assert df["LocationLatitude"].dtype == "float64"
    assert "Survey Preview" not in df["Status"].tolist()
    open_antwoorden = df["Q2"].dropna().tolist()
    assert any("\n" in t for t in open_antwoorden)
    assert any("," in t for t in open_antwoorden)


def test_qualtrics_testantwoorden_houden() -> None:
    df = lees_enquete(FIXTURES / "qualtrics_keuzetekst.csv", testantwoorden=True)
    assert df.attrs["overgeslagen"] == {}
    assert len(df) == 13
    assert df["Status"].tolist()[0] == "Survey Preview"


@pytest.mark.parametrize(
    "keuze",
    [
        "Q1",
        "QID1",
        "Hoe waarschijnlijk is het dat u Van Dijk Techniek zou aanbevelen aan een collega "
        "of zakenrelatie?",
        "  q1 ",
    ],
)
def test_qualtrics_score_kolom_op_naam_qid_of_vraag(keuze: str) -> None:
    df = lees_enquete(FIXTURES / "qualtrics_keuzetekst.csv", score_kolom=keuze)
    assert df.attrs["score_kolom"] == "Q1"
    assert df.attrs["score_gevonden_via"] == "score_kolom"


def test_qualtrics_numeriek() -> None:
    df = lees_enquete(FIXTURES / "qualtrics_numeriek.csv")
    assert df["Status"].tolist() == [0] * 10
    assert df["Q1_NPS_GROUP"].tolist() == [
        3 if s >= 9 else 2 if s >= 7 else 1 for s in df["score"].tolist()
    ]


def test_qualtrics_oude_export_zonder_importid(tmp_path: Path) -> None:
    tekst = (FIXTURES / "qualtrics_numeriek.csv").read_text(encoding="utf-8-sig")
    rijen = list(csv.reader(io.StringIO(tekst)))
    del rijen[2]  # oudere exports hebben geen ImportId-rij
    kolom = rijen[0].index("Q1")
    rijen[3][kolom] = "42"  # tweede datarij = rij 4
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rijen)
    pad = schrijf(tmp_path / "oud.csv", buf.getvalue())
    with pytest.raises(ValueError, match=r"42 \(rij 4\)"):
        lees_enquete(pad)
    df = lees_enquete(pad, score_kolom="Q3")  # sector 1-4 als 'score': mag, 0-10
    assert df.attrs["kopregels"] == 2
    assert df.attrs["overgeslagen"] == {"Qualtrics-voorbeeld- of testantwoord (Status '1')": [3]}


def test_qualtrics_als_werkmap(tmp_path: Path) -> None:
    from openpyxl import Workbook

    tekst = (FIXTURES / "qualtrics_keuzetekst.csv").read_text(encoding="utf-8-sig")
    wb = Workbook()
    for rij in csv.reader(io.StringIO(tekst)):
        wb.active.append(rij)
    pad = tmp_path / "qualtrics.xlsx"
    wb.save(pad)
    df = lees_enquete(pad)
    verwacht = lees_enquete(FIXTURES / "qualtrics_keuzetekst.csv")
    assert df.attrs["bron"] == "qualtrics"
    assert df["score"].tolist() == verwacht["score"].tolist()
    assert df.attrs["overgeslagen"] == verwacht.attrs["overgeslagen"]


def test_surveymonkey_twee_kopregels() -> None:
    df = lees_enquete(FIXTURES / "surveymonkey.csv")
    assert df.attrs["kopregels"] == 2
    assert df.attrs["eerste_datarij"] == 3
    vraag = "Which of our services do you use?"
    assert f"{vraag} - Installation" in df.columns
    assert f"{vraag} - Other (please specify)" in df.columns
    assert "What is the main reason for your score?" in df.columns
    assert df["Custom Data 1"].isna().all()
    ruw = _ruwe_kolom("surveymonkey.csv", 2, kopregels=2)
    verwacht = [dt.datetime.strptime(t, "%m/%d/%Y %I:%M:%S %p") for t in ruw]
    assert df["Start Date"].tolist() == verwacht
    assert any(t.hour >= 12 for t in verwacht)
    assert df["Respondent ID"].dtype == "Int64"


def test_excel_nl_getallen_datums_lege_regels() -> None:
    pad = FIXTURES / "excel_nl.csv"
    assert pad.read_bytes().startswith(b"\xef\xbb\xbf")
    df = lees_enquete(pad)
    assert df.attrs["scheidingsteken"] == ";"
    assert df.attrs["codering"] == "utf-8"
    assert df.columns[1] == "Klantnummer"  # geen BOM-teken in de eerste kolomnaam
    # Bedragen: '36.072,82' -> 36072.82, zelf nagerekend uit de ruwe tekst.
    tekst = pad.read_text(encoding="utf-8-sig")
    ruwe_rijen = [r for r in csv.reader(io.StringIO(tekst), delimiter=";")][1:]
    ruwe_rijen = [r for r in ruwe_rijen if any(r)]
    bedragen = [float(r[4].replace(".", "").replace(",", ".")) for r in ruwe_rijen]
    assert df["Omzet 2025 (€)"].tolist() == pytest.approx(bedragen)
    assert any("." in r[4] and "," in r[4] for r in ruwe_rijen)
    datums = [dt.datetime.strptime(r[2], "%d-%m-%Y") for r in ruwe_rijen]
    assert df["Datum enquête"].tolist() == datums
    orders = [dt.datetime.strptime(r[3], "%d-%m-%Y %H:%M") for r in ruwe_rijen]
    assert df["Laatste order"].tolist() == orders
    # Telefoonnummers met voorloopnul blijven tekst.
    assert df["Telefoon"].dropna().str.startswith("06").all()
    antwoorden = df["Wat kunnen wij verbeteren?"].tolist()
    assert any("\n" in a for a in antwoorden if isinstance(a, str))
    assert any(";" in a for a in antwoorden if isinstance(a, str))


def test_excel_nl_windows_1252() -> None:
    pad = FIXTURES / "excel_nl_cp1252.csv"
    with pytest.raises(UnicodeDecodeError):
        pad.read_bytes().decode("utf-8")
    df = lees_enquete(pad)
    assert df.attrs["codering"] == "cp1252"
    assert "Datum enquête" in df.columns
    assert "Omzet 2025 (€)" in df.columns
    assert "Noëlle" in df["Accountmanager"].tolist()
    assert any("Windows-1252" in o for o in df.attrs["opmerkingen"])


# ------------------------------------------------------------ rijnummers in foutmeldingen


def test_foute_score_noemt_spreadsheetrij_csv(tmp_path: Path) -> None:
    pad = schrijf(
        tmp_path / "nps.csv",
        "Klant;Aanbevelen (0-10);Toelichting\n"
        "A;9;prima\n"
        'B;10;"twee\nregels"\n'  # één rij in Excel, twee regels in het bestand
        "\n"
        "C;11;te hoog\n"
        "D;7,5;half\n",
    )
    with pytest.raises(ValueError) as fout:
        lees_enquete(pad)
    melding = str(fout.value)
    assert "11 (rij 5)" in melding
    assert "'7,5' (rij 6)" in melding
    assert melding.startswith("'nps.csv', kolom 'Aanbevelen (0-10)' (de NPS-vraag): 2 antwoorden")
    assert "score_kolom" in melding
    assert fout.value.__cause__ is None
    assert fout.value.__context__ is None or fout.value.__suppress_context__


def test_foute_score_noemt_rij_qualtrics_en_surveymonkey(tmp_path: Path) -> None:
    qualtrics = (FIXTURES / "qualtrics_numeriek.csv").read_text(encoding="utf-8-sig")
    rijen = list(csv.reader(io.StringIO(qualtrics)))
    kolom = rijen[0].index("Q1")
    rijen[4][kolom] = "12"  # tweede datarij = rij 5 in Excel
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rijen)
    pad = schrijf(tmp_path / "q.csv", buf.getvalue(), "utf-8-sig")
    with pytest.raises(ValueError, match=r"12 \(rij 5\)"):
        lees_enquete(pad)

    sm = (FIXTURES / "surveymonkey.csv").read_text(encoding="utf-8")
    rijen = list(csv.reader(io.StringIO(sm)))
    kolom = rijen[0].index(next(k for k in rijen[0] if "recommend" in k))
    rijen[2][kolom] = "-1"  # eerste datarij = rij 3
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rijen)
    with pytest.raises(ValueError, match=r"-1 \(rij 3\)"):
        lees_enquete(schrijf(tmp_path / "sm.csv", buf.getvalue()))


def test_foute_score_noemt_excelrij_xlsx(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Tijdstempel", "Hoe waarschijnlijk zou u ons aanbevelen?"])
    ws.append([dt.datetime(2026, 11, 23, 14, 5), 8])
    ws.append([None, None])  # lege rij 3
    ws.append([dt.datetime(2026, 11, 23, 15, 0), 7.5])
    ws.append([dt.datetime(2026, 11, 23, 16, 0), "tien"])
    pad = tmp_path / "g.xlsx"
    wb.save(pad)
    with pytest.raises(ValueError) as fout:
        lees_enquete(pad)
    assert "7,5 (rij 4)" in str(fout.value)
    assert "'tien' (rij 5)" in str(fout.value)


def test_veel_fouten_worden_samengevat(tmp_path: Path) -> None:
    tekst = "Aanbevelen\n" + "".join(f"{20 + i}\n" for i in range(9))
    with pytest.raises(ValueError, match="9 antwoorden zijn geen geldige NPS-score") as fout:
        lees_enquete(schrijf(tmp_path / "x.csv", tekst))
    assert "nog 4 andere" in str(fout.value)


@pytest.mark.parametrize("waarde", ["-1", "11", "7.5", "weet niet", "7/10", "1-2-2026"])
def test_ongeldige_waarden(tmp_path: Path, waarde: str) -> None:
    pad = schrijf(tmp_path / "x.csv", f"Klant,NPS\nA,9\nB,{waarde}\n")
    with pytest.raises(ValueError, match=r"\(rij 3\)"):
        lees_enquete(pad)


def test_opgegeven_score_kolom_in_melding(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "x.csv", "Klant;Cijfer\nA;12\n")
    with pytest.raises(ValueError, match=r"^score_kolom 'Cijfer' in 'x.csv': 1 antwoord is geen"):
        lees_enquete(pad, score_kolom="Cijfer")


def test_lege_antwoorden_zijn_geen_fout(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "x.csv", "Klant;Aanbevelen\nA;\nB; \nC;10\nD;0\n")
    df = lees_enquete(pad)
    assert df["score"].tolist() == [pd.NA, pd.NA, 10, 0]
    assert df.attrs["leeg"] == 2
    assert df.attrs["overgeslagen"] == {}


def test_hele_kommagetallen_tellen(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "x.csv", "Klant;Aanbevelen\nA;7,0\nB;10\n")
    assert lees_enquete(pad)["score"].tolist() == [7, 10]


# --------------------------------------------------------------- de NPS-vraag vinden


def test_open_vervolgvraag_met_aanbevelen_is_niet_de_score(tmp_path: Path) -> None:
    pad = schrijf(
        tmp_path / "x.csv",
        "Hoe waarschijnlijk is het dat u ons zou aanbevelen?,Waarom zou u ons (niet) "
        "aanbevelen?\n9,Goede service\n3,Te duur\n,\n",
    )
    df = lees_enquete(pad)
    assert df.attrs["score_kolom"] == "Hoe waarschijnlijk is het dat u ons zou aanbevelen?"


def test_herkend_aan_waarden(tmp_path: Path) -> None:
    pad = schrijf(
        tmp_path / "x.csv",
        "Nr,Vraag 1,Vraag 2,Vraag 3\n1,4,10,ja\n2,5,0,nee\n3,3,8,\n4,1,,ja\n",
    )
    df = lees_enquete(pad)
    assert df.attrs["score_kolom"] == "Vraag 2"  # 'Vraag 1' is een 1-5-schaal
    assert df.attrs["score_gevonden_via"] == "waarden"
    assert any("herkend aan de waarden" in o for o in df.attrs["opmerkingen"])
    assert df.attrs["bron"] == "csv"


def test_dubbelzinnig_noemt_kandidaten(tmp_path: Path) -> None:
    pad = schrijf(
        tmp_path / "x.csv",
        "Zou u ons product aanbevelen?;Zou u onze service aanbevelen?\n9;8\n6;10\n",
    )
    with pytest.raises(ValueError) as fout:
        lees_enquete(pad)
    melding = str(fout.value)
    assert "'Zou u ons product aanbevelen?'" in melding
    assert "'Zou u onze service aanbevelen?'" in melding
    assert "score_kolom=" in melding
    df = lees_enquete(pad, score_kolom="Zou u onze service aanbevelen?")
    assert df["score"].tolist() == [8, 10]


def test_dubbelzinnig_op_waarden(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "x.csv", "A,B\n0,10\n9,6\n7,8\n")
    with pytest.raises(ValueError, match="2 kolommen kunnen de NPS-vraag zijn"):
        lees_enquete(pad)


def test_geen_nps_vraag(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "x.csv", "Naam,Tevredenheid (1-5)\nA,4\nB,5\nC,2\n")
    with pytest.raises(ValueError, match="geen NPS-vraag gevonden") as fout:
        lees_enquete(pad)
    assert "'Tevredenheid (1-5)'" in str(fout.value)
    assert "score_kolom=" in str(fout.value)


def test_onbekende_score_kolom(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "x.csv", "Naam,Aanbeveling\nA,9\n")
    with pytest.raises(ValueError, match=r"Bedoelde je 'Aanbeveling'\?"):
        lees_enquete(pad, score_kolom="Aanbeveeling")
    with pytest.raises(TypeError, match="score_kolom"):
        lees_enquete(pad, score_kolom=2)


def test_alleen_kopregel(tmp_path: Path) -> None:
    df = lees_enquete(schrijf(tmp_path / "x.csv", "Klant;Aanbevelen\n"))
    assert len(df) == 0 and list(df.columns) == ["score", "Klant", "Aanbevelen"]
    with pytest.raises(ValueError, match="alleen kopregels"):
        lees_enquete(schrijf(tmp_path / "y.csv", "Klant;Opmerking\n"))


# --------------------------------------------------------------- kolomnamen


def test_kolommen_met_dezelfde_naam_en_zonder_naam(tmp_path: Path) -> None:
    pad = schrijf(
        tmp_path / "x.csv",
        "Tijdstempel,Opmerking,Aanbevelen,Opmerking,,\n"
        "23-11-2026 10:00:00,a,9,b,extra,\n"
        "24-11-2026 10:00:00,c,8,d,,\n",
    )
    df = lees_enquete(pad)
    assert list(df.columns) == [
        "score",
        "Tijdstempel",
        "Opmerking",
        "Aanbevelen",
        "Opmerking (2)",
        "kolom E",
    ]
    assert df.attrs["hernoemd"]["Opmerking (2)"] == "Opmerking"
    assert any("kolom(men) zonder kop weggelaten: F" in o for o in df.attrs["opmerkingen"])


def test_bestaande_kolom_score(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "x.csv", "Naam,score,Aanbevelen\nA,7 / 10,9\n")
    df = lees_enquete(pad)
    assert list(df.columns) == ["score", "Naam", "score (origineel)", "Aanbevelen"]
    assert df["score"].tolist() == [9]
    pad = schrijf(tmp_path / "y.csv", "Naam,score\nA,9\nB,\n")
    df = lees_enquete(pad)
    assert list(df.columns) == ["score", "Naam"]
    assert df.attrs["score_kolom"] == "score"


# ------------------------------------------------------- bestanden die geen export zijn


def test_bestand_bestaat_niet(tmp_path: Path) -> None:
    pad = tmp_path / "bestaat_niet.xlsx"
    with pytest.raises(FileNotFoundError, match="bestaat niet") as fout:
        lees_enquete(pad)
    assert str(pad) in str(fout.value)
    with pytest.raises(FileNotFoundError):
        lees_enquete(str(pad))


def test_map_in_plaats_van_bestand(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError, match="is een map"):
        lees_enquete(tmp_path)


@pytest.mark.parametrize("pad", [None, 3, b"x.csv", ["x.csv"]])
def test_pad_verkeerd_type(pad: object) -> None:
    with pytest.raises(TypeError, match="pad: verwacht de naam van een bestand"):
        lees_enquete(pad)


def _docx(pad: Path) -> Path:
    with zipfile.ZipFile(pad, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return pad


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("leeg.csv", b"", "is leeg"),
        ("leeg.xlsx", b"", "is leeg"),
        ("witregels.csv", b"\r\n\r\n  \r\n", "bevat geen gegevens|alleen lege rijen"),
        ("verslag.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdf-bestand"),
        ("oud.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), r"oude \.xls-formaat"),
        ("beveiligd.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "wachtwoord"),
        ("rommel.csv", bytes(range(256)) * 8, "binaire gegevens|geen leesbaar tekstbestand"),
        ("kapot.xlsx", b"PK\x03\x04" + b"\x00" * 300, "beschadigd|niet kan worden geopend"),
        ("notities.docx", b"tekst", "Word-document"),
        ("antwoorden.ods", b"tekst", "OpenDocument"),
    ],
)
def test_geen_enquete_export(tmp_path: Path, naam: str, inhoud: bytes, melding: str) -> None:
    pad = tmp_path / naam
    pad.write_bytes(inhoud)
    with pytest.raises(ValueError, match=melding) as fout:
        lees_enquete(pad)
    assert naam in str(fout.value)
    assert "Traceback" not in str(fout.value)


def test_word_document_met_csv_extensie(tmp_path: Path) -> None:
    pad = _docx(tmp_path / "antwoorden.csv")
    with pytest.raises(ValueError, match="Word-document"):
        lees_enquete(pad)
    with pytest.raises(ValueError, match="Word-document"):
        lees_enquete(_docx(tmp_path / "antwoorden.docx"))


@settings(max_examples=80, deadline=None)
@given(
    inhoud=st.binary(max_size=300)
    | st.lists(
        st.sampled_from(
            [
                ";",
                ",",
                '"',
                "\n",
                "\r\n",
                "9",
                "10",
                "x",
                "Aanbevelen",
                "Tijdstempel",
                "StartDate",
                "ResponseId",
                '{"ImportId":"QID1"}',
                "1.234,5",
                "23-11-2026",
                " ",
            ]
        ),
        max_size=40,
    ).map(lambda d: "".join(d).encode("utf-8")),
    naam=st.sampled_from(["f.csv", "f.txt", "f.xlsx", "f"]),
)
def test_eigenschap_nooit_een_rauwe_fout(inhoud: bytes, naam: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        pad = Path(tmp) / naam
        pad.write_bytes(inhoud)
        try:
            df = lees_enquete(pad)
        except (ValueError, TypeError) as fout:
            assert str(fout).startswith(("pad:", "score_kolom", "'f", "werkblad"))
        else:
            assert str(df["score"].dtype) == "Int64"


def test_willekeurige_binaire_rommel(tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    for i in range(20):
        pad = tmp_path / f"rommel{i}.csv"
        pad.write_bytes(rng.integers(0, 256, 2000, dtype=np.uint8).tobytes())
        with pytest.raises(ValueError, match="pad: 'rommel"):
            lees_enquete(pad)


def test_werkmap_met_verkeerde_extensie_wordt_gelezen(tmp_path: Path) -> None:
    pad = tmp_path / "export.csv"
    pad.write_bytes((FIXTURES / "microsoft_forms_nl.xlsx").read_bytes())
    df = lees_enquete(pad)
    assert df.attrs["bron"] == "microsoft_forms"
    assert any("als .xlsx gelezen" in o for o in df.attrs["opmerkingen"])


def test_csv_met_xlsx_extensie_wordt_gelezen(tmp_path: Path) -> None:
    pad = tmp_path / "export.xlsx"
    pad.write_bytes((FIXTURES / "google_forms_nl.csv").read_bytes())
    df = lees_enquete(pad)
    assert df.attrs["bron"] == "google_forms"
    assert any("als CSV gelezen" in o for o in df.attrs["opmerkingen"])


def test_utf16_tekst_uit_excel(tmp_path: Path) -> None:
    tekst = "Klant\tAanbevelen\tBedrag\r\nA\t9\t1.234,50\r\nB\t6\t12,00\r\n"
    pad = tmp_path / "unicode.txt"
    pad.write_bytes(b"\xff\xfe" + tekst.encode("utf-16-le"))
    df = lees_enquete(pad)
    assert df["score"].tolist() == [9, 6]
    assert df["Bedrag"].tolist() == [1234.5, 12.0]
    assert df.attrs["codering"] == "utf-16"


def test_sep_regel_van_excel(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "x.csv", "sep=;\nKlant;Aanbevelen\nA;9\nB;12\n")
    with pytest.raises(ValueError, match=r"12 \(rij 3\)"):
        lees_enquete(pad)


def test_meer_velden_dan_de_kopregel(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "x.csv", "Klant;Aanbevelen\nA;9\nB;8;extra\n")
    df = lees_enquete(pad)
    assert list(df.columns) == ["score", "Klant", "Aanbevelen", "kolom C"]
    assert df["kolom C"].tolist()[1] == "extra"


def test_niet_gesloten_aanhalingsteken(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "x.csv", 'Klant;Aanbevelen;Toelichting\nA;9;"nooit gesloten\nB;8;x\n')
    with pytest.raises(ValueError, match=r"aanhalingsteken.*\(in rij 2\) maar nergens gesloten"):
        lees_enquete(pad)


def test_werkblad_kiezen(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Uitleg"
    wb.active.append(["Dit werkblad heeft geen antwoorden"])
    ws = wb.create_sheet("Antwoorden")
    ws.append(["Klant", "Aanbevelen"])
    ws.append(["A", 10])
    pad = tmp_path / "m.xlsx"
    wb.save(pad)
    assert lees_enquete(pad, werkblad="Antwoorden")["score"].tolist() == [10]
    assert lees_enquete(pad, werkblad=1)["score"].tolist() == [10]
    with pytest.raises(ValueError, match="werkblad: 'Blad9' bestaat niet.*'Antwoorden'"):
        lees_enquete(pad, werkblad="Blad9")
    with pytest.raises(ValueError, match="werkblad: 5 bestaat niet"):
        lees_enquete(pad, werkblad=5)
    with pytest.raises(ValueError, match="werkblad"):
        lees_enquete(FIXTURES / "excel_nl.csv", werkblad=0)


# ---------------------------------------------------------------- getallen en datums


def test_dubbelzinnige_duizendtallen_blijven_tekst(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "x.csv", 'Klant,Aanbevelen,Medewerkers\nA,9,1.250\nB,8,"2.500"\n')
    df = lees_enquete(pad)
    assert df["Medewerkers"].tolist() == ["1.250", "2.500"]
    assert any("1,25 of 1250" in o for o in df.attrs["opmerkingen"])


def test_euroteken_en_negatieve_bedragen(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "x.csv", "Klant;Aanbevelen;Saldo\nA;9;€ 1.234,50\nB;8;-€ 12,00\n")
    df = lees_enquete(pad)
    assert df["Saldo"].tolist() == [1234.5, -12.0]


@pytest.mark.parametrize(
    ("waarden", "verwacht"),
    [
        (["0612345678", "0201234567"], ["0612345678", "0201234567"]),  # voorloopnul: tekst
        (["123", "0"], [123, 0]),
        (["1234567890123456789"], ["1234567890123456789"]),  # te lang voor een getal
        (["12", "12,5"], [12.0, 12.5]),
        (["1.234", "12"], [1234, 12]),  # puntkomma-bestand: punt = duizendtal
        (["1.23"], ["1.23"]),  # geen Nederlands getal: tekst
        (["WAAR", "ONWAAR", "waar"], [True, False, True]),
    ],
)
def test_getallen_in_puntkommabestand(tmp_path: Path, waarden: list[str], verwacht: list) -> None:
    regels = "".join(f"{w};{9 - i}\n" for i, w in enumerate(waarden))
    df = lees_enquete(schrijf(tmp_path / "x.csv", "Kolom;Aanbevelen\n" + regels))
    assert df["Kolom"].tolist() == verwacht


def test_ongeldige_datum_blijft_tekst(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "x.csv", "Datum;Aanbevelen\n31-2-2026;9\n1-3-2026;8\n")
    df = lees_enquete(pad)
    assert df["Datum"].tolist() == ["31-2-2026", "1-3-2026"]


def test_dubbelzinnige_datum_krijgt_opmerking(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "x.csv", "Datum,Aanbevelen\n1/2/2026,9\n3/4/2026,8\n")
    df = lees_enquete(pad)
    assert df["Datum"].tolist() == [dt.datetime(2026, 2, 1), dt.datetime(2026, 4, 3)]
    assert any("dag/maand/jaar aangenomen" in o for o in df.attrs["opmerkingen"])


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("2026/11/23 2:05:07 PM GMT+1", dt.datetime(2026, 11, 23, 14, 5, 7)),
        ("2026/11/23 2:05:07 p.m. CET", dt.datetime(2026, 11, 23, 14, 5, 7)),
        ("2026-11-23 14:05:07", dt.datetime(2026, 11, 23, 14, 5, 7)),
        ("2026-11-23 14:05", dt.datetime(2026, 11, 23, 14, 5)),
        ("11/23/2026 12:05:07 AM", dt.datetime(2026, 11, 23, 0, 5, 7)),
        ("2026-11-23T14:05:07", dt.datetime(2026, 11, 23, 14, 5, 7)),
        ("23.11.2026", dt.datetime(2026, 11, 23)),
        ("23-11-26", dt.datetime(2026, 11, 23)),
    ],
)
def test_datumstijlen(tmp_path: Path, tekst: str, verwacht: dt.datetime) -> None:
    pad = schrijf(tmp_path / "x.csv", f'Datum,Aanbevelen\n"{tekst}",9\n')
    assert lees_enquete(pad)["Datum"].tolist() == [verwacht]


# ----------------------------------------------------------------------- verslag


def test_importverslag() -> None:
    tekst = importverslag(lees_enquete(FIXTURES / "qualtrics_keuzetekst.csv"))
    assert "Bron: Qualtrics (qualtrics)" in tekst
    assert "eerste antwoord op rij 4" in tekst
    assert "Overgeslagen: 2 rijen" in tekst
    assert "'Survey Test'): rij 16" in tekst
    with pytest.raises(TypeError, match="lees_enquete"):
        importverslag(pd.DataFrame({"score": [1]}))


# -------------------------------------------------------------- eigenschappen (hypothesis)

_score_of_leeg = st.one_of(st.none(), st.integers(min_value=0, max_value=10))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(scores=st.lists(_score_of_leeg, min_size=1, max_size=40))
def test_eigenschap_excel_csv_rondreis(tmp_path: Path, scores: list[int | None]) -> None:
    regels = ["Klant;Hoe waarschijnlijk is het dat u ons zou aanbevelen?;Bedrag"]
    for i, s in enumerate(scores):
        regels.append(
            f"K{i};{'' if s is None else s};{i * 1000 + 0.5:,.2f}".replace(",", "_")
            .replace(".", ",")
            .replace("_", ".")
        )
    pad = schrijf(tmp_path / "h.csv", "\r\n".join(regels) + "\r\n", "utf-8-sig")
    df = lees_enquete(pad)
    assert df["score"].tolist() == [pd.NA if s is None else s for s in scores]
    assert df.attrs["leeg"] == sum(s is None for s in scores)
    assert df["Bedrag"].tolist() == [i * 1000 + 0.5 for i in range(len(scores))]


_keuzetekst = {0: "0 - Helemaal niet waarschijnlijk", 10: "10 - Zeer waarschijnlijk"}


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(scores=st.lists(_score_of_leeg, min_size=1, max_size=30))
def test_eigenschap_qualtrics_rondreis(tmp_path: Path, scores: list[int | None]) -> None:
    rijen = [
        ["StartDate", "Status", "ResponseId", "Q1", "Q1_NPS_GROUP"],
        [
            "Start Date",
            "Response Type",
            "Response ID",
            "Hoe waarschijnlijk ... aanbevelen?",
            "Hoe waarschijnlijk ... aanbevelen? - Group",
        ],
        [
            '{"ImportId":"startDate"}',
            '{"ImportId":"status"}',
            '{"ImportId":"_recordId"}',
            '{"ImportId":"QID1"}',
            '{"ImportId":"QID1_NPS_GROUP"}',
        ],
    ]
    for i, s in enumerate(scores):
        tekst = "" if s is None else _keuzetekst.get(s, str(s))
        rijen.append([f"2026-11-{1 + i % 28:02d} 10:00:00", "IP Address", f"R_{i}", tekst, ""])
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rijen)
    df = lees_enquete(schrijf(tmp_path / "q.csv", buf.getvalue(), "utf-8-sig"))
    assert df["score"].tolist() == [pd.NA if s is None else s for s in scores]


# ------------------------------------------- xlsx-lezer (calamine) = openpyxl


def _openpyxl_rooster(bron: Path | io.BytesIO) -> list[tuple]:
    """Het werkblad zoals openpyxl het leest: een onafhankelijke tweede lezer."""
    import openpyxl

    wb = openpyxl.load_workbook(bron, read_only=True, data_only=True)
    ws = wb.worksheets[0]
    ws.reset_dimensions()
    rijen = list(ws.iter_rows(values_only=True))
    wb.close()
    breedte = max(map(len, rijen), default=0)
    return [tuple(r) + (None,) * (breedte - len(r)) for r in rijen]


def _kit_rooster(pad: Path) -> list[tuple]:
    """Het werkblad zoals de kit het leest (lege cellen None, zoals in de RuweTabel)."""
    from klanttools.enquete._werkmap import lees_xlsx

    tabel = lees_xlsx(pad, None).tabel
    return [tuple(None if v is None else v for v in rij) for rij in tabel.itertuples(index=False)]


def _zonder_lege_rand(rooster: list[tuple]) -> list[tuple]:
    """Lege rijen en kolommen aan het eind tellen niet (de lezers verschillen daarin)."""
    while rooster and all(v is None for v in rooster[-1]):
        rooster = rooster[:-1]
    breedte = max((i + 1 for r in rooster for i, v in enumerate(r) if v is not None), default=0)
    return [tuple(r[:breedte]) + (None,) * (breedte - len(r[:breedte])) for r in rooster]


@pytest.mark.parametrize("naam", sorted(n for n in VERWACHT if n.endswith(".xlsx")))
def test_xlsx_lezer_is_gelijk_aan_openpyxl(naam: str) -> None:
    kit = _kit_rooster(FIXTURES / naam)
    assert kit == _openpyxl_rooster(FIXTURES / naam)
    # Hele getallen blijven int (een klantnummer 1042, geen 1042.0), zoals bij openpyxl.
    assert all(type(v) is not float or not v.is_integer() for r in kit for v in r)


_celwaarde = st.one_of(
    st.none(),
    st.integers(min_value=-(2**40), max_value=2**40),
    st.floats(min_value=-1e12, max_value=1e12, allow_nan=False).filter(lambda x: x != 0),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1)).map(
        lambda d: d.replace(microsecond=0)
    ),
    st.lists(
        st.sampled_from(["&", "<", ">", '"', "'", "\n", "\r\n", " ", "é", "€", "&amp;"])
        | st.characters(blacklist_categories=("Cs", "Cc")),
        min_size=1,
        max_size=8,
    )
    .map("".join)
    # Twee dingen die openpyxl anders schrijft dan Excel, en die calamine (terecht) leest
    # zoals Excel ze bedoelt: tekst van alleen witruimte zonder xml:space="preserve", en een
    # letterlijke "_x000D_" zonder escape (Excel schrijft "_x005F_x000D_"). Die vergelijken
    # we dus niet met openpyxl.
    .filter(lambda t: not t.startswith("=") and t.strip() and "_x" not in t),
)


@settings(max_examples=60, deadline=None)
@given(
    rijen=st.lists(st.lists(_celwaarde, min_size=1, max_size=5), min_size=1, max_size=8),
    excel=st.booleans(),
)
def test_eigenschap_xlsx_lezer_gelijk_aan_openpyxl(rijen: list[list], excel: bool) -> None:
    from openpyxl import Workbook

    spec = importlib.util.spec_from_file_location("maak_fixtures", FIXTURES / "maak_fixtures.py")
    maker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(maker)

    wb = Workbook()
    ws = wb.active
    for rij in rijen:
        ws.append(rij)
    for rij in ws.iter_rows():
        for cel in rij:
            if isinstance(cel.value, dt.datetime):
                cel.number_format = "dd-mm-yyyy hh:mm:ss"
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        pad = Path(tmp) / "h.xlsx"
        wb.save(pad)
        if excel:
            maker.als_excel(pad)
        verwacht = _openpyxl_rooster(pad)
        if not any(v is not None for r in verwacht for v in r):
            with pytest.raises(ValueError, match="is leeg"):
                _kit_rooster(pad)
            return
        kit = _kit_rooster(pad)
    assert _zonder_lege_rand(kit) == _zonder_lege_rand(verwacht)
    assert [type(v) for r in kit for v in r if v is not None] == [
        type(v) for r in verwacht for v in r if v is not None
    ]


# ------------------------------------------------ gemengde codering, schoolcijfers


def test_gemengde_codering_wordt_per_regel_gelezen(tmp_path: Path) -> None:
    """Twee exports aan elkaar geplakt: de kop en rij 2 in UTF-8, rij 3 in Windows-1252."""
    utf8 = "Tijdstempel;Hoe waarschijnlijk is het dat je ons aanbeveelt?;Opmerking\r\n"
    utf8 += "23-11-2026 10:00:00;9;Café en crème: prima €\r\n"
    oud = "24-11-2026 11:00:00;6;Levering té laat, één keer €\r\n"
    pad = tmp_path / "gemengd.csv"
    pad.write_bytes(utf8.encode("utf-8") + oud.encode("cp1252"))
    with pytest.warns(UserWarning, match="deels UTF-8 en deels Windows-1252"):
        df = lees_enquete(pad)
    assert df["Opmerking"].tolist() == ["Café en crème: prima €", "Levering té laat, één keer €"]
    assert df["score"].tolist() == [9, 6]
    assert any("deels UTF-8" in o for o in df.attrs["opmerkingen"])
    # Geen onleesbare tekens ('Ã©') meer, en geen rij kwijt.
    assert not any("Ã" in v for v in df["Opmerking"])


def test_alleen_windows_1252_is_niet_gemengd(tmp_path: Path) -> None:
    pad = tmp_path / "oud.csv"
    pad.write_bytes("Aanbevelen (0-10);Opmerking\r\n8;Café\r\n".encode("cp1252"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        df = lees_enquete(pad)
    assert df["Opmerking"].tolist() == ["Café"]
    assert df.attrs["codering"] == "cp1252"


def test_schoolcijfer_zonder_nps_kop_geeft_een_waarschuwing(tmp_path: Path) -> None:
    """Zonder NPS-kop kiest de kit op de waarden; een cijfer 1–10 mag niet stil de NPS worden."""
    rijen = "".join(f"{i};{c}\r\n" for i, c in enumerate([7, 8, 6, 9, 8, 7, 10, 5, 8, 7, 6, 9]))
    pad = tmp_path / "cijfers.csv"
    pad.write_text("Klantnummer;Rapportcijfer\r\n" + rijen, encoding="utf-8")
    with pytest.warns(UserWarning, match="'Rapportcijfer' is als NPS-vraag gekozen") as info:
        df = lees_enquete(pad)
    tekst = str(info[0].message)
    assert "de kop noemt een cijfer" in tekst and "geen van de 12 antwoorden is een 0" in tekst
    assert "score_kolom=" in tekst
    assert tekst in df.attrs["opmerkingen"]
    assert info[0].filename == __file__  # de waarschuwing wijst naar de aanroep


def test_nps_kolom_op_de_waarden_met_een_0_geeft_geen_waarschuwing(tmp_path: Path) -> None:
    rijen = "".join(f"{c}\r\n" for c in [0, 8, 6, 9, 10, 7, 10, 5, 8, 7, 6, 9])
    pad = tmp_path / "v3.csv"
    pad.write_text("V3\r\n" + rijen, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        df = lees_enquete(pad)
    assert df.attrs["score_kolom"] == "V3"
    assert any("herkend aan de waarden" in o for o in df.attrs["opmerkingen"])
