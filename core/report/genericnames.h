#pragma once

#include "model/topology.h"

namespace td {

// A copy of the layout with every labelled object's name (hosts, guests,
// racks, circuits, clusters, groups) replaced by its GenericLabels label, the
// same labels presentation mode shows: what reports write with --hide-names.
Topology withGenericLabels(const Topology &topology);

} // namespace td
