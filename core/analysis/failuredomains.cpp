#include "analysis/failuredomains.h"

namespace td {

const QVector<CircuitId> &FailureDomains::feeds(int hostPos) const
{
    static const QVector<CircuitId> kNone;
    const Host &h = mTopology.hosts.at(hostPos);
    if (!h.power.isEmpty())
        return h.power;
    const int rack = mIndex.rack(h.rack);
    return rack >= 0 ? mTopology.racks.at(rack).circuits : kNone;
}

bool FailureDomains::hostDown(const Failure &failure, int hostPos) const
{
    switch (failure.kind) {
    case Failure::Kind::Host: return hostPos == failure.pos;
    case Failure::Kind::Rack: return mIndex.rack(mTopology.hosts.at(hostPos).rack) == failure.pos;
    case Failure::Kind::Circuit: {
        const QVector<CircuitId> &f = feeds(hostPos);
        return f.size() == 1 && mIndex.circuit(f.first()) == failure.pos;
    }
    }
    return false;
}

bool FailureDomains::allDown(const Failure &failure, const QVector<int> &hostPositions) const
{
    if (hostPositions.isEmpty() || failure.pos < 0)
        return false;
    for (int h : hostPositions) {
        if (!hostDown(failure, h))
            return false;
    }
    return true;
}

} // namespace td
