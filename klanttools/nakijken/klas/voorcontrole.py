"""Voorcontrole per inlevering: herstellen op een kopie, quarantaine, en weigeren met een reden.

Vóór nbgrader een inlevering ziet, maakt :func:`voorcontrole` een **kopie** van de map
``submitted/<student>/<opdracht>/`` (het origineel blijft onaangeroerd) en:

- **herstelt** wat een student per ongeluk kapotmaakte: gekopieerde of dubbele cellen,
  verwijderde, veranderde of tot tekst gemaakte testcellen (teruggezet uit de
  docentenversie), een antwoordcel die tekst werd, ontbrekende cel-id's, een oud
  notebookformaat, en een hernoemd notebook (``nps-analyse (1).ipynb``) als dat
  eenduidig is;
- zet in **quarantaine** (kopieert niet mee) wat geen gewoon bestand is: symbolische
  links, apparaten, fifo's, en te grote bestanden;
- **weigert** wat niet na te kijken is, met een Nederlandse reden: ontbrekend, leeg,
  beschadigd, een symbolische link als notebook.

Alles wat nodig is, komt uit de nbgrader-metadata van de docentenversie
(:class:`Bron`): welke cellen er zijn, van welk soort, in welke volgorde.

Examples
--------
>>> zonder_verborgen_tests("a = 1\\n### BEGIN HIDDEN TESTS\\ngeheim\\n### END HIDDEN TESTS\\nb")
'a = 1\\nb'
>>> lijkt_op("nps-analyse", "Kopie van nps-analyse (1).ipynb")
True
>>> lijkt_op("nps-analyse", "iets-anders.ipynb")
False
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import shutil
import stat
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "Bron",
    "Broncel",
    "Voorcontrole",
    "lijkt_op",
    "vingerafdruk",
    "voorcontrole",
    "zonder_verborgen_tests",
]

MAX_NOTEBOOK_MB = 25
"""Groter notebook: geweigerd (een opdrachtnotebook is een paar honderd kB)."""
MAX_BESTAND_MB = 50
"""Groter bijbestand: in quarantaine."""

_OVERSLAAN = {".ipynb_checkpoints", "__pycache__", ".DS_Store", "__MACOSX"}

_STUB = (
    "# Deze antwoordcel ontbrak in de inlevering en is leeg teruggezet.\n"
    'raise NotImplementedError("Geen antwoord ingeleverd.")'
)


def zonder_verborgen_tests(bron: str) -> str:
    """De bron zoals de student hem kreeg: zonder het gebied met verborgen tests."""
    regels, binnen = [], False
    for regel in bron.split("\n"):
        if "BEGIN HIDDEN TESTS" in regel:
            binnen = True
            continue
        if "END HIDDEN TESTS" in regel:
            binnen = False
            continue
        if not binnen:
            regels.append(regel)
    return "\n".join(regels)


def _normaal(naam: str) -> str:
    return re.sub(r"[^a-z0-9]", "", naam.lower())


def lijkt_op(verwacht: str, bestandsnaam: str) -> bool:
    """Is ``bestandsnaam`` een hernoemde versie van notebook ``verwacht`` (zonder .ipynb)?"""
    stam = bestandsnaam[: -len(".ipynb")] if bestandsnaam.endswith(".ipynb") else bestandsnaam
    return bool(_normaal(verwacht)) and _normaal(verwacht) in _normaal(stam)


def _tekst(cel: dict[str, Any]) -> str:
    bron = cel.get("source", "")
    return "".join(bron) if isinstance(bron, list) else str(bron)


def _meta(cel: dict[str, Any]) -> dict[str, Any]:
    m = cel.get("metadata", {})
    nbg = m.get("nbgrader") if isinstance(m, dict) else None
    return nbg if isinstance(nbg, dict) else {}


@dataclass(frozen=True)
class Broncel:
    """Eén cel met nbgrader-metadata uit de docentenversie."""

    grade_id: str
    cel: dict[str, Any]

    @property
    def soort(self) -> str:
        """``antwoord``, ``test``, ``taak`` of ``vast`` (alleen-lezen)."""
        m = _meta(self.cel)
        if m.get("solution"):
            return "antwoord"
        if m.get("grade"):
            return "test"
        if m.get("task"):
            return "taak"
        return "vast"

    @property
    def punten(self) -> float:
        m = _meta(self.cel)
        return float(m.get("points") or 0) if (m.get("grade") or m.get("task")) else 0.0


@dataclass
class Bron:
    """De nbgrader-cellen van één notebook uit ``source/<opdracht>/``, in volgorde."""

    naam: str
    cellen: list[Broncel]
    kernelspec: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def lees(cls, pad: Path) -> Bron:
        nb = json.loads(Path(pad).read_text(encoding="utf-8"))
        cellen = [Broncel(_meta(c)["grade_id"], c) for c in nb["cells"] if _meta(c).get("grade_id")]
        return cls(Path(pad).stem, cellen, nb.get("metadata", {}).get("kernelspec", {}))

    def per_id(self) -> dict[str, Broncel]:
        return {c.grade_id: c for c in self.cellen}

    def met_punten(self) -> list[Broncel]:
        """De cellen die punten opleveren (tests, handmatige antwoorden, taken)."""
        return [c for c in self.cellen if c.punten > 0 or _meta(c.cel).get("grade")]


@dataclass
class Voorcontrole:
    """Uitkomst van de voorcontrole van één student."""

    student: str
    nakijkbaar: bool = True
    herstellingen: list[str] = field(default_factory=list)
    quarantaine: list[str] = field(default_factory=list)
    weigering: str = ""
    vingerafdruk: str = ""

    @property
    def status(self) -> str:
        """``nagekeken`` (na het nakijken), ``hersteld: …`` of ``niet nakijkbaar: …``."""
        if not self.nakijkbaar:
            return f"niet nakijkbaar: {self.weigering}"
        if self.herstellingen or self.quarantaine:
            return "hersteld: " + "; ".join(self.herstellingen + self.quarantaine)
        return "nagekeken"


def vingerafdruk(map_: Path, extra: str = "") -> str:
    """Een hash over alle namen, soorten en inhoud in een map (symlinks niet volgen)."""
    h = hashlib.sha256(extra.encode())
    map_ = Path(map_)
    if map_.is_symlink() or not map_.exists():
        h.update(f"afwezig-of-link:{map_}".encode())
        return h.hexdigest()
    for pad in sorted(map_.rglob("*")):
        rel = pad.relative_to(map_).as_posix()
        st = pad.lstat()
        h.update(f"{rel}\0{stat.S_IFMT(st.st_mode)}\0{st.st_size}\0".encode())
        if stat.S_ISREG(st.st_mode) and st.st_size <= MAX_BESTAND_MB * 1024 * 1024:
            h.update(pad.read_bytes())
        elif stat.S_ISLNK(st.st_mode):
            h.update(str(pad.readlink()).encode())
    return h.hexdigest()


def _soort_bestand(pad: Path) -> str | None:
    """Waarom dit geen gewoon bestand is (Nederlands), of None als het er wel een is."""
    st = pad.lstat()
    if stat.S_ISLNK(st.st_mode):
        try:
            doel = str(pad.readlink())
        except OSError:
            doel = "?"
        return f"een symbolische link (naar {doel})"
    if stat.S_ISDIR(st.st_mode):
        return "een map"
    if stat.S_ISFIFO(st.st_mode):
        return "een fifo"
    if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode):
        return "een apparaatbestand"
    if stat.S_ISSOCK(st.st_mode):
        return "een socket"
    if not stat.S_ISREG(st.st_mode):
        return "geen gewoon bestand"
    return None


def _kopieer_bijbestanden(
    bron: Path, doel: Path, notebooks: set[str], quarantaine: list[str], rel: str = ""
) -> None:
    for item in sorted(bron.iterdir()):
        naam = f"{rel}{item.name}"
        if item.name in _OVERSLAAN or (not rel and item.name in notebooks):
            continue
        soort = _soort_bestand(item)
        if soort == "een map":
            (doel / item.name).mkdir(exist_ok=True)
            _kopieer_bijbestanden(item, doel / item.name, notebooks, quarantaine, f"{naam}/")
        elif soort is not None:
            quarantaine.append(f"'{naam}' in quarantaine ({soort})")
        elif item.stat().st_size > MAX_BESTAND_MB * 1024 * 1024:
            quarantaine.append(f"'{naam}' in quarantaine (groter dan {MAX_BESTAND_MB} MB)")
        else:
            shutil.copyfile(item, doel / item.name)


def _lees_notebook(pad: Path) -> tuple[dict[str, Any] | None, str, list[str]]:
    """Lees en normaliseer een notebook. Geeft (notebook, weigering, herstellingen)."""
    import nbformat

    grootte = pad.stat().st_size
    if grootte > MAX_NOTEBOOK_MB * 1024 * 1024:
        return (
            None,
            f"het notebook is te groot ({grootte / 1e6:.0f} MB; maximaal {MAX_NOTEBOOK_MB} MB)",
            [],
        )
    ruw = pad.read_bytes()
    if not ruw.strip():
        return None, f"het notebook '{pad.name}' is leeg ({grootte} bytes)", []
    try:
        tekst = ruw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, f"het notebook '{pad.name}' is beschadigd (geen UTF-8-tekst)", []
    try:
        data = json.loads(tekst)
    except json.JSONDecodeError as e:
        return (
            None,
            (
                f"het notebook '{pad.name}' is beschadigd: geen geldig notebook "
                f"(JSON-fout op regel {e.lineno}, kolom {e.colno})"
            ),
            [],
        )
    if not isinstance(data, dict) or not isinstance(
        data.get("cells", data.get("worksheets")), list
    ):
        return None, f"het notebook '{pad.name}' is beschadigd: er staan geen cellen in", []
    herstel: list[str] = []
    versie = data.get("nbformat")
    try:
        nb = nbformat.reads(tekst, as_version=4, capture_validation_error={})
    except Exception as e:  # nbformat geeft uiteenlopende fouten bij rommel
        return None, f"het notebook '{pad.name}' is beschadigd ({type(e).__name__})", []
    if versie != 4:
        herstel.append(f"oud notebookformaat (versie {versie}) omgezet naar versie 4")
    nb = json.loads(json.dumps(nb)) if versie != 4 else data
    if not isinstance(nb.get("cells"), list) or not all(isinstance(c, dict) for c in nb["cells"]):
        return None, f"het notebook '{pad.name}' is beschadigd: de cellen zijn onleesbaar", []
    if not nb["cells"]:
        return None, f"het notebook '{pad.name}' bevat geen cellen", []
    nb.setdefault("metadata", {})
    gezien: set[str] = set()
    ids_gemaakt = 0
    for cel in nb["cells"]:
        if not isinstance(cel.get("metadata"), dict):
            cel["metadata"] = {}
        if cel.get("cell_type") not in ("code", "markdown", "raw"):
            cel["cell_type"] = "raw"
        cid = cel.get("id")
        if (
            not isinstance(cid, str)
            or not re.fullmatch(r"[a-zA-Z0-9-_]{1,64}", cid)
            or cid in gezien
        ):
            cel["id"] = uuid.uuid4().hex[:12]
            ids_gemaakt += 1
        gezien.add(cel["id"])
        cel["source"] = _tekst(cel)
        if cel["cell_type"] == "code":
            cel["outputs"], cel["execution_count"] = [], None
        else:
            cel.pop("outputs", None)
            cel.pop("execution_count", None)
    if ids_gemaakt and versie == 4:
        herstel.append(f"{ids_gemaakt} cel-id('s) ontbraken of waren dubbel; aangevuld")
    nb["nbformat"], nb["nbformat_minor"] = 4, max(5, int(nb.get("nbformat_minor") or 0))
    return nb, "", herstel


def _nieuwe_cel(broncel: dict[str, Any], bron: str | None = None) -> dict[str, Any]:
    cel = copy.deepcopy(broncel)
    cel["id"] = uuid.uuid4().hex[:12]
    if bron is not None:
        cel["source"] = bron
    if cel["cell_type"] == "code":
        cel["outputs"], cel["execution_count"] = [], None
    return cel


def herstel_cellen(nb: dict[str, Any], bron: Bron) -> list[str]:
    """Zet de nbgrader-cellen van ``nb`` recht volgens de docentenversie (ter plekke).

    Geeft de herstellingen in het Nederlands. Antwoordcellen houden de code van de
    student; test-, taak- en vaste cellen komen uit de docentenversie.
    """
    herstel: list[str] = []
    per_id = bron.per_id()
    laatste: dict[str, int] = {}
    for i, cel in enumerate(nb["cells"]):
        gid = _meta(cel).get("grade_id")
        if gid in per_id:
            laatste[gid] = i
    nieuw: list[dict[str, Any]] = []
    for i, cel in enumerate(nb["cells"]):
        m = _meta(cel)
        gid = m.get("grade_id")
        if "nbgrader" in cel.get("metadata", {}) and gid not in per_id:
            del cel["metadata"]["nbgrader"]
            if gid:
                herstel.append(f"onbekende nakijkcel '{gid}' als gewone cel behandeld")
            nieuw.append(cel)
            continue
        if gid is None:
            nieuw.append(cel)
            continue
        broncel = per_id[gid]
        if laatste[gid] != i:  # een kopie: de laatste telt (zoals nbgrader)
            if broncel.soort == "antwoord":
                del cel["metadata"]["nbgrader"]
                herstel.append(
                    f"dubbele antwoordcel '{gid}': de laatste telt, de andere is gewone code"
                )
                nieuw.append(cel)
            else:
                herstel.append(f"dubbele cel '{gid}' weggehaald")
            continue
        if broncel.soort == "antwoord":
            if cel.get("cell_type") != broncel.cel["cell_type"]:
                herstel.append(f"antwoordcel '{gid}' was van soort veranderd; teruggezet")
                cel["cell_type"] = broncel.cel["cell_type"]
                if cel["cell_type"] == "code":
                    cel["outputs"], cel["execution_count"] = [], None
                else:
                    cel.pop("outputs", None)
                    cel.pop("execution_count", None)
            cel["metadata"]["nbgrader"] = copy.deepcopy(_meta(broncel.cel))
            nieuw.append(cel)
            continue
        origineel = broncel.cel
        if cel.get("cell_type") != origineel["cell_type"]:
            herstel.append(f"cel '{gid}' was van soort veranderd; teruggezet")
        elif (
            broncel.soort == "test"
            and _tekst(cel).strip() != zonder_verborgen_tests(_tekst(origineel)).strip()
        ):
            herstel.append(f"testcel '{gid}' was veranderd; de originele test is gebruikt")
        vervangen = _nieuwe_cel(origineel)
        vervangen["id"] = cel.get("id", vervangen["id"])
        nieuw.append(vervangen)
    # Ontbrekende cellen terugzetten, na hun voorganger uit de docentenversie.
    aanwezig = {_meta(c).get("grade_id") for c in nieuw}
    for j, broncel in enumerate(bron.cellen):
        if broncel.grade_id in aanwezig:
            continue
        if broncel.soort == "antwoord":
            cel = _nieuwe_cel(broncel.cel, _STUB if broncel.cel["cell_type"] == "code" else "")
            herstel.append(f"antwoordcel '{broncel.grade_id}' ontbrak; leeg teruggezet")
        else:
            cel = _nieuwe_cel(broncel.cel)
            if broncel.soort in ("test", "taak"):
                herstel.append(f"verwijderde cel '{broncel.grade_id}' teruggezet")
        plek = 0
        for vorige in reversed(bron.cellen[:j]):
            idx = [k for k, c in enumerate(nieuw) if _meta(c).get("grade_id") == vorige.grade_id]
            if idx:
                plek = idx[-1] + 1
                break
        nieuw.insert(plek, cel)
        aanwezig.add(broncel.grade_id)
    nb["cells"] = nieuw
    return herstel


def _zoek_notebook(map_: Path, naam: str, verwacht: set[str]) -> tuple[Path | None, str, str]:
    """Vind het notebook ``naam`` (of een eenduidig hernoemde versie). (pad, herstel, weigering)."""
    pad = map_ / f"{naam}.ipynb"
    if pad.is_symlink() or pad.exists():
        return pad, "", ""
    kandidaten = [
        p
        for p in sorted(map_.iterdir())
        if p.suffix.lower() == ".ipynb" and p.name not in verwacht and not p.name.startswith(".")
    ]
    lijkend = [p for p in kandidaten if lijkt_op(naam, p.name)]
    keuze = lijkend if len(lijkend) == 1 else (kandidaten if len(verwacht) == 1 else [])
    if len(keuze) == 1:
        return keuze[0], f"notebook heette '{keuze[0].name}'; nagekeken als '{naam}.ipynb'", ""
    if kandidaten:
        namen = ", ".join(f"'{p.name}'" for p in kandidaten)
        return (
            None,
            "",
            (
                f"het notebook '{naam}.ipynb' ontbreekt, en welk van de andere notebooks "
                f"({namen}) het is, is niet eenduidig"
            ),
        )
    return None, "", f"het notebook '{naam}.ipynb' ontbreekt in de inlevering"


def voorcontrole(
    ingeleverd: Path, kopie: Path, bronnen: list[Bron], student: str, extra: str = ""
) -> Voorcontrole:
    """Controleer ``ingeleverd`` en schrijf een herstelde kopie naar ``kopie``.

    Parameters
    ----------
    ingeleverd : Path
        ``submitted/<student>/<opdracht>/`` (wordt alleen gelezen).
    kopie : Path
        Waar de nakijkbare kopie komt (wordt eerst leeggemaakt).
    bronnen : list of Bron
        De notebooks van de opdracht (docentenversie).
    extra : str
        Gaat mee in de vingerafdruk (instellingen die de uitslag beïnvloeden).
    """
    uit = Voorcontrole(student, vingerafdruk=vingerafdruk(ingeleverd, extra))
    if kopie.exists():
        shutil.rmtree(kopie)
    for map_ in (ingeleverd.parent, ingeleverd):
        if map_.is_symlink() or not map_.is_dir():
            uit.nakijkbaar = False
            uit.weigering = f"de map '{map_.name}' is {_soort_bestand(map_) or 'geen map'}"
            return uit
    kopie.mkdir(parents=True)
    verwacht = {f"{b.naam}.ipynb" for b in bronnen}
    gebruikt: set[str] = set()
    for b in bronnen:
        pad, hernoemd, weigering = _zoek_notebook(ingeleverd, b.naam, verwacht)
        if pad is None:
            uit.nakijkbaar, uit.weigering = False, weigering
            return uit
        soort = _soort_bestand(pad)
        if soort is not None:
            uit.nakijkbaar = False
            uit.weigering = f"het notebook '{pad.name}' is {soort}, geen gewoon bestand"
            return uit
        nb, weigering, herstel = _lees_notebook(pad)
        if nb is None:
            uit.nakijkbaar, uit.weigering = False, weigering
            return uit
        if hernoemd:
            uit.herstellingen.append(hernoemd)
        uit.herstellingen += herstel
        if not any(_meta(c).get("grade_id") in b.per_id() for c in nb["cells"]):
            uit.nakijkbaar = False
            uit.weigering = (
                f"'{pad.name}' is niet het opdrachtnotebook: er staat geen enkele cel van de "
                "opdracht in"
            )
            return uit
        uit.herstellingen += herstel_cellen(nb, b)
        if b.kernelspec and not nb["metadata"].get("kernelspec"):
            nb["metadata"]["kernelspec"] = b.kernelspec
        (kopie / f"{b.naam}.ipynb").write_text(
            json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        gebruikt.add(pad.name)
    _kopieer_bijbestanden(ingeleverd, kopie, gebruikt | verwacht, uit.quarantaine)
    return uit
