#include "hypervexporter.h"

#include "export/apartsets.h"
#include "export/scripttext.h"

#include <QCoreApplication>
#include <QIODevice>

namespace td {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("td::HyperVExporter", text);
}

// Lookups and "make it so" functions shared by both Windows Server families.
const char *const kCommon = R"PS(
$ErrorActionPreference = 'Stop'
Import-Module FailoverClusters

function Write-TdChange([string]$Text) {
    if ($WhatIf) {
        Write-Host ('What if: ' + $Text)
    } else {
        Write-Host $Text
    }
}

# Exact-name lookups (cluster names are not case-sensitive; never wildcards).
function Find-TdGroup([string]$Cluster, [string]$Name) {
    $found = @(Get-ClusterGroup -Cluster $Cluster | Where-Object { $_.Name -eq $Name })
    if ($found.Count -ne 1) {
        throw ('{0}: cluster group ''{1}'': {2} groups have this exact name, expected 1' -f $Cluster, $Name, $found.Count)
    }
    return $found[0]
}

# A node by its name, or by the first label of the layout's host name (FQDN).
function Find-TdNode([string]$Cluster, [string]$Name) {
    $short = $Name.Split('.')[0]
    $found = @(Get-ClusterNode -Cluster $Cluster | Where-Object { $_.Name -eq $Name })
    if ($found.Count -eq 0) { $found = @(Get-ClusterNode -Cluster $Cluster | Where-Object { $_.Name -eq $short }) }
    if ($found.Count -ne 1) {
        throw ('{0}: node ''{1}'': {2} nodes have this name, expected 1' -f $Cluster, $Name, $found.Count)
    }
    return $found[0]
}

function Set-TdRackFaultDomain([string]$Cluster, [string]$Name, [string]$Rack, $Nodes) {
    $domain = @(Get-ClusterFaultDomain -CimSession $Cluster | Where-Object { $_.Name -eq $Name }) | Select-Object -First 1
    if (-not $domain) {
        Write-TdChange ('{0}: create the rack fault domain {1}' -f $Cluster, $Name)
        if (-not $WhatIf) { $null = New-ClusterFaultDomain -CimSession $Cluster -Name $Name -FaultDomainType Rack -Description $Rack }
    }
    foreach ($node in $Nodes) {
        $current = @(Get-ClusterFaultDomain -CimSession $Cluster | Where-Object { $_.Name -eq $node.Name }) | Select-Object -First 1
        if ($current -and $current.PSObject.Properties['ParentName'] -and $current.ParentName -eq $Name) { continue }
        Write-TdChange ('{0}: node {1} in the fault domain {2}' -f $Cluster, $node.Name, $Name)
        if (-not $WhatIf) { Set-ClusterFaultDomain -CimSession $Cluster -Name $node.Name -Parent $Name }
    }
}
)PS";

// Windows Server 2022 and later: affinity rules.
const char *const kAffinityRules = R"PS(
function Set-TdAffinityRule([string]$Cluster, [string]$Name, [string]$Type, $Groups) {
    $rule = @(Get-ClusterAffinityRule -Cluster $Cluster | Where-Object { $_.Name -eq $Name }) | Select-Object -First 1
    if ($rule -and [string]$rule.RuleType -ne $Type) {
        Write-TdChange ('{0}: replace the affinity rule {1} by a {2} rule' -f $Cluster, $Name, $Type)
        if (-not $WhatIf) { Remove-ClusterAffinityRule -Cluster $Cluster -Name $Name }
        $rule = $null
    }
    if (-not $rule) {
        Write-TdChange ('{0}: create the {1} rule {2}' -f $Cluster, $Type, $Name)
        if (-not $WhatIf) {
            $null = New-ClusterAffinityRule -Cluster $Cluster -Name $Name -RuleType $Type
            $null = Add-ClusterGroupToAffinityRule -Cluster $Cluster -Name $Name -Groups @($Groups | ForEach-Object { $_.Name })
        }
        return
    }
    $have = @($rule.Groups | ForEach-Object { [string]$_ })
    $want = @($Groups | ForEach-Object { $_.Name })
    $missing = @($want | Where-Object { $have -notcontains $_ })
    $extra = @($have | Where-Object { $want -notcontains $_ })
    if ($missing) {
        Write-TdChange ('{0}: add {1} to the rule {2}' -f $Cluster, ($missing -join ', '), $Name)
        if (-not $WhatIf) { $null = Add-ClusterGroupToAffinityRule -Cluster $Cluster -Name $Name -Groups $missing }
    }
    if ($extra) {
        Write-TdChange ('{0}: remove {1} from the rule {2}' -f $Cluster, ($extra -join ', '), $Name)
        if (-not $WhatIf) { $null = Remove-ClusterGroupFromAffinityRule -Cluster $Cluster -Name $Name -Groups $extra }
    }
    if ($rule.PSObject.Properties['Enabled'] -and -not $rule.Enabled) {
        Write-TdChange ('{0}: enable the rule {1}' -f $Cluster, $Name)
        if (-not $WhatIf) { $null = Enable-ClusterAffinityRule -Cluster $Cluster -Name $Name }
    }
}

