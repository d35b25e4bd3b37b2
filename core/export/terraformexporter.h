#pragma once

#include "export/exporter.h"

namespace td {

// A Terraform configuration (hashicorp/vsphere): clusters, VMs and hosts
// looked up by data sources, then per cluster the VM-VM anti-affinity rules,
// rack host groups, VM groups, should-run-on VM-Host rules and
// vsphere_drs_vm_override resources.
class TerraformExporter final : public Exporter
{
public:
    QString name() const override { return QStringLiteral("terraform"); }
    QString description() const override;
    QString extension() const override { return QStringLiteral("tf"); }
    QString category() const override { return QStringLiteral("rules"); }
    bool write(const ExportInput &input, QIODevice &out, QStringList *notes, QString *error) const override;

    // A resource or data source label from ids: "_" written "__", "." "_d",
    // so that different ids never give one label; parts joined by "_in_".
    static QString label(const QString &kind, const QString &id, const QString &clusterId = QString());
};

} // namespace td
