#include "rules/allrules.h"
#include "rules/nicrules.h"

namespace td {

std::unique_ptr<Rule> makeLiveMigrationNicMissing()
{
    static const Rule::Info info{
        "live-migration-nic-missing",
        Severity::Warning,
        Scope::Host,
        QT_TRANSLATE_NOOP("td::Rule", "No Live Migration NIC"),
        QT_TRANSLATE_NOOP("td::Rule", "This host is in a failover cluster but none of its NICs is marked for Live "
                                      "Migration, so migrations run over whatever network Hyper-V picks, guest traffic "
                                      "included. Add a NIC for Live Migration and set it with Add-VMMigrationNetwork."),
        QT_TRANSLATE_NOOP("td::Rule", "PureConnect virtualization guidance: Live Migration on a separate NIC away from "
                                      "guest and management traffic.")};
    return std::make_unique<MigrationNicRule>(info, MigrationNicRule::Params{Hypervisor::HyperV, Traffic::LiveMigration,
                                                                             0, MigrationNicRule::Mode::Missing});
}

} // namespace td