# -Prune: removes the td- rules and fault domains the layout no longer has.
function Remove-TdUnowned([string]$Cluster, [string[]]$Rules, [string[]]$Domains) {
    foreach ($rule in @(Get-ClusterAffinityRule -Cluster $Cluster | Where-Object { $_.Name.StartsWith('td-') -and $Rules -notcontains $_.Name })) {
        Write-TdChange ('{0}: remove the affinity rule {1}' -f $Cluster, $rule.Name)
        if (-not $WhatIf) { Remove-ClusterAffinityRule -Cluster $Cluster -Name $rule.Name }
    }
    Remove-TdUnownedDomains $Cluster $Domains
}
)PS";

// Windows Server 2016 and 2019: anti-affinity class names.
const char *const kClassNames = R"PS(
function Set-TdAntiAffinityClass([string]$Cluster, [string]$Class, $Groups) {
    foreach ($group in $Groups) {
        $classes = @($group.AntiAffinityClassNames | ForEach-Object { [string]$_ })
        if ($classes -contains $Class) { continue }
        Write-TdChange ('{0}: anti-affinity class {1} on {2}' -f $Cluster, $Class, $group.Name)
        if (-not $WhatIf) {
            $names = New-Object System.Collections.Specialized.StringCollection
            foreach ($c in $classes + $Class) { $null = $names.Add($c) }
            $group.AntiAffinityClassNames = $names
        }
    }
}

# -Prune: removes the td- classes and fault domains the layout no longer has.
function Remove-TdUnowned([string]$Cluster, [string[]]$Classes, [string[]]$Domains) {
    foreach ($group in @(Get-ClusterGroup -Cluster $Cluster)) {
        $classes = @($group.AntiAffinityClassNames | ForEach-Object { [string]$_ })
        $keep = @($classes | Where-Object { -not $_.StartsWith('td-') -or $Classes -contains $_ })
        if ($keep.Count -eq $classes.Count) { continue }
        Write-TdChange ('{0}: remove the anti-affinity classes of {1} the layout no longer has' -f $Cluster, $group.Name)
        if (-not $WhatIf) {
            $names = New-Object System.Collections.Specialized.StringCollection
            foreach ($c in $keep) { $null = $names.Add($c) }
            $group.AntiAffinityClassNames = $names
        }
    }
    Remove-TdUnownedDomains $Cluster $Domains
}
)PS";

const char *const kPruneDomains = R"PS(
function Remove-TdUnownedDomains([string]$Cluster, [string[]]$Domains) {
    foreach ($domain in @(Get-ClusterFaultDomain -CimSession $Cluster -Type Rack | Where-Object { $_.Name.StartsWith('td-') -and $Domains -notcontains $_.Name })) {
        Write-TdChange ('{0}: remove the fault domain {1}' -f $Cluster, $domain.Name)
        if (-not $WhatIf) { Remove-ClusterFaultDomain -CimSession $Cluster -Name $domain.Name }
    }
}
)PS";

QStringList lines(const char *text)
{
    QStringList l = QString::fromLatin1(text).split(QLatin1Char('\n'));
    l.removeLast();
    return l;
}

QString list(const QStringList &items)
{
    return items.isEmpty() ? QStringLiteral("@()")
                           : QStringLiteral("@(") + items.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString groups(const QVector<NamedRef> &refs)
{
    QStringList items;
    for (const NamedRef &r : refs)
        items << QStringLiteral("(Find-TdGroup $cluster %1)").arg(script::psString(r.name));
    return list(items);
}

} // namespace

QString HyperVExporter::description() const
{
    return tr("Hyper-V failover cluster script: DifferentNode and DifferentFaultDomain affinity rules (Windows "
              "Server 2022+) or AntiAffinityClassNames (2016/2019), rack fault domains");
}

