#include "io/names.h"

namespace td::Names {

QString hypervisor(Hypervisor v)
{
    return v == Hypervisor::VSphere ? QStringLiteral("vsphere") : QStringLiteral("hyperv");
}

QString edition(Edition v)
{
    switch (v) {
    case Edition::Standard: return QStringLiteral("standard");
    case Edition::Enterprise: return QStringLiteral("enterprise");
    case Edition::EnterprisePlus: return QStringLiteral("enterprise-plus");
    }
    return {};
}

QString licensing(Licensing v)
{
    return v == Licensing::LegacyHostId ? QStringLiteral("host-id") : QStringLiteral("cloud");
}

QString drs(DrsLevel v)
{
    switch (v) {
    case DrsLevel::Off: return QStringLiteral("off");
    case DrsLevel::Manual: return QStringLiteral("manual");
    case DrsLevel::PartiallyAutomated: return QStringLiteral("partially-automated");
    case DrsLevel::FullyAutomated: return QStringLiteral("fully-automated");
    }
    return {};
}

QString mac(MacMode v)
{
    return v == MacMode::Static ? QStringLiteral("static") : QStringLiteral("dynamic");
}

QString groupKind(GroupKind v)
{
    return v == GroupKind::Switchover ? QStringLiteral("switchover") : QStringLiteral("pool");
}

QString traffic(Traffic v)
{
    switch (v) {
    case Traffic::Management: return QStringLiteral("management");
    case Traffic::VMotion: return QStringLiteral("vmotion");
    case Traffic::LiveMigration: return QStringLiteral("live-migration");
    case Traffic::Vm: return QStringLiteral("vm");
    case Traffic::Storage: return QStringLiteral("storage");
    case Traffic::FtLogging: return QStringLiteral("ft-logging");
    case Traffic::Backup: return QStringLiteral("backup");
    case Traffic::None: break;
    }
    return {};
}

} // namespace td::Names
