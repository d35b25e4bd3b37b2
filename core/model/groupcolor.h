#pragma once

#include "model/ids.h"

namespace td {

// How many colours groups are told apart by (the canvas's and the reports'
// palettes both have this many).
constexpr int kGroupColorCount = 8;

// The colour (0 .. kGroupColorCount-1) a redundancy group is drawn in, on the
// canvas and in the reports. It depends on the group's id alone, so that a
// group keeps its colour while others are added, deleted or reordered (a
// colour by position recoloured every group after a deleted one).
int groupColorSlot(const GroupId &id);

} // namespace td
