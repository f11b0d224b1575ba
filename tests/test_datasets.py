"""Tests voor klanttools.datasets en de synthetische datasets in data/.

Wat hier bewaakt wordt:

* elke dataset laadt op naam vanuit een andere map (zoals een nbgrader-map), met de
  juiste rijen, kolommen en types;
* er staan geen onmogelijke waarden in (scores buiten het bereik, funneldatums in de
  verkeerde volgorde, ...) en de bedoelde patronen zitten erin (alle vier de
  klantgroepen, 20/80-omzet, verschillen per bron);
* ``data/maak_datasets.py`` maakt de bestanden byte voor byte opnieuw;
* foute namen, ontbrekende of kapotte bestanden geven een Nederlandse melding;
* pyproject.toml levert de data mee in het pakket (``klanttools._data``).
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from klanttools import datasets
from klanttools.datasets import OMGEVINGSVARIABELE, beschikbare_datasets, laad

PROJECT = Path(__file__).resolve().parents[1]
DATA = PROJECT / "data"
GENERATOR = DATA / "maak_datasets.py"

NAMEN = ["nps_enquete", "accounts", "leads", "waardestrategie", "orders", "orders_ruw"]
NAMEN += ["dmu_casussen", "dmu_leden"]
RIJEN = {"nps_enquete": 1067, "accounts": 300, "leads": 1945, "waardestrategie": 420}
RIJEN |= {"orders": 7216, "orders_ruw": 631}
RIJEN |= {"dmu_casussen": 3, "dmu_leden": 19}
PEILDATUM = pd.Timestamp("2026-10-31")
METINGEN = ["voorjaar 2025", "najaar 2025", "voorjaar 2026", "najaar 2026"]
FASEN = ["suspect", "lead", "prospect", "klant"]
DATUMS = ["datum_suspect", "datum_lead", "datum_prospect", "datum_klant"]


@pytest.fixture
def elders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Werk in een andere map, zoals een nbgrader-map release/<opdracht>/."""
    map_ = tmp_path / "release" / "opdracht1"
    map_.mkdir(parents=True)
    monkeypatch.chdir(map_)
    monkeypatch.delenv(OMGEVINGSVARIABELE, raising=False)
    return map_


@pytest.fixture(scope="module")
def nps_enquete() -> pd.DataFrame:
    return laad("nps_enquete")


@pytest.fixture(scope="module")
def accounts() -> pd.DataFrame:
    return laad("accounts")


@pytest.fixture(scope="module")
def leads() -> pd.DataFrame:
    return laad("leads")


@pytest.fixture(scope="module")
def waardestrategie() -> pd.DataFrame:
    return laad("waardestrategie")


# ---------------------------------------------------------------------------
# Laden op naam, vanuit elke map
# ---------------------------------------------------------------------------


def test_beschikbare_datasets() -> None:
    lijst = beschikbare_datasets()
    assert list(lijst) == NAMEN
    for naam, omschrijving in lijst.items():
        assert isinstance(omschrijving, str) and 20 < len(omschrijving) < 200, naam
        assert "\n" not in omschrijving
        assert "synthetisch" in omschrijving


@pytest.mark.parametrize("naam", NAMEN)
def test_laadt_vanuit_andere_map(naam: str, elders: Path) -> None:
    # Een bestand met dezelfde naam in de werkmap mag nooit gebruikt worden.
    (elders / f"{naam}.csv").write_text("niet,de,echte\n1,2,3\n", encoding="utf-8")
    df = laad(naam)
    assert Path.cwd() == elders
    assert len(df) == RIJEN[naam]
    assert list(df.columns) == list(datasets._DATASETS[naam].kolommen)
    assert df.attrs["dataset"] == naam
    assert Path(df.attrs["bestand"]).name == f"{naam}.csv"
    assert Path(df.attrs["bestand"]).parent != elders


@pytest.mark.parametrize("naam", ["Accounts", " accounts ", "accounts.csv"])
def test_naam_mag_met_hoofdletters_en_csv(naam: str) -> None:
    assert len(laad(naam)) == RIJEN["accounts"]


def test_laad_geeft_telkens_een_nieuwe_tabel() -> None:
    a = laad("accounts")
    a.loc[0, "omzet"] = -1
    assert laad("accounts").loc[0, "omzet"] > 0


