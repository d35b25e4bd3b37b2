#pragma once

#include "export/exporter.h"

namespace td {

// A Windows PowerShell script for failover clusters (FailoverClusters
// module): per cluster, DifferentNode affinity rules (Windows Server 2022+)
// or AntiAffinityClassNames (2016/2019), rack fault domains for switchover
// pairs split over racks and, on 2022+, a DifferentFaultDomain rule for them.
class HyperVExporter final : public Exporter
{
public:
    QString name() const override { return QStringLiteral("hyperv"); }
    QString description() const override;
    QString extension() const override { return QStringLiteral("ps1"); }
    QString category() const override { return QStringLiteral("rules"); }
    bool write(const ExportInput &input, QIODevice &out, QStringList *notes, QString *error) const override;
};

} // namespace td
