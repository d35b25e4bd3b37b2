#include "catalog/catalog.h"

#include <QFile>

#include <yaml-cpp/yaml.h>

#include <stdexcept>

namespace td {

namespace {

QString str(const YAML::Node &node)
{
    return QString::fromStdString(node.as<std::string>());
}

Redundancy parseRedundancy(const std::string &text)
{
    if (text == "switchover")
        return Redundancy::Switchover;
    if (text == "switchover-or-single")
        return Redundancy::SwitchoverOrSingle;
    if (text == "pool")
        return Redundancy::Pool;
    if (text == "single")
        return Redundancy::Single;
    if (text == "none")
        return Redundancy::None;
    throw std::runtime_error("catalog: unknown redundancy " + text);
}

QStringList strings(const YAML::Node &node)
{
    QStringList out;
    for (const auto &item : node)
        out << str(item);
    return out;
}

} // namespace

int PlatformLimits::ftVcpuLimit(const QString &version, Edition edition) const
{
    for (const FtRow &row : ftVcpu) {
        if (!row.versions.contains(version))
            continue;
        switch (edition) {
        case Edition::Standard: return row.standard;
        case Edition::Enterprise: return row.enterprise;
        case Edition::EnterprisePlus: return row.enterprisePlus;
        }
    }
    return 0;
}

int PlatformLimits::vsphereVersionRank(const QString &version) const
{
    return static_cast<int>(vsphereVersions.indexOf(version));
}

Catalog Catalog::fromYaml(const QByteArray &yaml)
{
    const YAML::Node root = YAML::Load(yaml.toStdString());
    Catalog c;
    for (const auto &p : root["products"]) {
        Product product;
        product.id = str(p["id"]);
        product.name = str(p["name"]);
        product.description = str(p["description"]);
        product.namePrefix = p["name_prefix"] ? str(p["name_prefix"]) : QString(product.name).remove(QLatin1Char(' '));
        product.redundancy = parseRedundancy(p["redundancy"].as<std::string>());
        product.pureConnect = p["pureconnect"].as<bool>();
        product.licensed = p["licensed"].as<bool>();
        product.vcpu = p["vcpu"].as<int>();
        product.memoryGb = p["memory_gb"].as<int>();
        c.mProducts.append(product);
    }
    const YAML::Node pl = root["platform"];
    c.mLimits.vsphereVersions = strings(pl["vsphere_versions"]);
    c.mLimits.hypervVersions = strings(pl["hyperv_versions"]);
    for (const auto &r : pl["ft_vcpu"]) {
        PlatformLimits::FtRow row;
        row.versions = strings(r["versions"]);
        row.standard = r["standard"].as<int>();
        row.enterprise = r["enterprise"].as<int>();
        row.enterprisePlus = r["enterprise-plus"].as<int>();
        c.mLimits.ftVcpu.append(row);
    }
    c.mLimits.ftMaxGuestsPerHost = pl["ft_max_guests_per_host"].as<int>();
    c.mLimits.ftMaxVcpusPerHost = pl["ft_max_vcpus_per_host"].as<int>();
    c.mLimits.ftLoggingMinGbps = pl["ft_logging_min_gbps"].as<int>();
    c.mLimits.ftLoggingSpeedFrom = str(pl["ft_logging_speed_from"]);
    return c;
}

const Catalog &Catalog::builtin()
{
    static const Catalog catalog = [] {
        QFile file(QStringLiteral(":/topology-designer/catalog.yaml"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the built-in catalog is missing from the binary");
        try {
            return fromYaml(file.readAll());
        } catch (const std::exception &e) {
            qFatal("the built-in catalog is broken: %s", e.what());
        }
        return Catalog();
    }();
    return catalog;
}

const Product *Catalog::product(const QString &id) const
{
    for (const Product &p : mProducts) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

} // namespace td
