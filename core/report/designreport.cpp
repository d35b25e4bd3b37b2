#include "report/designreport.h"

#include "analysis/failureanalysis.h"
#include "analysis/genericlabels.h"
#include "catalog/catalog.h"
#include "export/apartsets.h"
#include "export/exporter.h"
#include "invariants.h"
#include "model/groupcolor.h"
#include "model/topologyindex.h"
#include "report/chartdata.h"
#include "report/genericnames.h"
#include "rules/rule.h"
#include "rules/validator.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <future>
#include <optional>
#include <utility>

namespace td {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("td::DesignReport", text, disambiguation, n);
}

QString hypervisorName(Hypervisor h)
{
    return h == Hypervisor::VSphere ? QStringLiteral("VMware vSphere") : QStringLiteral("Microsoft Hyper-V");
}

QString editionName(Edition e)
{
    switch (e) {
    case Edition::Standard: return QStringLiteral("Standard");
    case Edition::Enterprise: return QStringLiteral("Enterprise");
    case Edition::EnterprisePlus: return QStringLiteral("Enterprise Plus");
    }
    return {};
}

QString productName(const QString &id)
{
    const Product *p = Catalog::builtin().product(id);
    return p ? p->name : id;
}

QString number(int n)
{
    return QString::number(n);
}

// "1 host", "3 hosts" (English; translations go through tr()).
QString counted(int n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? tr(one) : tr(many));
}

void appendUnique(QStringList &list, const QString &value)
{
    if (!value.isEmpty() && !list.contains(value))
        list << value;
}

} // namespace

QString reportGroupColor(int index)
{
    static const char *const colors[] = {"#7c4dff", "#00acc1", "#e91e63", "#8bc34a",
                                         "#ff9800", "#03a9f4", "#9c27b0", "#009688"};
    return QString::fromLatin1(colors[index % 8]);
}

QString reportClusterColor(int index)
{
    static const char *const colors[] = {"#1e88e5", "#43a047", "#8e24aa", "#00897b",
                                         "#ef6c00", "#5d4037", "#c2185b", "#3949ab"};
    return QString::fromLatin1(colors[index % 8]);
}

QDate reportDate()
{
    bool ok = false;
    const qint64 epoch = qEnvironmentVariable("SOURCE_DATE_EPOCH").toLongLong(&ok);
    if (ok)
        return QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC).date();
    return QDateTime::currentDateTimeUtc().date();
}

