#include "rules/allrules.h"
#include "rules/nicrules.h"

namespace td {

std::unique_ptr<Rule> makeVmotionNicShared()
{
    static const Rule::Info info{
        "vmotion-nic-shared",
        Severity::Warning,
        Scope::Host,
        QT_TRANSLATE_NOOP("td::Rule", "vMotion shares a NIC"),
        QT_TRANSLATE_NOOP("td::Rule",
                          "A vMotion copies a running VM's memory over the network at full speed. On a NIC it shares "
                          "with other traffic, it starves calls, media and storage on that link while it runs, and a "
                          "PureConnect server under load suffers. Give vMotion a NIC (or a pair of NICs) of its own."),
        QT_TRANSLATE_NOOP("td::Rule", "PureConnect virtualization guidance: vMotion traffic on a dedicated NIC.")};
    return std::make_unique<MigrationNicRule>(info,
                                              MigrationNicRule::Params{Hypervisor::VSphere, Traffic::VMotion,
                                                                       static_cast<TrafficSet>(~bit(Traffic::VMotion)),
                                                                       MigrationNicRule::Mode::Shared});
}

} // namespace td
