#include "ansibleexporter.h"

#include "export/apartsets.h"
#include "export/scripttext.h"

#include <QCoreApplication>
#include <QIODevice>

namespace td {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("td::AnsibleExporter", text);
}

constexpr int kWrapAt = 100;

// A YAML double-quoted scalar that starts at column `column`, broken with
// escaped line breaks ("\" at the end of a line) so that no line is longer
// than yamllint's limit, whatever the length of the name.
QString wrapped(const QString &quoted, int column, int indent)
{
    if (column + quoted.size() <= kWrapAt + 40)
        return quoted;
    QString out;
    int lineLength = column;
    int i = 0;
    while (i < quoted.size()) {
        // One token: an escape sequence, a surrogate pair or a character.
        int n = 1;
        if (quoted.at(i) == QLatin1Char('\\') && i + 1 < quoted.size())
            n = quoted.at(i + 1) == QLatin1Char('u') ? 6 : 2;
        else if (quoted.at(i).isHighSurrogate())
            n = 2;
        QString token = quoted.mid(i, n);
        const bool last = i + n >= quoted.size();
        if (lineLength >= kWrapAt && i > 0 && !last) {
            out += QStringLiteral("\\\n") + QString(indent, QLatin1Char(' '));
            lineLength = indent;
            if (token == QLatin1String(" "))
                token = QStringLiteral("\\x20"); // leading spaces of a continued line are dropped
        }
        out += token;
        lineLength += token.size();
        i += n;
    }
    return out;
}

// Writes the playbook's lines.
class Playbook
{
public:
    void line(const QString &text = QString()) { mText += text + QLatin1Char('\n'); }
    void comment(int indent, const QString &text)
    {
        for (const QString &l : script::commentLines(QString(indent, QLatin1Char(' ')) + QStringLiteral("# "), text))
            line(l);
    }
    // key: !unsafe "value"
    void unsafe(int indent, const QString &key, const QString &value)
    {
        const QString lead = QString(indent, QLatin1Char(' ')) + key + QStringLiteral(": !unsafe ");
        line(lead + wrapped(script::yamlString(value), lead.size(), indent + 2));
    }
    void unsafeList(int indent, const QString &key, const QVector<NamedRef> &values)
    {
        line(QString(indent, QLatin1Char(' ')) + key + QLatin1Char(':'));
        for (const NamedRef &v : values) {
            const QString lead = QString(indent + 2, QLatin1Char(' ')) + QStringLiteral("- !unsafe ");
            line(lead + wrapped(script::yamlString(v.name), lead.size(), indent + 4));
        }
    }
    void value(int indent, const QString &key, const QString &value)
    {
        line(QString(indent, QLatin1Char(' ')) + key + QStringLiteral(": ") + value);
    }
    QString text() const { return mText; }

private:
    QString mText;
};

void connection(Playbook &p, const QString &module, bool datacenter)
{
    p.line(QStringLiteral("    community.vmware.%1:").arg(module));
    p.value(6, QStringLiteral("hostname"), QStringLiteral("\"{{ vcenter_hostname }}\""));
    p.value(6, QStringLiteral("port"), QStringLiteral("\"{{ vcenter_port | default(443) }}\""));
    p.value(6, QStringLiteral("username"), QStringLiteral("\"{{ vcenter_username }}\""));
    p.value(6, QStringLiteral("password"), QStringLiteral("\"{{ vcenter_password }}\""));
    p.value(6, QStringLiteral("validate_certs"), QStringLiteral("\"{{ vcenter_validate_certs | default(true) }}\""));
    if (datacenter)
        p.value(6, QStringLiteral("datacenter"), QStringLiteral("\"{{ vcenter_datacenter }}\""));
}

// ansible-lint (6.x) reads !unsafe values as templates all the same: a task
// whose layout values look like Jinja or hold a tab says so on its first line.
QString noqa(const QString &cluster, const QVector<NamedRef> &values)
{
    QStringList rules;
    QStringList all{cluster};
    for (const NamedRef &v : values)
        all << v.name;
    for (const QString &v : all) {
        if (v.contains(QLatin1String("{{")) || v.contains(QLatin1String("{%")) || v.contains(QLatin1String("{#"))
            || v.contains(QLatin1String("}}")) || v.contains(QLatin1String("%}")) || v.contains(QLatin1String("#}"))) {
            rules << QStringLiteral("jinja[invalid]") << QStringLiteral("jinja[spacing]");
            break;
        }
    }
    for (const QString &v : all) {
        if (v.contains(QLatin1Char('\t'))) {
            rules << QStringLiteral("no-tabs");
            break;
        }
    }
    return rules.isEmpty() ? QString() : QStringLiteral("  # noqa: ") + rules.join(QLatin1Char(' '));
}