DesignReport DesignReport::build(const Topology &original,
                                 const QString &sourceName,
                                 bool hideNames,
                                 const GroupColors *canvasColors)
{
    const Topology topology = hideNames ? withGenericLabels(original) : original;
    const Topology &t = topology;
    const TopologyIndex index(t);
    DesignReport r;
    r.title = t.header.name.isEmpty() ? tr("Untitled layout") : t.header.name;
    r.sourceName = sourceName;
    r.date = reportDate().toString(Qt::ISODate);
    r.namesHidden = hideNames;
    const Platform &p = t.header.platform;
    r.platform = hypervisorName(p.hypervisor) + QLatin1Char(' ') + p.version;
    if (p.hypervisor == Hypervisor::VSphere)
        r.platform += QLatin1Char(' ') + editionName(p.edition);
    r.platform += p.licensing == Licensing::Cloud ? tr(", cloud licensing") : tr(", host-id licensing");

    // Where each guest runs.
    auto hostOf = [&](const Guest &g) -> const Host * {
        const int h = g.host.isNull() ? -1 : index.host(g.host);
        return h < 0 ? nullptr : &t.hosts.at(h);
    };
    auto rackName = [&](const Host &h) {
        const int rp = h.rack.isNull() ? -1 : index.rack(h.rack);
        return rp < 0 ? QString() : t.racks.at(rp).name;
    };
    auto clusterName = [&](const Host &h) {
        const int cp = h.cluster.isNull() ? -1 : index.cluster(h.cluster);
        return cp < 0 ? QString() : t.clusters.at(cp).name;
    };
    auto feedsOf = [&](const Host &h) {
        QStringList names;
        QVector<CircuitId> feeds = h.power;
        if (feeds.isEmpty()) {
            const int rp = h.rack.isNull() ? -1 : index.rack(h.rack);
            if (rp >= 0)
                feeds = t.racks.at(rp).circuits;
        }
        for (const CircuitId &c : feeds) {
            const int cp = index.circuit(c);
            names << (cp < 0 ? c.str() : t.circuits.at(cp).name);
        }
        return names;
    };

    // The production rules and their script take a third of the time at L:
    // they are derived on another thread while this one validates and
    // analyses failures (each reads the topology only).
    auto production = std::async(std::launch::async, [&t, &sourceName] {
        std::pair<ApartSets, QString> out{ApartSets::derive(t), QString()};
        const bool vsphere = t.header.platform.hypervisor == Hypervisor::VSphere;
        if (const Exporter *e = ExporterRegistry::instance().find(vsphere ? QStringLiteral("powercli")
                                                                          : QStringLiteral("hyperv"))) {
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            QStringList notes;
            QString error;
            if (e->write(ExportInput{t, sourceName, ExportOptions()}, buffer, &notes, &error))
                out.second = QString::fromUtf8(buffer.data());
        }
        return out;
    });

    // Findings, with the rules' explanation and source.
    const QVector<Finding> findings = Validator::validate(t);
    for (const Finding &f : findings) {
        ReportFinding rf;
        rf.severity = f.severity;
        rf.rule = f.rule;
        rf.message = f.message;
        if (const Rule *rule = findRule(f.rule)) {
            rf.title = rule->title();
            rf.explanation = rule->explanation();
            rf.source = rule->source();
        }
        for (const QString &id : f.subjects) {
            const QString name = index.nameOf(t, id);
            rf.subjects << (name.isEmpty() ? id : name);
        }
        if (f.waived) {
            rf.waived = *f.waived;
            ++r.waived;
            r.findings << rf;
            continue;
        }
        switch (f.severity) {
        case Severity::Error: ++r.errors; break;
        case Severity::Warning: ++r.warnings; break;
        case Severity::Info: ++r.infos; break;
        }
        r.findings << rf;
    }
    // Waivers: what each accepts, and whether it still matches a finding.
    if (!t.waivers.isEmpty()) {
        r.waivers.header = {tr("Rule"), tr("Subjects"), tr("Reason"), tr("Waives")};
        for (const Waiver &w : t.waivers) {
            QStringList names;
            for (const QString &id : w.subjects) {
                const QString name = index.nameOf(t, id);
                names << (name.isEmpty() ? id : name);
            }
            const QString key = w.key();
            const auto match = std::find_if(findings.cbegin(), findings.cend(), [&](const Finding &f) {
                return f.isWaived() && Waiver::key(f.rule, f.subjects) == key;
            });
            r.waivers.rows.append({w.rule, names.join(QStringLiteral(", ")), w.reason,
                                   match == findings.cend() ? tr("nothing (unused)") : match->message});
        }
    }

    // Summary.
    int placed = 0;
    for (const Guest &g : t.guests)
        placed += hostOf(g) ? 1 : 0;
    int pairs = 0;
    for (const Group &g : t.groups)
        pairs += g.kind == GroupKind::Switchover ? 1 : 0;
    r.summary << tr("%1 runs on %2: %3 in %4, fed by %5, in %6.")
                     .arg(r.title, r.platform, counted(t.hosts.size(), "host", "hosts"),
                          counted(t.racks.size(), "rack", "racks"),
                          counted(t.circuits.size(), "power circuit", "power circuits"),
                          counted(t.clusters.size(), "cluster", "clusters"));
    r.summary << tr("It holds %1, %2 placed on a host, in %3 (%4 and %5).")
                     .arg(counted(t.guests.size(), "guest VM", "guest VMs"), number(placed),
                          counted(t.groups.size(), "redundancy group", "redundancy groups"),
                          counted(pairs, "switchover pair", "switchover pairs"),
                          counted(t.groups.size() - pairs, "pool", "pools"));
    if (findings.isEmpty())
        r.summary << tr("The placement rules find nothing to report.");
    else
        r.summary << tr("The placement rules find %1, %2 and %3.")
                         .arg(counted(r.errors, "error", "errors"), counted(r.warnings, "warning", "warnings"),
                              counted(r.infos, "note", "notes"));
    // Failure analysis: N-1 and the worst double failures.
    const FailureAnalysis analysis(t, index);
    auto names = [&](const auto &ids, int max) {
        QStringList out;
        for (const auto &id : ids) {
            if (out.size() == max) {
                out << tr("and %1 more").arg(ids.size() - max);
                break;
            }
            out << index.nameOf(t, id.str());
        }
        return out.join(QStringLiteral(", "));
    };
    auto failedNames = [&](const QStringList &ids) {
        QStringList out;
        for (const QString &id : ids) {
            const TopologyIndex::Ref *ref = index.find(id);
            const QString kind = !ref                          ? QString()
                               : ref->kind == ObjectKind::Host ? tr("host")
                               : ref->kind == ObjectKind::Rack ? tr("rack")
                                                               : tr("circuit");
            out << index.nameOf(t, id) + QStringLiteral(" (") + kind + QLatin1Char(')');
        }
        return out.join(QStringLiteral(" + "));
    };
    auto scenarioRow = [&](const ScenarioResult &s) {
        QStringList restarts;
        for (const Restart &re : s.restarts) {
            if (restarts.size() == 8) {
                restarts << tr("and %1 more").arg(s.restarts.size() - 8);
                break;
            }
            restarts << index.nameOf(t, re.guest.str()) + QStringLiteral(" \u2192 ") + index.nameOf(t, re.host.str());
        }
        return QStringList{
            failedNames(s.fail),     QString::number(s.hostsDown.size()), QString::number(s.guestsDown.size()),
            names(s.groupsDown, 12), names(s.groupsDegraded, 12),         restarts.join(QStringLiteral(", ")),
            names(s.stayDown, 12)};
    };
    const QStringList scenarioHeader{tr("Failure"),         tr("Hosts down"),  tr("Guests down"), tr("Groups down"),
                                     tr("Groups degraded"), tr("HA restarts"), tr("Stay down")};
    r.failureMatrix.header = scenarioHeader;
    const QVector<ScenarioResult> singles = analysis.singleFailures();
    const ScenarioResult *worstSingle = nullptr;
    auto worse = [](const ScenarioResult &a, const ScenarioResult &b) {
        if (a.groupsDown.size() != b.groupsDown.size())
            return a.groupsDown.size() > b.groupsDown.size();
        if (a.stayDown.size() != b.stayDown.size())
            return a.stayDown.size() > b.stayDown.size();
        return a.guestsDown.size() > b.guestsDown.size();
    };
    for (const ScenarioResult &s : singles) {
        r.failureMatrix.rows << scenarioRow(s);
        if (!worstSingle || worse(s, *worstSingle))
            worstSingle = &s;
    }
    const ImpactSeries allImpacts = singleFailureImpact(t, index, singles);
    r.impact = worstImpacts(allImpacts, kImpactChartMax);
    r.impactTotal = allImpacts.labels.size();
    if (r.impact.labels.size() < r.impactTotal)
        r.impactNote = tr("The %1 failures (of %2) that take the most guests down (staying down first); every "
                          "failure is in the table below.")
                           .arg(r.impact.labels.size())
                           .arg(r.impactTotal);
    r.worstDoubles.header = scenarioHeader;
    const QVector<ScenarioResult> worst = analysis.worst(5, 2);
    const ScenarioResult *worstDouble = nullptr;
    for (const ScenarioResult &s : worst) {
        if (s.fail.size() != 2)
            continue;
        if (!worstDouble)
            worstDouble = &s;
        r.worstDoubles.rows << scenarioRow(s);
        r.worstDoubleSentences << analysis.sentence(s);
    }
    for (const Scenario &saved : t.scenarios) {
        SavedScenario sc;
        sc.name = saved.name;
        QString error;
        if (const std::optional<ScenarioResult> result = analysis.run(saved.fail, &error)) {
            sc.sentence = analysis.sentence(*result);
            sc.table.header = scenarioHeader;
            sc.table.rows << scenarioRow(*result);
        } else {
            sc.sentence = tr("This scenario cannot be analysed: %1").arg(error);
        }
        r.scenarios << sc;
    }
    if (worstSingle && !worstSingle->guestsDown.isEmpty())
        r.summary << tr("Worst single failure: %1").arg(analysis.sentence(*worstSingle));
    else if (!singles.isEmpty())
        r.summary << tr("No single host, rack or circuit failure takes a guest down.");
    if (worstDouble)
        r.summary << tr("Worst double failure: %1").arg(analysis.sentence(*worstDouble));

    // The rules that keep the design true in production.
    const auto [sets, script] = production.get();
    r.apartSets.header = QStringList{tr("Cluster"), tr("Rule"), tr("Group"), tr("Kind"), tr("Members kept apart")};
    r.rackPins.header = QStringList{tr("Cluster"), tr("Pair"), tr("Member"), tr("Rack"), tr("Host group"), tr("Rule")};
    r.drsOverrides.header = QStringList{tr("Cluster"), tr("Guest"), tr("DRS automation")};
    for (const ClusterRules &c : sets.clusters()) {
        for (const ApartSet &a : c.apart) {
            QStringList members;
            for (const NamedRef &m : a.members)
                members << m.name;
            r.apartSets.rows << QStringList{c.cluster.name, a.ruleName, a.group.name,
                                            a.kind == GroupKind::Switchover ? tr("switchover pair") : tr("pool"),
                                            members.join(QStringLiteral(", "))};
        }
        for (const PinnedPair &pair : c.pairs) {
            for (const RackPin &pin : pair.pins)
                r.rackPins.rows << QStringList{c.cluster.name, pair.group.name,   pin.guest.name,
                                               pin.rack.name,  pin.hostGroupName, pin.ruleName};
        }
        for (const DrsOverride &o : c.overrides)
            r.drsOverrides.rows << QStringList{c.cluster.name, o.guest.name,
                                               o.level == DrsLevel::PartiallyAutomated ? tr("partially automated")
                                               : o.level == DrsLevel::Manual           ? tr("manual")
                                                                                       : tr("disabled")};
        for (const QString &note : c.notes)
            r.ruleNotes << c.cluster.name + QStringLiteral(": ") + note;
    }
    if (!script.isEmpty()) {
        r.scriptTitle = t.header.platform.hypervisor == Hypervisor::VSphere ? tr("VMware PowerCLI script")
                                                                            : tr("Hyper-V PowerShell script");
        r.script = script;
    }

    if (hideNames)
        r.summary << tr("Host and VM names are replaced by generic labels in this document.");

    // Group colours and which groups each guest is in.
    QHash<int, QStringList> groupColorsOfHost;
    const GroupColors opened = canvasColors ? GroupColors() : GroupColors(t);
    const GroupColors &groupColors = canvasColors ? *canvasColors : opened;
    for (int gi = 0; gi < t.groups.size(); ++gi) {
        const Group &g = t.groups.at(gi);
        ReportGroup rg;
        rg.name = g.name;
        rg.kind = g.kind == GroupKind::Switchover ? tr("switchover pair") : tr("pool");
        rg.color = reportGroupColor(groupColors.slot(g.id));
        for (int m = 0; m < g.members.size(); ++m) {
            const int gp = index.guest(g.members.at(m));
            if (gp < 0)
                continue;
            const Guest &guest = t.guests.at(gp);
            QString member = guest.name;
            if (g.kind == GroupKind::Switchover)
                member += m == 0 ? tr(" (primary)") : tr(" (backup)");
            if (const Host *h = hostOf(guest)) {
                member += tr(" on %1").arg(h->name);
                appendUnique(rg.hosts, h->name);
                appendUnique(rg.racks, rackName(*h));
                for (const QString &c : feedsOf(*h))
                    appendUnique(rg.circuits, c);
                QStringList &colors = groupColorsOfHost[index.host(guest.host)];
                appendUnique(colors, rg.color);
            } else {
                member += tr(" (not placed)");
            }
            rg.members << member;
        }
        r.groups << rg;
        r.groupTable.rows << QStringList{rg.name,
                                         rg.kind,
                                         rg.members.join(QStringLiteral("; ")),
                                         rg.hosts.join(QStringLiteral(", ")),
                                         rg.racks.join(QStringLiteral(", ")),
                                         rg.circuits.join(QStringLiteral(", "))};
    }
    r.groupTable.header = QStringList{tr("Group"), tr("Kind"), tr("Members"), tr("Hosts"), tr("Racks"), tr("Circuits")};

    // Rack elevations.
    for (int rp = 0; rp < t.racks.size(); ++rp) {
        const Rack &rack = t.racks.at(rp);
        RackElevation e;
        e.id = rack.id.str();
        e.name = rack.name;
        e.units = rack.units > 0 ? rack.units : Limits::kDefaultRackUnits;
        for (int i = 0; i < rack.circuits.size(); ++i) {
            const int cp = index.circuit(rack.circuits.at(i));
            const QString name = cp < 0 ? rack.circuits.at(i).str() : t.circuits.at(cp).name;
            e.feeds << GenericLabels::letters(i) + QStringLiteral(": ") + name;
        }
        QVector<int> hosts = index.hostsInRack(rp);
        std::sort(hosts.begin(), hosts.end());
        QVector<int> used(e.units + 2, 0);
        for (int hp : hosts) {
            const Host &h = t.hosts.at(hp);
            if (h.unit <= 0) {
                e.unplaced << h.name;
                continue;
            }
            ElevationHost eh;
            eh.id = h.id.str();
            eh.name = h.name;
            eh.unit = h.unit;
            eh.height = std::max(1, h.heightU);
            eh.cluster = clusterName(h);
            const int cp = h.cluster.isNull() ? -1 : index.cluster(h.cluster);
            eh.clusterColor = cp < 0 ? QStringLiteral("#9e9e9e") : reportClusterColor(cp);
            eh.groupColors = groupColorsOfHost.value(hp);
            for (int g : index.guestsOnHost(hp))
                eh.guests << t.guests.at(g).name;
            std::sort(eh.guests.begin(), eh.guests.end());
            for (int u = eh.unit; u < eh.unit + eh.height && u <= e.units; ++u)
                eh.overlapping = eh.overlapping || used[u]++ > 0;
            e.hosts << eh;
        }
        r.racks << e;
    }
    r.unrackedHosts.header = QStringList{tr("Host"), tr("Cluster"), tr("Power")};
    for (const Host &h : t.hosts) {
        if (h.rack.isNull() || index.rack(h.rack) < 0)
            r.unrackedHosts.rows << QStringList{h.name, clusterName(h), feedsOf(h).join(QStringLiteral(", "))};
    }

    r.capacity = capacityByCluster(t, index);
    r.guestsPerRack = td::guestsPerRack(t, index);
    r.guestsPerCircuit = td::guestsPerCircuit(t, index);

    // Inventory.
    r.hostInventory.header = QStringList{tr("Host"),
                                         tr("Rack"),
                                         tr("Unit"),
                                         tr("Height"),
                                         tr("Cluster"),
                                         tr("Power"),
                                         tr("CPU"),
                                         tr("Cores"),
                                         tr("Memory (GB)"),
                                         tr("NICs"),
                                         tr("Guests"),
                                         tr("vCPU"),
                                         tr("Guest memory (GB)")};
    for (int hp = 0; hp < t.hosts.size(); ++hp) {
        const Host &h = t.hosts.at(hp);
        int vcpu = 0, memory = 0;
        for (int g : index.guestsOnHost(hp)) {
            vcpu += t.guests.at(g).vcpu;
            memory += t.guests.at(g).memoryGb;
        }
        r.hostInventory.rows << QStringList{h.name,
                                            rackName(h),
                                            h.unit > 0 ? number(h.unit) : QString(),
                                            tr("%1U").arg(h.heightU),
                                            clusterName(h),
                                            feedsOf(h).join(QStringLiteral(", ")),
                                            h.cpuModel,
                                            h.cores > 0 ? number(h.cores) : QString(),
                                            h.memoryGb > 0 ? number(h.memoryGb) : QString(),
                                            number(h.nics.size()),
                                            number(index.guestsOnHost(hp).size()),
                                            number(vcpu),
                                            number(memory)};
    }
    r.guestInventory.header = QStringList{tr("Guest"),  tr("Product"), tr("Host"),        tr("Rack"), tr("Cluster"),
                                          tr("Groups"), tr("vCPU"),    tr("Memory (GB)"), tr("FT"),   tr("MAC")};
    for (int gp = 0; gp < t.guests.size(); ++gp) {
        const Guest &g = t.guests.at(gp);
        const Host *h = hostOf(g);
        QStringList groups;
        for (int grp : index.groupsOfGuest(gp))
            groups << t.groups.at(grp).name;
        r.guestInventory.rows << QStringList{g.name,
                                             productName(g.product),
                                             h ? h->name : tr("(not placed)"),
                                             h ? rackName(*h) : QString(),
                                             h ? clusterName(*h) : QString(),
                                             groups.join(QStringLiteral(", ")),
                                             number(g.vcpu),
                                             number(g.memoryGb),
                                             g.ft ? tr("yes") : QString(),
                                             g.mac == MacMode::Static ? tr("static") : tr("dynamic")};
    }

    return r;
}

