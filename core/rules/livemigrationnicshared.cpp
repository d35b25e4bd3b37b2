#include "rules/allrules.h"
#include "rules/nicrules.h"

namespace td {

std::unique_ptr<Rule> makeLiveMigrationNicShared()
{
    static const Rule::Info info{
        "live-migration-nic-shared",
        Severity::Warning,
        Scope::Host,
        QT_TRANSLATE_NOOP("td::Rule", "Live Migration shares a NIC with guest or management traffic"),
        QT_TRANSLATE_NOOP("td::Rule", "A Live Migration copies a running VM's memory over the network. On the NIC that "
                                      "carries guest (vm) or management traffic it starves calls and media, and can "
                                      "cut the host off from management. Put Live Migration on a separate NIC and "
                                      "restrict it with Add-VMMigrationNetwork."),
        QT_TRANSLATE_NOOP("td::Rule", "PureConnect virtualization guidance: Live Migration on a separate NIC away from "
                                      "guest and management traffic.")};
    return std::make_unique<MigrationNicRule>(
        info, MigrationNicRule::Params{Hypervisor::HyperV, Traffic::LiveMigration,
                                       bit(Traffic::Vm) | bit(Traffic::Management), MigrationNicRule::Mode::Shared});
}

} // namespace td
