#include "terraformexporter.h"

#include "export/apartsets.h"
#include "export/scripttext.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QSet>

namespace td {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("td::TerraformExporter", text);
}

QString encoded(const QString &id)
{
    QString out;
    for (const QChar c : id) {
        if (c == QLatin1Char('_'))
            out += QStringLiteral("__");
        else if (c == QLatin1Char('.'))
            out += QStringLiteral("_d");
        else
            out += c;
    }
    return out;
}

// The provider finds clusters, VMs and hosts with govmomi's finder, which
// reads a name as an inventory path pattern (path.Match): * ? [ and \ are
// escaped with a backslash so that `web*` finds that VM only.
QString exactName(const QString &name)
{
    QString out;
    for (const QChar c : name) {
        if (c == QLatin1Char('*') || c == QLatin1Char('?') || c == QLatin1Char('[') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    return script::hclString(out);
}

// Lines of one block: `key = value`, aligned as terraform fmt aligns them.
QStringList block(const QString &head, const QVector<QPair<QString, QString>> &attributes)
{
    int width = 0;
    for (const auto &a : attributes) {
        if (!a.second.startsWith(QLatin1Char('[')) || !a.second.contains(QLatin1Char('\n')))
            width = std::max(width, static_cast<int>(a.first.size()));
    }
    QStringList l{head + QStringLiteral(" {")};
    for (const auto &a : attributes)
        l << QStringLiteral("  ") + a.first.leftJustified(width) + QStringLiteral(" = ") + a.second;
    l << QStringLiteral("}");
    return l;
}

QString idList(const QStringList &refs)
{
    QStringList lines{QStringLiteral("[")};
    for (const QString &r : refs)
        lines << QStringLiteral("    ") + r + QLatin1Char(',');
    lines << QStringLiteral("  ]");
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QString TerraformExporter::label(const QString &kind, const QString &id, const QString &clusterId)
{
    QString l = kind + QLatin1Char('_') + encoded(id);
    if (!clusterId.isEmpty())
        l += QStringLiteral("_in_") + encoded(clusterId);
    return l;
}

QString TerraformExporter::description() const
{
    return tr("Terraform configuration (hashicorp/vsphere): anti-affinity rules, host and VM groups, VM-Host "
              "rules and DRS overrides as resources, ids from data sources");
}

bool TerraformExporter::write(const ExportInput &input, QIODevice &out, QStringList *notes, QString *error) const
{
    const ApartSets sets = ApartSets::derive(input.topology);
    if (!sets.isVSphere()) {
        if (error)
            *error = tr("The layout is on Hyper-V: the Terraform configuration writes vSphere DRS rules (export to "
                        "hyperv instead).");
        return false;
    }
    const QStringList allNotes = sets.allNotes();

    QStringList s;
    auto comment = [&s](const QString &text) { s += script::commentLines(QStringLiteral("# "), text); };
    script::Header header;
    header.title = script::drsTitle(input.topology.header.name);
    header.whatItDoes << script::drsWhatItDoes() + QLatin1Char(' ')
                             + tr("Clusters, VMs and hosts are looked up by their exact names (the provider reads * ? "
                                  "[ and \\ in a name as a pattern: they are escaped with a backslash).");
    header.howToRun = tr("How to run it: put this file in a folder of its own, then");
    header.commands << QStringLiteral("terraform init")
                    << QStringLiteral("terraform apply -var datacenter=DATACENTER -var vsphere_server=VCENTER \\")
                    << QStringLiteral("  -var vsphere_user=USER -var vsphere_password=PASSWORD");
    header.afterCommands = tr("(or a terraform.tfvars file, or TF_VAR_ environment variables). terraform plan shows "
                              "what would change; a second apply changes nothing; rules removed from the layout are "
                              "destroyed by the next apply.");
    header.sourceName = input.sourceName;
    header.notesTitle = tr("Notes (what this configuration does not express):");
    header.notes = allNotes;
    s << script::headerLines(header);
    s << QString();
    s << QStringLiteral("terraform {") << QStringLiteral("  required_providers {") << QStringLiteral("    vsphere = {")
      << QStringLiteral("      source  = \"hashicorp/vsphere\"") << QStringLiteral("      version = \">= 2.0\"")
      << QStringLiteral("    }") << QStringLiteral("  }") << QStringLiteral("}") << QString();
    auto variable = [&s](const QString &name, const QString &description, const QString &type,
                         const QString &extra = QString()) {
        s << QStringLiteral("variable \"%1\" {").arg(name);
        s << QStringLiteral("  description = %1").arg(script::hclString(description));
        s << QStringLiteral("  type        = %1").arg(type);
        if (!extra.isEmpty())
            s << extra;
        s << QStringLiteral("}") << QString();
    };
    variable(QStringLiteral("datacenter"), tr("The vSphere datacenter that holds the layout's clusters"),
             QStringLiteral("string"));
    variable(QStringLiteral("vsphere_server"), tr("The vCenter Server (name or address)"), QStringLiteral("string"));
    variable(QStringLiteral("vsphere_user"), tr("The vCenter user"), QStringLiteral("string"));
    variable(QStringLiteral("vsphere_password"), tr("The vCenter user's password"), QStringLiteral("string"),
             QStringLiteral("  sensitive   = true"));
    variable(QStringLiteral("allow_unverified_ssl"), tr("Accept a vCenter certificate that cannot be verified"),
             QStringLiteral("bool"), QStringLiteral("  default     = false"));
    s << block(QStringLiteral("provider \"vsphere\""),
               {{QStringLiteral("vsphere_server"), QStringLiteral("var.vsphere_server")},
                {QStringLiteral("user"), QStringLiteral("var.vsphere_user")},
                {QStringLiteral("password"), QStringLiteral("var.vsphere_password")},
                {QStringLiteral("allow_unverified_ssl"), QStringLiteral("var.allow_unverified_ssl")}});
    s << QString();
    s << block(QStringLiteral("data \"vsphere_datacenter\" \"dc\""),
               {{QStringLiteral("name"), QStringLiteral("var.datacenter")}});
    const QString dc = QStringLiteral("data.vsphere_datacenter.dc.id");

    for (const ClusterRules &c : sets.clusters()) {
        s << QString();
        comment(tr("Cluster '%1' (%2)").arg(c.cluster.name, c.cluster.id));
        for (const QString &n : c.notes)
            comment(tr("Note: %1").arg(n));
        if (!c.hasRules()) {
            comment(tr("Nothing to keep apart in this cluster."));
            continue;
        }
        const QString clusterLabel = label(QStringLiteral("cluster"), c.cluster.id);
        const QString clusterRef = QStringLiteral("data.vsphere_compute_cluster.%1.id").arg(clusterLabel);
        s << QString();
        s << block(QStringLiteral("data \"vsphere_compute_cluster\" \"%1\"").arg(clusterLabel),
                   {{QStringLiteral("name"), exactName(c.cluster.name)}, {QStringLiteral("datacenter_id"), dc}});

        // Data sources for every VM and host named in this cluster, once each.
        QSet<QString> declared;
        auto vm = [&](const NamedRef &g) {
            const QString l = label(QStringLiteral("vm"), g.id);
            if (!declared.contains(l)) {
                declared.insert(l);
                s << QString();
                s << block(QStringLiteral("data \"vsphere_virtual_machine\" \"%1\"").arg(l),
                           {{QStringLiteral("name"), exactName(g.name)}, {QStringLiteral("datacenter_id"), dc}});
            }
            return QStringLiteral("data.vsphere_virtual_machine.%1.id").arg(l);
        };
        auto host = [&](const NamedRef &h) {
            const QString l = label(QStringLiteral("host"), h.id);
            if (!declared.contains(l)) {
                declared.insert(l);
                s << QString();
                s << block(QStringLiteral("data \"vsphere_host\" \"%1\"").arg(l),
                           {{QStringLiteral("name"), exactName(h.name)}, {QStringLiteral("datacenter_id"), dc}});
            }
            return QStringLiteral("data.vsphere_host.%1.id").arg(l);
        };

        for (const ApartSet &a : c.apart) {
            QStringList ids;
            for (const NamedRef &m : a.members)
                ids << vm(m);
            s << QString();
            s << block(QStringLiteral("resource \"vsphere_compute_cluster_vm_anti_affinity_rule\" \"%1\"")
                           .arg(label(QStringLiteral("apart"), a.group.id, c.cluster.id)),
                       {{QStringLiteral("name"), script::hclString(a.ruleName)},
                        {QStringLiteral("compute_cluster_id"), clusterRef},
                        {QStringLiteral("virtual_machine_ids"), idList(ids)},
                        {QStringLiteral("enabled"), QStringLiteral("true")},
                        {QStringLiteral("mandatory"), QStringLiteral("false")}});
        }
        for (const RackHostGroup &r : c.rackGroups) {
            QStringList ids;
            for (const NamedRef &h : r.hosts)
                ids << host(h);
            s << QString();
            s << block(QStringLiteral("resource \"vsphere_compute_cluster_host_group\" \"%1\"")
                           .arg(label(QStringLiteral("rack"), r.rack.id, c.cluster.id)),
                       {{QStringLiteral("name"), script::hclString(r.groupName)},
                        {QStringLiteral("compute_cluster_id"), clusterRef},
                        {QStringLiteral("host_system_ids"), idList(ids)}});
        }
        for (const PinnedPair &p : c.pairs) {
            for (const RackPin &pin : p.pins) {
                const QString vmGroup = label(QStringLiteral("vmgroup"), pin.guest.id, c.cluster.id);
                s << QString();
                s << block(QStringLiteral("resource \"vsphere_compute_cluster_vm_group\" \"%1\"").arg(vmGroup),
                           {{QStringLiteral("name"), script::hclString(pin.vmGroupName)},
                            {QStringLiteral("compute_cluster_id"), clusterRef},
                            {QStringLiteral("virtual_machine_ids"), idList({vm(pin.guest)})}});
                s << QString();
                s << block(QStringLiteral("resource \"vsphere_compute_cluster_vm_host_rule\" \"%1\"")
                               .arg(label(QStringLiteral("pin"), pin.guest.id, c.cluster.id)),
                           {{QStringLiteral("name"), script::hclString(pin.ruleName)},
                            {QStringLiteral("compute_cluster_id"), clusterRef},
                            {QStringLiteral("vm_group_name"),
                             QStringLiteral("vsphere_compute_cluster_vm_group.%1.name").arg(vmGroup)},
                            {QStringLiteral("affinity_host_group_name"),
                             QStringLiteral("vsphere_compute_cluster_host_group.%1.name")
                                 .arg(label(QStringLiteral("rack"), pin.rack.id, c.cluster.id))},
                            {QStringLiteral("enabled"), QStringLiteral("true")},
                            {QStringLiteral("mandatory"), QStringLiteral("false")}});
            }
        }
        for (const DrsOverride &o : c.overrides) {
            s << QString();
            s << block(QStringLiteral("resource \"vsphere_drs_vm_override\" \"%1\"")
                           .arg(label(QStringLiteral("override"), o.guest.id, c.cluster.id)),
                       {{QStringLiteral("compute_cluster_id"), clusterRef},
                        {QStringLiteral("virtual_machine_id"), vm(o.guest)},
                        {QStringLiteral("drs_enabled"), QStringLiteral("true")},
                        {QStringLiteral("drs_automation_level"), QStringLiteral("\"partiallyAutomated\"")}});
        }
    }

    const QByteArray data = (s.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();
    if (out.write(data) != data.size()) {
        if (error)
            *error = tr("Cannot write the configuration: %1").arg(out.errorString());
        return false;
    }
    if (notes)
        *notes = allNotes;
    return true;
}

} // namespace td