QByteArray guestsCsv(const Topology &t)
{
    const TopologyIndex index(t);
    auto field = [](const QString &value) {
        if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n'))
            && !value.contains(QLatin1Char('\r')))
            return value;
        QString quoted = value;
        quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + quoted + QLatin1Char('"');
    };
    auto line = [&](const QStringList &cells) {
        QStringList out;
        for (const QString &c : cells)
            out << field(c);
        return out.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    };
    QString csv = line({QStringLiteral("name"), QStringLiteral("product"), QStringLiteral("host"),
                        QStringLiteral("rack"), QStringLiteral("circuits"), QStringLiteral("cluster"),
                        QStringLiteral("group"), QStringLiteral("role"), QStringLiteral("vcpu"),
                        QStringLiteral("memory_gb")});
    for (int gp = 0; gp < t.guests.size(); ++gp) {
        const Guest &g = t.guests.at(gp);
        const int hp = g.host.isNull() ? -1 : index.host(g.host);
        QString host, rack, cluster;
        QStringList circuits;
        if (hp >= 0) {
            const Host &h = t.hosts.at(hp);
            host = h.name;
            const int rp = h.rack.isNull() ? -1 : index.rack(h.rack);
            rack = rp < 0 ? QString() : t.racks.at(rp).name;
            const int cp = h.cluster.isNull() ? -1 : index.cluster(h.cluster);
            cluster = cp < 0 ? QString() : t.clusters.at(cp).name;
            QVector<CircuitId> feeds = h.power;
            if (feeds.isEmpty() && rp >= 0)
                feeds = t.racks.at(rp).circuits;
            for (const CircuitId &c : feeds) {
                const int ci = index.circuit(c);
                circuits << (ci < 0 ? c.str() : t.circuits.at(ci).name);
            }
        }
        // The group a guest is in (a pair before a pool) and its role there.
        QString group, role;
        QVector<int> groups = index.groupsOfGuest(gp);
        std::sort(groups.begin(), groups.end());
        for (int grp : groups) {
            const Group &gr = t.groups.at(grp);
            if (!group.isEmpty() && gr.kind != GroupKind::Switchover)
                continue;
            group = gr.name;
            if (gr.kind == GroupKind::Switchover)
                role = gr.members.value(0) == g.id ? QStringLiteral("primary") : QStringLiteral("backup");
            else
                role = QStringLiteral("pool member");
            if (gr.kind == GroupKind::Switchover)
                break;
        }
        csv += line({g.name, productName(g.product), host, rack, circuits.join(QStringLiteral("; ")), cluster, group,
                     role, number(g.vcpu), number(g.memoryGb)});
    }
    return csv.toUtf8();
}

} // namespace td
