#pragma once

#include "rules/rule.h"

#include <memory>

namespace td {

// One factory per rule file, in RULES.md order (ruleset.cpp lists them).
std::unique_ptr<Rule> makeRedundancySameHost();
std::unique_ptr<Rule> makeRedundancySameRack();
std::unique_ptr<Rule> makeRedundancySameCircuit();
std::unique_ptr<Rule> makeSwitchoverMissing();
std::unique_ptr<Rule> makeSimilarGuestsSameHost();
std::unique_ptr<Rule> makeNonRedundantColocated();
std::unique_ptr<Rule> makeVmotionNicShared();
std::unique_ptr<Rule> makeVmotionNicMissing();
std::unique_ptr<Rule> makeLiveMigrationNicShared();
std::unique_ptr<Rule> makeLiveMigrationNicMissing();
std::unique_ptr<Rule> makeFtUnsupported();
std::unique_ptr<Rule> makeFtVcpuLimit();
std::unique_ptr<Rule> makeFtNotAppFailover();
std::unique_ptr<Rule> makeFtUntested();
std::unique_ptr<Rule> makeFtLoggingNicMissing();
std::unique_ptr<Rule> makeFtHostLimit();
std::unique_ptr<Rule> makeLicenseDynamicMac();
std::unique_ptr<Rule> makeLicenseMixedCpu();
std::unique_ptr<Rule> makeDrsMovesLiveCalls();
std::unique_ptr<Rule> makeMediaServerHyperv();
std::unique_ptr<Rule> makeCapacityMemory();
std::unique_ptr<Rule> makeCapacityCpu();
std::unique_ptr<Rule> makeCapacityHostFailure();
std::unique_ptr<Rule> makeUnplacedGuest();
std::unique_ptr<Rule> makeUnknownFailureDomain();
std::unique_ptr<Rule> makeWaiverUnused();

} // namespace td
