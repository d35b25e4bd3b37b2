#include "rules/allrules.h"
#include "rules/nicrules.h"

namespace td {

std::unique_ptr<Rule> makeVmotionNicMissing()
{
    static const Rule::Info info{
        "vmotion-nic-missing",
        Severity::Warning,
        Scope::Host,
        QT_TRANSLATE_NOOP("td::Rule", "No vMotion NIC"),
        QT_TRANSLATE_NOOP("td::Rule", "This host is in a cluster but none of its NICs is marked for vMotion traffic, "
                                      "so DRS, maintenance mode and manual migrations either cannot move VMs or move "
                                      "them over a NIC meant for something else. Add a NIC dedicated to vMotion."),
        QT_TRANSLATE_NOOP("td::Rule", "PureConnect virtualization guidance: vMotion traffic on a dedicated NIC.")};
    return std::make_unique<MigrationNicRule>(info, MigrationNicRule::Params{Hypervisor::VSphere, Traffic::VMotion, 0,
                                                                             MigrationNicRule::Mode::Missing});
}

} // namespace td
