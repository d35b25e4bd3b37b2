#pragma once

#include "model/topology.h"

namespace td {

// Generic labels for presentations and reports that must not show a
// customer's names: hosts become "Host 1", "Host 2", ... (document order) and
// guests their product's name and a letter per product ("CIC Server A",
// "CIC Server B", ..., "Z", "AA", ...). Stable for a given layout: the labels
// follow the document order only.
class GenericNames final
{
public:
    explicit GenericNames(const Topology &topology);

    QString host(int pos) const { return mHosts.value(pos); }
    QString guest(int pos) const { return mGuests.value(pos); }

    // A copy of the layout with host and guest names replaced by their labels.
    static Topology applied(const Topology &topology);
    // "A", "B", ..., "Z", "AA", "AB", ... for 0, 1, ...
    static QString letters(int index);

private:
    QStringList mHosts;
    QStringList mGuests;
};

} // namespace td