QString names(const QVector<NamedRef> &refs)
{
    QStringList list;
    for (const NamedRef &r : refs)
        list << QLatin1Char('\'') + script::oneLine(r.name) + QLatin1Char('\'');
    return list.join(QStringLiteral(", "));
}

// With -e td_prune=true: removes the cluster's td- rules, then its td- groups,
// that the layout no longer has (read back with the info modules).
void prune(Playbook &p, const ClusterRules &c, int n)
{
    const QString when = QStringLiteral("td_prune | default(false) | bool");
    auto owned = [&p](const QString &name, const QStringList &names) {
        p.line(QStringLiteral("      vars:"));
        p.line(QStringLiteral("        %1:").arg(name) + (names.isEmpty() ? QStringLiteral(" []") : QString()));
        for (const QString &v : names)
            p.line(QStringLiteral("          - ") + script::yamlString(v));
    };
    const QString id = c.cluster.id;
    p.line(QStringLiteral("    - name: Read the DRS rules of %1 (td_prune)").arg(id) + noqa(c.cluster.name, {}));
    p.line(QStringLiteral("      community.vmware.vmware_drs_rule_info:"));
    p.unsafe(8, QStringLiteral("cluster_name"), c.cluster.name);
    p.line(QStringLiteral("      register: td_rules_%1").arg(n));
    p.line(QStringLiteral("      when: ") + when);
    const QString rules = QStringLiteral("(td_rules_%1.drs_rule_info | default({})).values() | first | default([])\n"
                                         "        | selectattr('rule_name', 'match', '^td-') "
                                         "| rejectattr('rule_name', 'in', td_owned)")
                              .arg(n);
    for (const auto &[module, type] :
         {std::pair{QStringLiteral("vmware_vm_vm_drs_rule"), QStringLiteral("vm_vm_rule")},
          std::pair{QStringLiteral("vmware_vm_host_drs_rule"), QStringLiteral("vm_host_rule")}}) {
        p.line(QStringLiteral("    - name: Remove the td- %1s of %2 the layout no longer has (td_prune)").arg(type, id)
               + noqa(c.cluster.name, {}));
        p.line(QStringLiteral("      community.vmware.%1:").arg(module));
        p.unsafe(8, QStringLiteral("cluster_name"), c.cluster.name);
        p.value(8, QStringLiteral("drs_rule_name"), QStringLiteral("\"{{ item.rule_name }}\""));
        p.value(8, QStringLiteral("state"), QStringLiteral("absent"));
        owned(QStringLiteral("td_owned"), c.ruleNames());
        p.line(QStringLiteral("      loop: \"{{ %1 | selectattr('rule_type', 'equalto', '%2') | list }}\"")
                   .arg(rules, type));
        p.line(QStringLiteral("      loop_control:"));
        p.line(QStringLiteral("        label: \"{{ item.rule_name }}\""));
        p.line(QStringLiteral("      when: ") + when);
    }
    p.line(QStringLiteral("    - name: Read the DRS groups of %1 (td_prune)").arg(id) + noqa(c.cluster.name, {}));
    p.line(QStringLiteral("      community.vmware.vmware_drs_group_info:"));
    p.unsafe(8, QStringLiteral("cluster_name"), c.cluster.name);
    p.line(QStringLiteral("      register: td_groups_%1").arg(n));
    p.line(QStringLiteral("      when: ") + when);
    for (const auto &[type, members] : {std::pair{QStringLiteral("vm"), QStringLiteral("vms")},
                                        std::pair{QStringLiteral("host"), QStringLiteral("hosts")}}) {
        p.line(QStringLiteral("    - name: Remove the td- %1 groups of %2 the layout no longer has (td_prune)")
                   .arg(type, id)
               + noqa(c.cluster.name, {}));
        p.line(QStringLiteral("      community.vmware.vmware_drs_group:"));
        p.unsafe(8, QStringLiteral("cluster_name"), c.cluster.name);
        p.value(8, QStringLiteral("group_name"), QStringLiteral("\"{{ item.group_name }}\""));
        p.value(8, members, QStringLiteral("[]"));
        p.value(8, QStringLiteral("state"), QStringLiteral("absent"));
        owned(QStringLiteral("td_owned"), c.groupNames());
        p.line(QStringLiteral("      loop: >-"));
        p.line(QStringLiteral("        {{ (td_groups_%1.drs_group_info | default({})).values() | first | default([])")
                   .arg(n));
        p.line(QStringLiteral(
            "        | selectattr('group_name', 'match', '^td-') | rejectattr('group_name', 'in', td_owned)"));
        p.line(QStringLiteral("        | selectattr('type', 'equalto', '%1') | list }}").arg(type));
        p.line(QStringLiteral("      loop_control:"));
        p.line(QStringLiteral("        label: \"{{ item.group_name }}\""));
        p.line(QStringLiteral("      when: ") + when);
    }
}

} // namespace