# ---------------------------------------------------------------------------
# Foutmeldingen
# ---------------------------------------------------------------------------


def test_onbekende_naam_noemt_de_beschikbare() -> None:
    with pytest.raises(ValueError) as fout:
        laad("klanten")
    melding = str(fout.value)
    assert "'klanten' is geen dataset" in melding
    for naam in NAMEN:
        assert repr(naam) in melding
    assert "beschikbare_datasets()" in melding


def test_bijna_goede_naam_krijgt_een_tip() -> None:
    with pytest.raises(ValueError, match=r"Bedoelde je 'nps_enquete'\?"):
        laad("nps_enquête")
    with pytest.raises(ValueError, match=r"Bedoelde je 'leads'\?"):
        laad("lead")


@pytest.mark.parametrize("naam", [None, 3, ["accounts"]])
def test_naam_moet_tekst_zijn(naam: object) -> None:
    with pytest.raises(TypeError, match="naam: verwacht de naam van een dataset als tekst"):
        laad(naam)  # type: ignore[arg-type]


def test_ontbrekend_bestand_zegt_waar_gezocht_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    eigen = tmp_path / "eigen"
    eigen.mkdir()
    monkeypatch.setenv(OMGEVINGSVARIABELE, str(eigen))
    nep = datasets._Dataset(bestand="bestaat_niet.csv", omschrijving="test", kolommen=("a",))
    monkeypatch.setitem(datasets._DATASETS, "bestaat_niet", nep)
    with pytest.raises(FileNotFoundError) as fout:
        laad("bestaat_niet")
    melding = str(fout.value)
    assert "Dataset 'bestaat_niet' niet gevonden" in melding
    assert str(eigen / "bestaat_niet.csv") in melding
    assert OMGEVINGSVARIABELE in melding
    assert "naast de broncode" in melding
    assert "pip install" in melding


