#include "report/genericnames.h"

#include "analysis/genericlabels.h"

namespace td {

namespace {

template <typename T>
void relabel(QVector<T> &list, const GenericLabels &labels)
{
    for (T &object : list)
        object.name = labels.label(object.id.str(), object.name);
}

} // namespace

Topology withGenericLabels(const Topology &topology)
{
    const GenericLabels labels(topology);
    Topology t = topology;
    relabel(t.circuits, labels);
    relabel(t.racks, labels);
    relabel(t.clusters, labels);
    relabel(t.hosts, labels);
    relabel(t.guests, labels);
    relabel(t.groups, labels);
    return t;
}

} // namespace td
