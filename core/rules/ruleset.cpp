#include "rules/allrules.h"

namespace td {

const QVector<const Rule *> &allRules()
{
    static const std::vector<std::unique_ptr<Rule>> owned = [] {
        std::vector<std::unique_ptr<Rule>> v;
        v.push_back(makeRedundancySameHost());
        v.push_back(makeRedundancySameRack());
        v.push_back(makeRedundancySameCircuit());
        v.push_back(makeSwitchoverMissing());
        v.push_back(makeSimilarGuestsSameHost());
        v.push_back(makeNonRedundantColocated());
        v.push_back(makeVmotionNicShared());
        v.push_back(makeVmotionNicMissing());
        v.push_back(makeLiveMigrationNicShared());
        v.push_back(makeLiveMigrationNicMissing());
        v.push_back(makeFtUnsupported());
        v.push_back(makeFtVcpuLimit());
        v.push_back(makeFtNotAppFailover());
        v.push_back(makeFtUntested());
        v.push_back(makeFtLoggingNicMissing());
        v.push_back(makeFtHostLimit());
        v.push_back(makeLicenseDynamicMac());
        v.push_back(makeLicenseMixedCpu());
        v.push_back(makeDrsMovesLiveCalls());
        v.push_back(makeMediaServerHyperv());
        v.push_back(makeCapacityMemory());
        v.push_back(makeCapacityCpu());
        v.push_back(makeCapacityHostFailure());
        v.push_back(makeUnplacedGuest());
        v.push_back(makeUnknownFailureDomain());
        v.push_back(makeWaiverUnused());
        return v;
    }();
    static const QVector<const Rule *> rules = [] {
        QVector<const Rule *> r;
        for (const auto &rule : owned)
            r.append(rule.get());
        return r;
    }();
    return rules;
}

} // namespace td
