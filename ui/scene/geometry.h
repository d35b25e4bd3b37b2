#pragma once

#include "invariants.h"

#include <QtGlobal>

namespace td::geometry {

// Sizes of the canvas drawing, in scene units (pixels at 100 %).
constexpr qreal kUnitHeight = 34;     // one rack unit
constexpr qreal kRackHeader = 30;     // rack title bar
constexpr qreal kUnitLabelWidth = 26; // unit numbers at the rack's left
constexpr qreal kHostBarWidth = 190;  // the host's front in the elevation
constexpr qreal kChipWidth = 112;
constexpr qreal kChipHeight = 28;
constexpr qreal kChipGap = 4;
constexpr int kChipsPerRow = 4;
constexpr qreal kLaneWidth = kChipsPerRow * (kChipWidth + kChipGap) + kChipGap;
constexpr qreal kHostWidth = kHostBarWidth + kLaneWidth;
constexpr qreal kRackWidth = kUnitLabelWidth + kHostWidth + 6;
constexpr qreal kRackGap = 90;
constexpr int kRacksPerRow = 6;
constexpr qreal kCircuitWidth = 180;
constexpr qreal kCircuitHeight = 30;
constexpr qreal kCircuitGap = 24;
constexpr qreal kRacksTop = 120;
constexpr int kDefaultRackUnits = Limits::kDefaultRackUnits; // the domain's, drawn
constexpr qreal kAreaHeader = 30;
constexpr int kUnplacedPerRow = 5;

// The compact rack view (projectors): a run of empty units shrinks to one
// thin band, racks stand in a grid shaped for a 4:3 screen, and chips show
// their name large.
constexpr qreal kCollapsedRun = 12; // a run of empty units, whatever its length
constexpr qreal kCompactRackGap = 40;
constexpr qreal kCompactRacksTop = 70;
constexpr qreal kChipNamePoints = 8;
constexpr qreal kCompactChipNamePoints = 12;

} // namespace td::geometry
