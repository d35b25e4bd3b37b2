#pragma once

#include "export/exporter.h"

namespace td {

// A VMware PowerCLI script: per vSphere cluster the VM-VM anti-affinity
// rules, rack host groups, the members' VM groups, should-run-on VM-Host
// rules and per-VM DRS overrides. Parameters -Server, -Credential, -WhatIf,
// -Prune; connects only when not connected; every lookup by exact name.
class PowerCliExporter final : public Exporter
{
public:
    QString name() const override { return QStringLiteral("powercli"); }
    QString description() const override;
    QString extension() const override { return QStringLiteral("ps1"); }
    QString category() const override { return QStringLiteral("rules"); }
    bool write(const ExportInput &input, QIODevice &out, QStringList *notes, QString *error) const override;
};

} // namespace td
