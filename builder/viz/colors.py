"""One palette for the page, the static image and the legends: node types, weapons, event classes."""
from __future__ import annotations

TYPES = {"ArmedGroup": "#c0392b", "MilitaryForce": "#2c6fbb", "GovernmentBody": "#6c5ce7", "Official": "#8e44ad",
         "Person": "#a0522d", "MilitaryBase": "#1e8449", "OilField": "#b9770e", "GasField": "#d4ac0d",
         "Place": "#7f8c8d", "MediaOutlet": "#16a085", "Organization": "#5d6d7e", "Unknown": "#bbbbbb",
         "Other": "#95a5a6"}
WEAPONS = {"rocket": "#e67e22", "missile": "#d35400", "mortar": "#8e44ad", "artillery": "#795548",
           "airstrike": "#2980b9", "drone": "#16a085", "ied": "#c0392b", "unknown": "#7f8c8d"}
EVENTS = {"Attack": "#7f8c8d", "RocketAttack": "#e67e22", "MortarAttack": "#8e44ad", "ArtilleryShelling": "#795548",
          "AirStrike": "#2980b9", "DroneStrike": "#16a085", "IEDAttack": "#c0392b"}
PLACE_EDGE = "#aaaaaa"
RETALIATION = "#c0392b"
FALLBACK = "#95a5a6"


def palette() -> dict[str, dict[str, str]]:
    return {"types": TYPES, "weapons": WEAPONS, "events": EVENTS}
