#pragma once

#include "model/topology.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace td {

// What redundancy a product is built for.
enum class Redundancy { Switchover, SwitchoverOrSingle, Pool, Single, None };

// One product of the catalog. vcpu/memoryGb are editable starting points for
// a new guest, not vendor sizing.
struct Product
{
    QString id;
    QString name;
    QString description;
    QString namePrefix; // new guests are named namePrefix + 1, 2, ...
    Redundancy redundancy = Redundancy::None;
    bool pureConnect = false;
    bool licensed = false;
    int vcpu = 1;
    int memoryGb = 1;

    bool switchoverBuilt() const
    {
        return redundancy == Redundancy::Switchover || redundancy == Redundancy::SwitchoverOrSingle;
    }
};

// Hard platform limits, kept as data (resources/catalog.yaml).
struct PlatformLimits
{
    struct FtRow
    {
        QStringList versions;
        int standard = 1;
        int enterprise = 1;
        int enterprisePlus = 1;
    };
    QStringList vsphereVersions;
    QStringList hypervVersions;
    QVector<FtRow> ftVcpu;
    int ftMaxGuestsPerHost = 4;
    int ftMaxVcpusPerHost = 8;
    int ftLoggingMinGbps = 10;
    QString ftLoggingSpeedFrom;

    // The FT vCPU limit for a vSphere version and edition; 0 when unknown.
    int ftVcpuLimit(const QString &version, Edition edition) const;
    // Position of a version in its list (for "6.0 and later"); -1 if unknown.
    int vsphereVersionRank(const QString &version) const;
};

// The product catalog and platform limits compiled into the program.
class Catalog final
{
public:
    // The built-in catalog (resources/catalog.yaml).
    static const Catalog &builtin();
    // Parses a catalog from YAML text; throws std::runtime_error on bad data.
    static Catalog fromYaml(const QByteArray &yaml);

    const Product *product(const QString &id) const;
    const QVector<Product> &products() const { return mProducts; }
    const PlatformLimits &limits() const { return mLimits; }

private:
    QVector<Product> mProducts;
    PlatformLimits mLimits;
};

} // namespace td
