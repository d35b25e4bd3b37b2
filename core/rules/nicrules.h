#pragma once

#include "rules/rule.h"

namespace td {

// What the four migration-NIC rules share: one hypervisor, one migration
// traffic type, and either "that traffic shares a NIC with X" or "no NIC
// carries that traffic" (hosts in a cluster only).
class MigrationNicRule : public Rule
{
public:
    enum class Mode { Shared, Missing };
    struct Params
    {
        Hypervisor hypervisor;
        Traffic traffic;
        TrafficSet conflicting; // Shared: traffic types that must not share the NIC
        Mode mode;
    };

    MigrationNicRule(const Info &info, const Params &params) : Rule(info), mParams(params) {}

    void check(const RuleContext &c, int pos, QVector<Finding> &out) const final;

private:
    Params mParams;
};

} // namespace td
