"""A schematic map of a province's districts, drawn as inline SVG from a data file (no map tiles).

Each district is a square tile on a grid placed roughly where the district lies (``data/districts.json``);
the tile's fill shows how ready the agencies hosted there are and its label says the same in words, so the
colour is never the only carrier. It is a diagram, not a survey map: areas and borders are not drawn.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TILE = 120
GAP = 6

# Fill per band of the share of OIT items ready (light tints: the dark label stays readable on each).
FILLS = {"good": "#cfe8d5", "fair": "#fbe7b5", "poor": "#f6c9c9", "none": "#e6e9ed", "empty": "#ffffff"}


@dataclass(frozen=True)
class Tile:
    name: str
    x: int
    y: int
    agencies: int
    ready_share: int | None  # per cent of OIT items ready across the district's agencies with a stored check
    band: str
    anchor: str

    @property
    def fill(self) -> str:
        return FILLS[self.band]

    @property
    def centre_x(self) -> int:
        return self.x + TILE // 2


@dataclass(frozen=True)
class DistrictMap:
    province: str
    width: int
    height: int
    tiles: list[Tile]
    unplaced: list[str]  # districts of hosted agencies that the data file does not list


@cache
def _layouts() -> dict[str, list[dict[str, object]]]:
    data = json.loads((Path(__file__).parent / "data" / "districts.json").read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if not key.startswith("_")}


def provinces() -> list[str]:
    return sorted(_layouts())


def band_of(share: int | None, agencies: int) -> str:
    if agencies == 0:
        return "empty"
    if share is None:
        return "none"
    if share >= 85:
        return "good"
    if share >= 60:
        return "fair"
    return "poor"


def district_anchor(name: str) -> str:
    return "district-" + hashlib.sha1(name.encode(), usedforsecurity=False).hexdigest()[:10]


def build(province: str, per_district: dict[str, tuple[int, int | None]]) -> DistrictMap | None:
    """The map of ``province`` given (agencies hosted, share of items ready) per district; None if unknown."""
    layout = _layouts().get(province)
    if not layout:
        return None
    tiles: list[Tile] = []
    for entry in layout:
        name = str(entry["name"])
        agencies, share = per_district.get(name, (0, None))
        tiles.append(
            Tile(
                name=name,
                x=int(str(entry["col"])) * (TILE + GAP),
                y=int(str(entry["row"])) * (TILE + GAP),
                agencies=agencies,
                ready_share=share,
                band=band_of(share, agencies),
                anchor=district_anchor(name),
            )
        )
    cols = max(int(str(e["col"])) for e in layout) + 1
    rows = max(int(str(e["row"])) for e in layout) + 1
    placed = {tile.name for tile in tiles}
    return DistrictMap(
        province=province,
        width=cols * (TILE + GAP) - GAP,
        height=rows * (TILE + GAP) - GAP,
        tiles=tiles,
        unplaced=sorted(name for name in per_district if name and name not in placed),
    )