def test_omgevingsvariabele_wijst_eigen_map_aan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, elders: Path
) -> None:
    eigen = tmp_path / "docent"
    eigen.mkdir()
    regels = (DATA / "accounts.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (eigen / "accounts.csv").write_text("".join(regels[:11]), encoding="utf-8")
    monkeypatch.setenv(OMGEVINGSVARIABELE, str(eigen))
    assert len(laad("accounts")) == 10
    assert laad("accounts").attrs["bestand"] == str(eigen / "accounts.csv")
    # Wat niet in de eigen map staat, komt gewoon uit het pakket.
    assert len(laad("leads")) == RIJEN["leads"]


def test_kapot_bestand_geeft_nederlandse_melding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, elders: Path
) -> None:
    monkeypatch.setenv(OMGEVINGSVARIABELE, str(tmp_path))
    origineel = (DATA / "nps_enquete.csv").read_text(encoding="utf-8").splitlines()

    # Een kolom te weinig.
    zonder_rol = [",".join(r.split(",")[:7] + r.split(",")[8:9]) for r in origineel[:5]]
    (tmp_path / "nps_enquete.csv").write_text("\n".join(zonder_rol) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"mist de kolom\(men\) 'rol' en 'verbeterpunt'"):
        laad("nps_enquete")

    # Een score die geen heel getal is, met het rijnummer zoals in een spreadsheet.
    kop, *rijen = origineel[:4]
    velden = rijen[1].split(",")
    velden[8] = "elf"
    rijen[1] = ",".join(velden)
    (tmp_path / "nps_enquete.csv").write_text("\n".join([kop, *rijen]) + "\n", encoding="utf-8")
    with pytest.raises(
        ValueError, match=r"kolom 'score': 1 onverwachte waarde\(n\): 'elf' \(rij 3\)"
    ):
        laad("nps_enquete")

    # Een onbekende meting wordt niet stil leeg gemaakt.
    velden = origineel[1].split(",")
    velden[1] = "zomer 2025"
    (tmp_path / "nps_enquete.csv").write_text(
        "\n".join([origineel[0], ",".join(velden)]) + "\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match=r"kolom 'meting'.*'zomer 2025' \(rij 2\)"):
        laad("nps_enquete")


# ---------------------------------------------------------------------------
# nps_enquete
# ---------------------------------------------------------------------------


def test_nps_types(nps_enquete: pd.DataFrame) -> None:
    df = nps_enquete
    assert df["score"].dtype == "Int64"
    assert pd.api.types.is_datetime64_any_dtype(df["datum"])
    assert isinstance(df["meting"].dtype, pd.CategoricalDtype)
    assert df["meting"].cat.ordered
    assert list(df["meting"].cat.categories) == METINGEN
    for kolom in ["segment", "sector", "regio", "rol"]:
        assert isinstance(df[kolom].dtype, pd.CategoricalDtype), kolom
    assert pd.api.types.is_string_dtype(df["verbeterpunt"])


def test_nps_geen_onmogelijke_waarden(nps_enquete: pd.DataFrame) -> None:
    df = nps_enquete
    assert df["respondent_id"].is_unique
    geldig = df["score"].dropna()
    assert geldig.between(0, 10).all()
    assert set(geldig.unique()) == set(range(11))  # elke score komt voor
    for kolom in ["meting", "datum", "account_id", "segment", "sector", "regio", "rol"]:
        assert df[kolom].notna().all(), kolom
    assert (df["datum"] <= PEILDATUM).all()


def test_nps_metingen_en_datums(nps_enquete: pd.DataFrame) -> None:
    df = nps_enquete
    per_meting = df.groupby("meting", observed=True)
    assert list(per_meting.groups) == METINGEN
    assert per_meting.size().between(200, 350).all()
    # Elke meting duurt hoogstens vier weken en de metingen overlappen niet.
    bereik = per_meting["datum"].agg(["min", "max"])
    assert ((bereik["max"] - bereik["min"]).dt.days <= 28).all()
    assert (bereik["min"].iloc[1:].to_numpy() > bereik["max"].iloc[:-1].to_numpy()).all()
    assert (df["datum"].dt.day_of_week < 5).all()  # ingevuld op werkdagen


def test_nps_lege_antwoorden_en_lastige_tekst(nps_enquete: pd.DataFrame) -> None:
    df = nps_enquete
    leeg_score = df["score"].isna().mean()
    assert 0.01 < leeg_score < 0.08
    tekst = df["verbeterpunt"]
    assert 0.2 < tekst.isna().mean() < 0.5
    ingevuld = tekst.dropna()
    assert ingevuld.str.contains(",").sum() > 20
    assert ingevuld.str.contains('"').sum() > 3
    assert (ingevuld == "nvt").any()
    assert (ingevuld.str.len() > 0).all()
    # Geen resten van de sjablonen uit de generator.
    assert not ingevuld.str.contains(r"\{|\}|\[erp\]|\[web\]").any()


def test_nps_nederlandse_piek_bij_7_en_8(nps_enquete: pd.DataFrame) -> None:
    verdeling = nps_enquete["score"].value_counts(normalize=True)
    assert verdeling[[7, 8]].sum() > 0.4
    assert verdeling.idxmax() == 8


def test_nps_thema_s_zijn_te_tellen(nps_enquete: pd.DataFrame) -> None:
    tekst = nps_enquete["verbeterpunt"].fillna("").str.lower()
    thema = {
        "levertijd": "levertijd|levering|backorder",
        "prijs": "prijs|prijzen|duur",
        "bereikbaarheid": "bereikba|telefoon|wachttijd",
        "accountmanager": "accountmanager",
        "facturatie": "factu",
        "webshop": "webshop",
    }
    for naam, patroon in thema.items():
        assert tekst.str.contains(patroon).sum() >= 25, naam
    # Facturatie piekt na de ERP-overstap (najaar 2025), de webshop na de lancering.
    per_meting = (
        nps_enquete.assign(
            factuur=tekst.str.contains("factu"), webshop=tekst.str.contains("webshop")
        )
        .groupby("meting", observed=True)[["factuur", "webshop"]]
        .mean()
    )
    assert per_meting["factuur"].idxmax() == "najaar 2025"
    assert per_meting["webshop"].idxmax() == "voorjaar 2026"


def test_nps_past_bij_accounts(nps_enquete: pd.DataFrame, accounts: pd.DataFrame) -> None:
    samen = nps_enquete.merge(
        accounts, on="account_id", how="left", suffixes=("", "_acc"), validate="many_to_one"
    )
    assert samen["bedrijfsnaam"].notna().all()
    for kolom in ["segment", "sector", "regio"]:
        assert (samen[kolom].astype(str) == samen[f"{kolom}_acc"].astype(str)).all(), kolom


def test_nps_per_meting_geloofwaardig(nps_enquete: pd.DataFrame) -> None:
    nps_module = importlib.import_module("klanttools.nps")
    per_meting = {
        m: nps_module.nps(g["score"]) for m, g in nps_enquete.groupby("meting", observed=True)
    }
    for meting, waarde in per_meting.items():
        assert -30 <= waarde <= 40, (meting, waarde)
    # Het bedoelde verloop: dip na de ERP-overstap, herstel in najaar 2026.
    assert per_meting["najaar 2025"] < per_meting["voorjaar 2025"] - 10
    assert per_meting["najaar 2026"] > per_meting["najaar 2025"] + 10
    per_segment = {
        s: nps_module.nps(g["score"]) for s, g in nps_enquete.groupby("segment", observed=True)
    }
    assert per_segment["Key account"] > per_segment["MKB"] > per_segment["Klein zakelijk"]
    assert -20 <= nps_module.nps(nps_enquete["score"]) <= 25


# ---------------------------------------------------------------------------
# accounts
# ---------------------------------------------------------------------------


def test_accounts_types(accounts: pd.DataFrame) -> None:
    gehele = ["klant_sinds", "omzet", "orders_per_jaar"]
    gehele += ["relatiegedrag", "koopgedrag", "betalingsgedrag"]
    for kolom in gehele:
        assert accounts[kolom].dtype == "int64", kolom
    for kolom in ["marge", "groei", "share_of_wallet"]:
        assert accounts[kolom].dtype == "float64", kolom
    for kolom in ["sector", "regio", "segment"]:
        assert isinstance(accounts[kolom].dtype, pd.CategoricalDtype), kolom


def test_accounts_geen_onmogelijke_waarden(accounts: pd.DataFrame) -> None:
    df = accounts
    assert df.notna().all().all()
    assert df["account_id"].is_unique and df["bedrijfsnaam"].is_unique
    assert (df["omzet"] > 0).all() and (df["orders_per_jaar"] >= 1).all()
    for kolom in ["relatiegedrag", "koopgedrag", "betalingsgedrag"]:
        assert df[kolom].between(1, 10).all(), kolom
    assert df["share_of_wallet"].between(0, 1).all()
    assert df["marge"].between(0, 60).all()
    assert df["groei"].between(-100, 200).all()
    assert df["klant_sinds"].between(1950, PEILDATUM.year).all()
    assert set(df["segment"]) == {"Key account", "MKB", "Klein zakelijk"}


def test_accounts_omzet_is_scheef(accounts: pd.DataFrame) -> None:
    omzet = accounts["omzet"].sort_values(ascending=False)
    top20 = omzet.head(len(omzet) // 5).sum() / omzet.sum()
    assert 0.70 <= top20 <= 0.88


def test_accounts_abc_wijkt_af_van_segment(accounts: pd.DataFrame) -> None:
    kg = importlib.import_module("klanttools.klantgroepen")
    abc = kg.abc_analyse(accounts.set_index("account_id")["omzet"])
    aandeel_a = (abc["klasse"] == "A").mean()
    assert 0.12 <= aandeel_a <= 0.30
    klasse = abc["klasse"].reindex(accounts["account_id"]).to_numpy()
    key = accounts["segment"].eq("Key account").to_numpy()
    assert (klasse[key] != "A").any()  # niet elke key account is een A-klant


@pytest.mark.parametrize("grens", [5, 5.5, 6, "mediaan"])
def test_accounts_alle_vier_klantgroepen(accounts: pd.DataFrame, grens: float | str) -> None:
    kg = importlib.import_module("klanttools.klantgroepen")
    groepen = kg.klantgroepen(accounts, grens=grens)
    telling = groepen.value_counts()
    for groep in ["Partner", "Vriend", "Economicus", "Dog"]:
        assert telling[groep] >= 25, (grens, groep, telling.to_dict())


def test_accounts_klantgroepen_zonder_module(accounts: pd.DataFrame) -> None:
    hoog_r = accounts["relatiegedrag"] >= 6
    hoog_k = accounts["koopgedrag"] >= 6
    assert (hoog_r & hoog_k).sum() > 25  # Partner
    assert (hoog_r & ~hoog_k).sum() > 25  # Vriend
    assert (~hoog_r & hoog_k).sum() > 25  # Economicus
    assert (~hoog_r & ~hoog_k).sum() > 25  # Dog
    # Vrienden kopen elders: lagere share of wallet dan Partners.
    sow = accounts["share_of_wallet"]
    assert sow[hoog_r & ~hoog_k].median() < sow[hoog_r & hoog_k].median() - 0.2


def test_accounts_knock_out_raakt_grote_klant(accounts: pd.DataFrame) -> None:
    grootste = accounts.nlargest(60, "omzet")
    assert (grootste["betalingsgedrag"] < 5).sum() >= 2


# ---------------------------------------------------------------------------
# leads
# ---------------------------------------------------------------------------


def test_leads_types(leads: pd.DataFrame) -> None:
    for kolom in DATUMS:
        assert pd.api.types.is_datetime64_any_dtype(leads[kolom]), kolom
    assert isinstance(leads["fase"].dtype, pd.CategoricalDtype)
    assert leads["fase"].cat.ordered and list(leads["fase"].cat.categories) == FASEN
    assert isinstance(leads["bron"].dtype, pd.CategoricalDtype)
    assert leads["offertebedrag"].dtype == "Int64"


def test_leads_datums_op_volgorde(leads: pd.DataFrame) -> None:
    df = leads
    assert df["lead_id"].is_unique
    assert df["datum_suspect"].notna().all()
    for eerder, later in zip(DATUMS, DATUMS[1:], strict=False):
        # Een latere fase alleen als de eerdere bereikt is, en nooit vóór de eerdere.
        assert not (df[later].notna() & df[eerder].isna()).any(), later
        beide = df[later].notna()
        assert (df.loc[beide, eerder] <= df.loc[beide, later]).all(), (eerder, later)
    assert (df[DATUMS].max(axis=1) <= PEILDATUM).all()
    assert df["datum_suspect"].is_monotonic_increasing  # volgorde van binnenkomst


def test_leads_fase_past_bij_datums(leads: pd.DataFrame) -> None:
    bereikt = leads[DATUMS].notna().sum(axis=1) - 1
    assert (leads["fase"].cat.codes == bereikt).all()
    heeft_offerte = leads["offertebedrag"].notna()
    assert (heeft_offerte == (leads["fase"] >= "prospect")).all()
    assert (leads["offertebedrag"].dropna() > 0).all()


def test_leads_funnel_en_conversie_per_bron(leads: pd.DataFrame) -> None:
    aantallen = leads[DATUMS].notna().sum()
    assert list(aantallen) == sorted(aantallen, reverse=True)
    assert aantallen["datum_klant"] >= 20
    per_bron = leads.groupby("bron", observed=True)[DATUMS].count()
    assert set(per_bron.index) == {
        "inbound",
        "koude acquisitie",
        "netwerk",
        "beurs",
        "aanbesteding",
    }
    naar_lead = per_bron["datum_lead"] / per_bron["datum_suspect"]
    assert naar_lead["netwerk"] > 3 * naar_lead["koude acquisitie"]
    assert naar_lead.idxmin() == "koude acquisitie"
    offerte = leads.groupby("bron", observed=True)["offertebedrag"].median()
    assert offerte.idxmax() == "aanbesteding"


# ---------------------------------------------------------------------------
# waardestrategie
# ---------------------------------------------------------------------------


def test_waardestrategie_vorm(waardestrategie: pd.DataFrame) -> None:
    df = waardestrategie
    assert df["antwoord"].dtype == "int64"
    assert df["antwoord"].between(1, 5).all()
    assert df["bedrijf"].nunique() == 7
    assert not df.duplicated(["bedrijf", "respondent", "stelling"]).any()
    # Vier medewerkers per bedrijf, elk met alle vijftien stellingen.
    assert df.groupby("bedrijf")["respondent"].nunique().eq(4).all()
    assert df.groupby(["bedrijf", "respondent"])["stelling"].count().eq(15).all()
    assert "Kruisveld Techniek B.V." in set(df["bedrijf"])


def test_waardestrategie_codes_en_uitkomsten(waardestrategie: pd.DataFrame) -> None:
    ws = importlib.import_module("klanttools.waardestrategie")
    codes = {s.code for s in ws.STELLINGEN}
    assert set(waardestrategie["stelling"]) == codes
    # Geen van de oefenbedrijven is al een voorbeeldbedrijf uit de module.
    assert not set(waardestrategie["bedrijf"]) & set(ws.VOORBEELDBEDRIJVEN)
    # Het profiel van een bedrijf: het gemiddelde over al zijn antwoorden per strategie.
    lang = {"OE": "operational_excellence", "CI": "customer_intimacy", "PL": "product_leadership"}
    breed = waardestrategie.assign(d=waardestrategie["stelling"].str[:2].map(lang)).pivot_table(
        index="bedrijf", columns="d", values="antwoord", aggfunc="mean"
    )
    verwacht = {  # bedrijf: (dominant, strategie_fit, crm_fit)
        "Kruisveld Techniek B.V.": ("customer_intimacy", True, True),
        "Prijsmaat Bouwstoffen": ("operational_excellence", False, False),
        "Sensorion B.V.": ("product_leadership", True, False),
        "Meerhorst Accountants": ("customer_intimacy", True, True),
        "Zilverdijk Logistiek": (None, False, False),
        "Valkgaard Installatiegroep": (None, False, False),
        "Heidebeek Zorgtechniek": ("customer_intimacy", False, False),
    }
    assert set(breed.index) == set(verwacht)
    for bedrijf, (dominant, strategie_fit, crm_fit) in verwacht.items():
        b = ws.beoordeel(breed.loc[bedrijf].to_dict())
        assert (b.dominant, b.strategie_fit, b.crm_fit) == (dominant, strategie_fit, crm_fit), (
            bedrijf
        )


def test_waardestrategie_medewerkers_eens_of_oneens(waardestrategie: pd.DataFrame) -> None:
    """Het bereik tussen de medewerkers: vijf bedrijven eens, Zilverdijk en Valkgaard niet."""
    df = waardestrategie.assign(d=waardestrategie["stelling"].str[:2])
    per_medewerker = df.groupby(["bedrijf", "respondent", "d"])["antwoord"].mean().unstack()
    bereik = per_medewerker.groupby(level="bedrijf").agg(lambda x: x.max() - x.min())
    oneens = set(bereik.index[bereik.max(axis=1) >= 1.5])
    assert oneens == {"Zilverdijk Logistiek", "Valkgaard Installatiegroep"}
    assert bereik.drop(index=list(oneens)).max().max() <= 0.6 + 1e-9
    # Bij Zilverdijk twee kampen: directie en uitvoering OE hoog, verkoop en klantenservice CI.
    z = per_medewerker.loc["Zilverdijk Logistiek"]
    assert set(z.index[z["OE"] > z["CI"]]) == {"directie", "uitvoering"}


# ---------------------------------------------------------------------------
# Reproduceerbaar: het script maakt precies deze bestanden
# ---------------------------------------------------------------------------


def _laad_generator():
    spec = importlib.util.spec_from_file_location("maak_datasets", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_opnieuw_genereren_is_byte_voor_byte_gelijk(tmp_path: Path) -> None:
    uit = subprocess.run(
        [sys.executable, str(GENERATOR), "--uitvoer", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert uit.returncode == 0, uit.stderr
    gemaakt = sorted(p.name for p in tmp_path.glob("*.csv"))
    aanwezig = sorted(p.name for p in DATA.glob("*.csv"))
    assert gemaakt == aanwezig == sorted(f"{n}.csv" for n in NAMEN)
    for naam in gemaakt:
        nieuw, oud = (tmp_path / naam).read_bytes(), (DATA / naam).read_bytes()
        assert nieuw == oud, (
            f"data/{naam} wijkt af van wat data/maak_datasets.py nu maakt. Is het script "
            "aangepast of is numpy bijgewerkt? Draai bewust `python data/maak_datasets.py` "
            "en werk data/README.md bij."
        )


def test_bestanden_zijn_klein_en_netjes() -> None:
    for naam in NAMEN:
        pad = DATA / f"{naam}.csv"
        ruw = pad.read_bytes()
        assert len(ruw) < 500_000, naam
        assert not ruw.startswith(b"\xef\xbb\xbf"), f"{naam}: geen BOM"
        assert b"\r" not in ruw, f"{naam}: alleen \\n als regeleinde"
        ruw.decode("utf-8")


def test_loader_en_generator_gebruiken_dezelfde_keuzelijsten() -> None:
    gen = _laad_generator()
    assert gen.METINGEN == datasets._METINGEN
    assert gen.SEGMENTEN == datasets._SEGMENTEN
    assert gen.SECTOREN == datasets._SECTOREN
    assert gen.REGIO == datasets._REGIO
    assert gen.ROLLEN == datasets._ROLLEN
    assert gen.BRONNEN == datasets._BRONNEN
    assert gen.FASEN == datasets._FASEN
    assert set(gen.THEMAS) >= {"levertijd", "prijs", "facturatie", "webshop"}


def test_readme_noemt_de_juiste_aantallen() -> None:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert "synthetisch" in readme.lower()
    for naam in NAMEN:
        pad = DATA / f"{naam}.csv"
        regel = f"| `{naam}` | `{naam}.csv` | {RIJEN[naam]} | {pad.stat().st_size} |"
        assert regel in readme, f"data/README.md: werk de regel voor {naam} bij: {regel}"
        for kolom in datasets._DATASETS[naam].kolommen:
            assert f"| `{kolom}` |" in readme, f"data/README.md beschrijft {kolom!r} niet"


# ---------------------------------------------------------------------------
# Verpakking: de data gaan mee in het pakket (klanttools._data)
# ---------------------------------------------------------------------------


def _pyproject() -> dict:
    with (PROJECT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)


def test_pyproject_levert_de_data_mee() -> None:
    st = _pyproject().get("tool", {}).get("setuptools", {})
    pakketten = st.get("packages")
    assert isinstance(pakketten, list) and "klanttools._data" in pakketten, (
        "pyproject.toml: [tool.setuptools] packages moet een lijst zijn met 'klanttools._data'"
    )
    assert st.get("package-dir", {}).get("klanttools._data") == "data", (
        'pyproject.toml: [tool.setuptools] package-dir = { "klanttools._data" = "data" } ontbreekt'
    )
    data_bestanden = set(st.get("package-data", {}).get("klanttools._data", []))
    assert {"*.csv", "*.md"} <= data_bestanden, (
        'pyproject.toml: [tool.setuptools.package-data] "klanttools._data" = ["*.csv", "*.md"]'
    )
    assert (DATA / "__init__.py").is_file()  # anders vindt een editable install het niet
    # Een expliciete lijst vergeet makkelijk een nieuw subpakket: controleer ze allemaal.
    subpakketten = {
        "klanttools"
        + "".join("." + deel for deel in p.parent.relative_to(PROJECT / "klanttools").parts)
        for p in (PROJECT / "klanttools").rglob("__init__.py")
    }
    ontbreekt = subpakketten - set(pakketten)
    assert not ontbreekt, f"pyproject.toml: zet {sorted(ontbreekt)} in [tool.setuptools] packages"


def test_geinstalleerd_pakket_vindt_de_data() -> None:
    try:
        importlib.metadata.distribution("klanttools")
    except importlib.metadata.PackageNotFoundError:
        pytest.fail(
            "klanttools is niet geïnstalleerd (alleen de broncode): installeer met "
            "`python3 kit.py test`, dat de kit in .venv installeert."
        )
    if importlib.util.find_spec("klanttools._data") is None:
        pytest.fail(
            "klanttools is geïnstalleerd, maar klanttools._data niet: installeer opnieuw met "
            "`pip install -e .` nadat pyproject.toml de regels voor klanttools._data heeft."
        )
    from importlib import resources

    bestanden = {p.name for p in resources.files("klanttools._data").iterdir()}
    assert {f"{n}.csv" for n in NAMEN} | {"README.md"} <= bestanden


@pytest.mark.traag
def test_wheel_bevat_de_data(tmp_path: Path) -> None:
    """Bouw een echte wheel (van een kopie, zodat de projectmap schoon blijft)."""
    bron = tmp_path / "bron"
    bron.mkdir()
    for naam in ["pyproject.toml", "README.md"]:
        if (PROJECT / naam).exists():
            shutil.copy2(PROJECT / naam, bron / naam)
    negeer = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(PROJECT / "klanttools", bron / "klanttools", ignore=negeer)
    shutil.copytree(DATA, bron / "data", ignore=negeer)
    uit = subprocess.run(
        # Zonder build isolation: setuptools en wheel komen uit de testomgeving (extra
        # 'test' in pyproject.toml), zodat deze test ook zonder pakketindex werkt.
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--quiet",
            "-w",
            "dist",
            ".",
        ],
        cwd=bron,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    assert uit.returncode == 0, uit.stderr[-3000:]
    (wheel,) = (bron / "dist").glob("klanttools-*.whl")
    namen = set(zipfile.ZipFile(wheel).namelist())
    for naam in NAMEN:
        assert f"klanttools/_data/{naam}.csv" in namen
    assert "klanttools/_data/README.md" in namen
    assert "klanttools/datasets.py" in namen
    assert not any(n.startswith("data/") for n in namen)


# ---------------------------------------------------------------------------
# Orders (eenheid Technologie): het datawarehouse en de ruwe export
# ---------------------------------------------------------------------------


def test_orders_types_en_kanalen(accounts: pd.DataFrame) -> None:
    orders = laad("orders")
    assert str(orders["datum"].dtype).startswith("datetime64")
    assert orders["bedrag"].dtype == "float64" and (orders["bedrag"] >= 1000).all()
    assert list(orders["kanaal"].cat.categories) == list(_laad_generator_orders().KANALEN)
    assert orders["datum"].min() >= pd.Timestamp("2025-11-01")
    assert orders["datum"].max() <= PEILDATUM
    assert set(orders["account_id"]) <= set(accounts["account_id"])
    assert orders["order_id"].is_unique


def test_orders_webshop_groeit_na_de_nieuwe_webshop() -> None:
    orders = laad("orders")
    na = orders["datum"] >= pd.Timestamp("2026-02-01")
    aandeel = orders.groupby(na)["kanaal"].apply(lambda k: (k == "webshop").mean())
    assert aandeel[True] > 1.5 * aandeel[False]


def test_orders_ruw_is_tekst_met_bewuste_fouten() -> None:
    ruw, orders = laad("orders_ruw"), laad("orders")
    assert all(ruw[k].dtype == object or str(ruw[k].dtype) == "str" for k in ruw.columns)
    assert ruw.duplicated().sum() > 10
    assert ruw["bedrag"].isna().sum() > 3 and ruw["kanaal"].isna().sum() > 3
    assert ruw["bedrag"].dropna().str.fullmatch(r"\d{1,3}(?:\.\d{3})*,\d{2}").all()
    # Opgeschoond zijn het precies de septemberorders uit het datawarehouse.
    schoon = ruw.drop_duplicates()
    sept = orders[orders["datum"].dt.strftime("%Y-%m") == "2026-09"]
    assert list(schoon["order_id"]) == list(sept["order_id"])
    bedrag = pd.to_numeric(schoon["bedrag"].str.replace(".", "").str.replace(",", "."))
    heel = bedrag.notna().to_numpy()
    assert bedrag[heel].to_numpy() == pytest.approx(sept["bedrag"].to_numpy()[heel])


def _laad_generator_orders():
    spec = importlib.util.spec_from_file_location("_maak_orders", DATA / "_maak_orders.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------------------
# dmu_casussen en dmu_leden (eenheid 5, Mensen)
# ---------------------------------------------------------------------------


def test_dmu_casussen_en_leden_passen_bij_elkaar() -> None:
    mensen = importlib.import_module("klanttools.mensen")
    casussen, leden = laad("dmu_casussen"), laad("dmu_leden")
    assert list(casussen["koopsituatie"]) == [
        "nieuwe aankoop",
        "gewijzigde herhaalaankoop",
        "herhaalaankoop",
    ]
    assert set(leden["casus"]) == set(casussen["casus"])
    assert leden.notna()[["casus", "persoon", "functie", "wat", "rol"]].all().all()
    assert not leden.duplicated(["casus", "persoon", "rol"]).any()
    # Elke rol is een DMU-rol (met trema); elk contact een functie uit het klantenteam.
    assert set(leden["rol"].cat.categories) == {r.naam for r in mensen.DMU_ROLLEN.values()}
    assert set(leden["contact"].dropna()) <= set(mensen.KLANTENTEAM_FUNCTIES)
    # Per persoon één contact (of geen), in elke rij van die persoon hetzelfde.
    assert (leden.groupby(["casus", "persoon"])["contact"].nunique(dropna=False) == 1).all()
    # Bewust: iemand met twee rollen in elke casus, en gaten in de dekking.
    assert (leden.groupby(["casus", "persoon"]).size() > 1).groupby("casus").any().all()
    vandermeer = leden[leden["casus"] == "Vandermeer"]
    assert set(vandermeer.loc[vandermeer["contact"].notna(), "rol"]) == {"inkoper", "poortwachter"}