bool HyperVExporter::write(const ExportInput &input, QIODevice &out, QStringList *notes, QString *error) const
{
    const ApartSets sets = ApartSets::derive(input.topology);
    if (sets.isVSphere()) {
        if (error)
            *error = tr("The layout is on vSphere: the Hyper-V script writes failover cluster rules (export to "
                        "powercli, terraform or ansible instead).");
        return false;
    }
    const bool affinity = sets.hasAffinityRules();
    QStringList allNotes;
    QVector<QStringList> clusterNotes;
    for (const ClusterRules &c : sets.clusters()) {
        QStringList n = c.notes;
        if (!affinity && !c.pairs.isEmpty()) {
            n << tr("'%1': Windows Server %2 has no DifferentFaultDomain rule: the rack fault domains are set, "
                    "but only Windows Server 2022 and later keep a pair's members in different racks")
                     .arg(script::oneLine(c.cluster.name), input.topology.header.platform.version);
        }
        clusterNotes << n;
        allNotes += n;
    }
    allNotes += sets.notes();

    QStringList s;
    auto comment = [&s](const QString &text) { s += script::commentLines(QStringLiteral("# "), text); };
    script::Header header;
    header.title = tr("Failover cluster rules for the layout '%1' (Topology Designer), Windows Server %2.")
                       .arg(input.topology.header.name, input.topology.header.platform.version);
    if (affinity)
        header.whatItDoes << tr("What it does: in each failover cluster of the layout, keeps the VMs of every "
                                "redundancy group on different nodes (a DifferentNode affinity rule per group) and "
                                "the two members of a switchover pair in different racks (a Rack fault domain per "
                                "rack, each node in its rack, and a DifferentFaultDomain affinity rule per pair).");
    else
        header.whatItDoes << tr("What it does: in each failover cluster of the layout, keeps the VMs of every "
                                "redundancy group on different nodes (one AntiAffinityClassNames class per group, "
                                "set on each member: soft unless the cluster's ClusterEnforcedAntiAffinity is 1) "
                                "and assigns the nodes of the racks that hold a switchover pair to Rack fault "
                                "domains.");
    header.whatItDoes << tr("It creates what is missing and corrects the td- rules it owns; a second run changes "
                            "nothing.");
    header.howToRun = tr("How to run it: in Windows PowerShell as an administrator on a cluster node (or where the "
                         "FailoverClusters module of RSAT is installed):");
    header.commands << QStringLiteral(".\\cluster-rules.ps1 [-WhatIf] [-Prune]");
    header.afterCommands = tr("-WhatIf shows what would change without changing anything; -Prune also removes the "
                              "td- rules, classes and fault domains that the layout no longer has. Nodes are found "
                              "by their name or by the first label of the layout's host name.");
    header.sourceName = input.sourceName;
    header.notesTitle = tr("Notes (what this script does not express):");
    header.notes = allNotes;
    s << script::headerLines(header);
    s << QStringLiteral("param(") << QStringLiteral("    [switch]$WhatIf,") << QStringLiteral("    [switch]$Prune")
      << QStringLiteral(")");
    s << lines(kCommon) << lines(affinity ? kAffinityRules : kClassNames) << lines(kPruneDomains);

    for (int ci = 0; ci < sets.clusters().size(); ++ci) {
        const ClusterRules &c = sets.clusters().at(ci);
        s << QString();
        comment(tr("Cluster '%1' (%2)").arg(c.cluster.name, c.cluster.id));
        for (const QString &n : clusterNotes.at(ci))
            comment(tr("Note: %1").arg(n));
        QStringList owned;
        QStringList domains;
        for (const ApartSet &a : c.apart)
            owned << script::psString(a.ruleName);
        for (const RackHostGroup &r : c.rackGroups)
            domains << script::psString(r.groupName);
        if (affinity) {
            for (const PinnedPair &p : c.pairs)
                owned << script::psString(p.faultDomainRuleName);
        }
        s << QStringLiteral("$cluster = %1").arg(script::psString(c.cluster.name));
        if (c.apart.isEmpty() && c.pairs.isEmpty())
            comment(tr("Nothing to keep apart in this cluster."));
        for (const ApartSet &a : c.apart) {
            if (affinity)
                s << QStringLiteral("Set-TdAffinityRule $cluster %1 DifferentNode %2")
                         .arg(script::psString(a.ruleName), groups(a.members));
            else
                s << QStringLiteral("Set-TdAntiAffinityClass $cluster %1 %2")
                         .arg(script::psString(a.ruleName), groups(a.members));
        }
        for (const RackHostGroup &r : c.rackGroups) {
            QStringList nodes;
            for (const NamedRef &h : r.hosts)
                nodes << QStringLiteral("(Find-TdNode $cluster %1)").arg(script::psString(h.name));
            s << QStringLiteral("Set-TdRackFaultDomain $cluster %1 %2 %3")
                     .arg(script::psString(r.groupName), script::psString(r.rack.name), list(nodes));
        }
        if (affinity) {
            for (const PinnedPair &p : c.pairs) {
                QVector<NamedRef> members;
                for (const RackPin &pin : p.pins)
                    members << pin.guest;
                s << QStringLiteral("Set-TdAffinityRule $cluster %1 DifferentFaultDomain %2")
                         .arg(script::psString(p.faultDomainRuleName), groups(members));
            }
        }
        s << QStringLiteral("if ($Prune) { Remove-TdUnowned $cluster %1 %2 }").arg(list(owned), list(domains));
    }

    const QByteArray data = "\xEF\xBB\xBF" + (s.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();
    if (out.write(data) != data.size()) {
        if (error)
            *error = tr("Cannot write the script: %1").arg(out.errorString());
        return false;
    }
    if (notes)
        *notes = allNotes;
    return true;
}

} // namespace td