QString AnsibleExporter::description() const
{
    return tr("Ansible playbook (community.vmware): VM-VM anti-affinity rules, rack host groups, VM groups and "
              "should-run-on VM-Host rules");
}

bool AnsibleExporter::write(const ExportInput &input, QIODevice &out, QStringList *notes, QString *error) const
{
    const ApartSets sets = ApartSets::derive(input.topology);
    if (!sets.isVSphere()) {
        if (error)
            *error = tr("The layout is on Hyper-V: the Ansible playbook writes vSphere DRS rules (export to hyperv "
                        "instead).");
        return false;
    }

    QStringList allNotes;
    QVector<QStringList> clusterNotes;
    for (const ClusterRules &c : sets.clusters()) {
        QStringList n = c.notes;
        if (!c.overrides.isEmpty()) {
            n << tr("'%1': the Ansible collection has no DRS override module: set %2 to partially automated by "
                    "hand (Cluster > Configure > VM Overrides), or export to powercli or terraform")
                     .arg(script::oneLine(c.cluster.name), names([&] {
                              QVector<NamedRef> refs;
                              for (const DrsOverride &o : c.overrides)
                                  refs << o.guest;
                              return refs;
                          }()));
        }
        clusterNotes << n;
        allNotes += n;
    }
    allNotes += sets.notes();

    Playbook p;
    p.line(QStringLiteral("---"));
    script::Header header;
    header.title = script::drsTitle(input.topology.header.name);
    header.whatItDoes << tr("What it does: in each vSphere cluster of the layout, keeps the members of every "
                            "redundancy group on different hosts (VM-VM anti-affinity rules) and the two members "
                            "of a switchover pair in their own racks (a host group per rack, a VM group per "
                            "member, a should-run-on VM-Host rule per member). Rules are enabled and never "
                            "mandatory (must rules can block HA). It creates what is missing and corrects the "
                            "members of the td- rules and groups; a second run changes nothing.");
    header.howToRun = tr("How to run it (Debian: apt install ansible python3-pyvmomi):");
    header.commands << QStringLiteral("ansible-playbook drs.yml -e vcenter_hostname=VCENTER -e "
                                      "vcenter_username=USER \\")
                    << QStringLiteral("  -e vcenter_password=PASSWORD -e vcenter_datacenter=DATACENTER");
    header.afterCommands = tr("Optional: -e vcenter_port=443 (the default), -e vcenter_validate_certs=false (default "
                              "true); --check --diff shows what would change without changing anything; -e "
                              "td_prune=true also removes the td- rules and groups that the layout no longer has.");
    header.sourceName = input.sourceName;
    header.notesTitle = tr("Notes (what this playbook does not express):");
    header.notes = allNotes;
    for (const QString &l : script::headerLines(header))
        p.line(l);
    p.comment(0, tr("Every name from the layout is !unsafe: Ansible never templates it. ansible-lint reads such "
                    "values as templates all the same, hence the noqa comments on the tasks that hold one."));
    p.line(QStringLiteral("- name: Topology Designer DRS rules"));
    p.line(QStringLiteral("  hosts: localhost"));
    p.line(QStringLiteral("  connection: local"));
    p.line(QStringLiteral("  gather_facts: false"));
    p.line(QStringLiteral("  module_defaults:"));
    connection(p, QStringLiteral("vmware_vm_vm_drs_rule"), false);
    connection(p, QStringLiteral("vmware_drs_group"), true);
    connection(p, QStringLiteral("vmware_vm_host_drs_rule"), true);
    connection(p, QStringLiteral("vmware_drs_rule_info"), false);
    connection(p, QStringLiteral("vmware_drs_group_info"), false);
    p.line(QStringLiteral("  tasks:"));
    p.line(QStringLiteral("    - name: Check the connection variables"));
    p.line(QStringLiteral("      ansible.builtin.assert:"));
    p.line(QStringLiteral("        that:"));
    for (const char *v : {"vcenter_hostname", "vcenter_username", "vcenter_password", "vcenter_datacenter"})
        p.line(QStringLiteral("          - %1 is defined").arg(QLatin1String(v)));
    p.line(QStringLiteral("        fail_msg: Set vcenter_hostname, vcenter_username, vcenter_password and "
                          "vcenter_datacenter (-e name=value)."));
    p.line(QStringLiteral("        quiet: true"));

    for (int ci = 0; ci < sets.clusters().size(); ++ci) {
        const ClusterRules &c = sets.clusters().at(ci);
        const QString id = c.cluster.id;
        p.line();
        p.comment(4, tr("Cluster '%1' (%2)").arg(c.cluster.name, id));
        for (const QString &n : clusterNotes.at(ci))
            p.comment(4, tr("Note: %1").arg(n));
        if (c.apart.isEmpty() && c.pairs.isEmpty())
            p.comment(4, tr("Nothing to keep apart in this cluster."));
        for (const ApartSet &a : c.apart) {
            p.line(QStringLiteral("    - name: Keep the members of %1 on different hosts (%2)").arg(a.group.id, id)
                   + noqa(c.cluster.name, a.members));
            p.line(QStringLiteral("      community.vmware.vmware_vm_vm_drs_rule:"));
            p.unsafe(8, QStringLiteral("cluster_name"), c.cluster.name);
            p.value(8, QStringLiteral("drs_rule_name"), script::yamlString(a.ruleName));
            p.unsafeList(8, QStringLiteral("vms"), a.members);
            p.value(8, QStringLiteral("affinity_rule"), QStringLiteral("false"));
            p.value(8, QStringLiteral("mandatory"), QStringLiteral("false"));
            p.value(8, QStringLiteral("enabled"), QStringLiteral("true"));
            p.value(8, QStringLiteral("state"), QStringLiteral("present"));
        }
        for (const RackHostGroup &r : c.rackGroups) {
            p.line(QStringLiteral("    - name: Host group of rack %1 (%2)").arg(r.rack.id, id)
                   + noqa(c.cluster.name, r.hosts));
            p.line(QStringLiteral("      community.vmware.vmware_drs_group:"));
            p.unsafe(8, QStringLiteral("cluster_name"), c.cluster.name);
            p.value(8, QStringLiteral("group_name"), script::yamlString(r.groupName));
            p.unsafeList(8, QStringLiteral("hosts"), r.hosts);
            p.value(8, QStringLiteral("state"), QStringLiteral("present"));
        }
        for (const PinnedPair &pair : c.pairs) {
            for (const RackPin &pin : pair.pins) {
                p.line(QStringLiteral("    - name: VM group of %1 in %2 (%3)").arg(pin.guest.id, pair.group.id, id)
                       + noqa(c.cluster.name, {pin.guest}));
                p.line(QStringLiteral("      community.vmware.vmware_drs_group:"));
                p.unsafe(8, QStringLiteral("cluster_name"), c.cluster.name);
                p.value(8, QStringLiteral("group_name"), script::yamlString(pin.vmGroupName));
                p.unsafeList(8, QStringLiteral("vms"), {pin.guest});
                p.value(8, QStringLiteral("state"), QStringLiteral("present"));
            }
            for (const RackPin &pin : pair.pins) {
                p.line(QStringLiteral("    - name: Run %1 on the hosts of rack %2 if possible (%3)")
                           .arg(pin.guest.id, pin.rack.id, id)
                       + noqa(c.cluster.name, {}));
                p.line(QStringLiteral("      community.vmware.vmware_vm_host_drs_rule:"));
                p.unsafe(8, QStringLiteral("cluster_name"), c.cluster.name);
                p.value(8, QStringLiteral("drs_rule_name"), script::yamlString(pin.ruleName));
                p.value(8, QStringLiteral("vm_group_name"), script::yamlString(pin.vmGroupName));
                p.value(8, QStringLiteral("host_group_name"), script::yamlString(pin.hostGroupName));
                p.value(8, QStringLiteral("affinity_rule"), QStringLiteral("true"));
                p.value(8, QStringLiteral("mandatory"), QStringLiteral("false"));
                p.value(8, QStringLiteral("enabled"), QStringLiteral("true"));
                p.value(8, QStringLiteral("state"), QStringLiteral("present"));
            }
        }
        prune(p, c, ci + 1);
    }

    const QByteArray data = p.text().toUtf8();
    if (out.write(data) != data.size()) {
        if (error)
            *error = tr("Cannot write the playbook: %1").arg(out.errorString());
        return false;
    }
    if (notes)
        *notes = allNotes;
    return true;
}

} // namespace td
