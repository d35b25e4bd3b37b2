#pragma once

#include "model/topology.h"
#include "model/topologyindex.h"

#include <QString>

namespace td::test {

// How an index kept in step with a topology (the Document's, updated edit by
// edit) differs from one built anew from it: every id's kind and position,
// and every relation list (as sets: their order is not part of the index's
// contract). Empty when they agree.
QString indexDifference(const Topology &topology, const TopologyIndex &index);

} // namespace td::test
