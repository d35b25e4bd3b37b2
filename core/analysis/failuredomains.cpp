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
    return failure.pos >= 0 && down(hostPos, domain(hostPos), failure);
}

HostDomain FailureDomains::domain(int hostPos) const
{
    HostDomain d;
    d.rack = mIndex.rack(mTopology.hosts.at(hostPos).rack);
    for (const CircuitId &c : feeds(hostPos)) {
        const int pos = mIndex.circuit(c);
        if (pos >= 0 && !d.feeds.contains(pos))
            d.feeds.append(pos);
    }
    return d;
}

bool FailureDomains::down(int hostPos, const HostDomain &domain, const FailedSet &failed)
{
    if (failed.hosts.value(hostPos) || (domain.rack >= 0 && failed.racks.value(domain.rack)))
        return true;
    if (domain.feeds.isEmpty())
        return false;
    for (int c : domain.feeds) {
        if (!failed.circuits.value(c))
            return false;
    }
    return true;
}

bool FailureDomains::down(int hostPos, const HostDomain &domain, const Failure &failure)
{
    // down() with only this failure in the set.
    if (failure.pos < 0)
        return false;
    switch (failure.kind) {
    case Failure::Kind::Host: return hostPos == failure.pos;
    case Failure::Kind::Rack: return domain.rack >= 0 && domain.rack == failure.pos;
    case Failure::Kind::Circuit: break;
    }
    if (domain.feeds.isEmpty())
        return false;
    for (int c : domain.feeds) {
        if (c != failure.pos)
            return false;
    }
    return true;
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
