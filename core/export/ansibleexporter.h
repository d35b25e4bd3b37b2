#pragma once

#include "export/exporter.h"

namespace td {

// An Ansible playbook (community.vmware): per vSphere cluster the VM-VM
// anti-affinity rules, the rack host groups, the members' VM groups and the
// should-run-on VM-Host rules, all `enabled: true`, every layout value
// `!unsafe`. The collection has no DRS override module: overrides are notes.
class AnsibleExporter final : public Exporter
{
public:
    QString name() const override { return QStringLiteral("ansible"); }
    QString description() const override;
    QString extension() const override { return QStringLiteral("yml"); }
    QString category() const override { return QStringLiteral("rules"); }
    bool write(const ExportInput &input, QIODevice &out, QStringList *notes, QString *error) const override;
};

} // namespace td
