#include "powercliexporter.h"

#include "export/apartsets.h"
#include "export/scripttext.h"

#include <QCoreApplication>
#include <QIODevice>

namespace td {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("td::PowerCliExporter", text);
}

// The script's functions: exact-name lookups and "make it so" for each kind
// of rule and group (create when missing, correct members and state, leave
// alone when right), all honouring -WhatIf.
const char *const kFunctions = R"PS(
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

# Connect only when not already connected to this server.
$vi = @($global:DefaultVIServers | Where-Object { $_.Name -eq $Server -and $_.IsConnected }) | Select-Object -First 1
if (-not $vi) {
    if ($Credential) {
        $vi = Connect-VIServer -Server $Server -Credential $Credential
    } else {
        $vi = Connect-VIServer -Server $Server
    }
}

function Write-TdChange([string]$Text) {
    if ($WhatIf) {
        Write-Host ('What if: ' + $Text)
    } else {
        Write-Host $Text
    }
}

# Exact-name lookups: -Name would read * ? [ ] as wildcards.
function Get-TdCluster([string]$Name) {
    $found = @(Get-Cluster -Server $vi | Where-Object { $_.Name -ceq $Name })
    if ($found.Count -ne 1) {
        throw ('Cluster ''{0}'': {1} clusters have this exact name, expected 1' -f $Name, $found.Count)
    }
    return $found[0]
}

function Find-TdObject($All, [string]$Kind, [string]$Name) {
    $found = @($All | Where-Object { $_.Name -ceq $Name })
    if ($found.Count -ne 1) {
        throw ('{0} ''{1}'': {2} in the cluster have this exact name, expected 1' -f $Kind, $Name, $found.Count)
    }
    return $found[0]
}

function Test-TdSameMembers($Have, $Want) {
    $a = @($Have | ForEach-Object { $_.Id } | Sort-Object)
    $b = @($Want | ForEach-Object { $_.Id } | Sort-Object)
    return ($a -join ',') -ceq ($b -join ',')
}

function Set-TdApartRule($Cluster, [string]$Name, $VMs) {
    $rule = @(Get-DrsRule -Cluster $Cluster | Where-Object { $_.Name -ceq $Name }) | Select-Object -First 1
    if ($rule -and $rule.KeepTogether) {
        Write-TdChange ('{0}: replace the affinity rule {1} by an anti-affinity rule' -f $Cluster.Name, $Name)
        if (-not $WhatIf) { Remove-DrsRule -Rule $rule -Confirm:$false }
        $rule = $null
    }
    if (-not $rule) {
        Write-TdChange ('{0}: create the anti-affinity rule {1}' -f $Cluster.Name, $Name)
        if (-not $WhatIf) { $null = New-DrsRule -Cluster $Cluster -Name $Name -KeepTogether $false -VM $VMs -Enabled $true }
        return
    }
    $have = @($rule.VMIds | ForEach-Object { [pscustomobject]@{ Id = $_ } })
    if (-not $rule.Enabled -or -not (Test-TdSameMembers $have $VMs)) {
        Write-TdChange ('{0}: correct the members and state of the anti-affinity rule {1}' -f $Cluster.Name, $Name)
        if (-not $WhatIf) { $null = Set-DrsRule -Rule $rule -VM $VMs -Enabled $true }
    }
}

function Set-TdGroup($Cluster, [string]$Name, [string]$Type, $Members) {
    $group = @(Get-DrsClusterGroup -Cluster $Cluster | Where-Object { $_.Name -ceq $Name }) | Select-Object -First 1
    if ($group -and $group.GroupType -ne $Type) {
        Write-TdChange ('{0}: replace the group {1} by a {2}' -f $Cluster.Name, $Name, $Type)
        if (-not $WhatIf) { Remove-DrsClusterGroup -DrsClusterGroup $group -Confirm:$false }
        $group = $null
    }
    if (-not $group) {
        Write-TdChange ('{0}: create the {1} {2}' -f $Cluster.Name, $Type, $Name)
        if (-not $WhatIf) {
            if ($Type -eq 'VMHostGroup') {
                $null = New-DrsClusterGroup -Cluster $Cluster -Name $Name -VMHost $Members
            } else {
                $null = New-DrsClusterGroup -Cluster $Cluster -Name $Name -VM $Members
            }
        }
        return
    }
    if (Test-TdSameMembers $group.Member $Members) { return }
    Write-TdChange ('{0}: correct the members of the {1} {2}' -f $Cluster.Name, $Type, $Name)
    if ($WhatIf) { return }
    $wanted = @($Members | ForEach-Object { $_.Id })
    $extra = @($group.Member | Where-Object { $wanted -notcontains $_.Id })
    $present = @($group.Member | ForEach-Object { $_.Id })
    $missing = @($Members | Where-Object { $present -notcontains $_.Id })
    if ($Type -eq 'VMHostGroup') {
        if ($missing) { $group = Set-DrsClusterGroup -DrsClusterGroup $group -VMHost $missing -Add }
        if ($extra) { $null = Set-DrsClusterGroup -DrsClusterGroup $group -VMHost $extra -Remove }
    } else {
        if ($missing) { $group = Set-DrsClusterGroup -DrsClusterGroup $group -VM $missing -Add }
        if ($extra) { $null = Set-DrsClusterGroup -DrsClusterGroup $group -VM $extra -Remove }
    }
}

function Set-TdPinRule($Cluster, [string]$Name, [string]$VMGroup, [string]$HostGroup) {
    $vmGroup = @(Get-DrsClusterGroup -Cluster $Cluster -Type VMGroup | Where-Object { $_.Name -ceq $VMGroup }) | Select-Object -First 1
    $hostGroup = @(Get-DrsClusterGroup -Cluster $Cluster -Type VMHostGroup | Where-Object { $_.Name -ceq $HostGroup }) | Select-Object -First 1
    $rule = @(Get-DrsVMHostRule -Cluster $Cluster | Where-Object { $_.Name -ceq $Name }) | Select-Object -First 1
    if (-not $rule) {
        Write-TdChange ('{0}: create the VM-Host rule {1} ({2} should run on {3})' -f $Cluster.Name, $Name, $VMGroup, $HostGroup)
        if (-not $WhatIf) {
            $null = New-DrsVMHostRule -Cluster $Cluster -Name $Name -VMGroup $vmGroup -VMHostGroup $hostGroup -Type ShouldRunOn -Enabled $true
        }
        return
    }
    if ($rule.Enabled -and $rule.Type -eq 'ShouldRunOn' -and $rule.VMGroup.Name -ceq $VMGroup -and $rule.VMHostGroup.Name -ceq $HostGroup) {
        return
    }
    Write-TdChange ('{0}: correct the VM-Host rule {1} ({2} should run on {3})' -f $Cluster.Name, $Name, $VMGroup, $HostGroup)
    if (-not $WhatIf) {
        $null = Set-DrsVMHostRule -Rule $rule -VMGroup $vmGroup -VMHostGroup $hostGroup -Type ShouldRunOn -Enabled $true -Confirm:$false
    }
}

function Set-TdOverride($VM, [string]$Level) {
    if ($VM.DrsAutomationLevel -eq $Level) { return }
    Write-TdChange ('{0}: DRS automation level {1}' -f $VM.Name, $Level)
    if (-not $WhatIf) { $null = Set-VM -VM $VM -DrsAutomationLevel $Level -Confirm:$false }
}

# -Prune: removes the td- rules and groups of a cluster that the layout no longer has.
function Remove-TdUnowned($Cluster, [string[]]$Rules, [string[]]$Groups) {
    foreach ($rule in @(Get-DrsVMHostRule -Cluster $Cluster | Where-Object { $_.Name.StartsWith('td-') -and $Rules -cnotcontains $_.Name })) {
        Write-TdChange ('{0}: remove the VM-Host rule {1}' -f $Cluster.Name, $rule.Name)
        if (-not $WhatIf) { Remove-DrsVMHostRule -Rule $rule -Confirm:$false }
    }
    foreach ($rule in @(Get-DrsRule -Cluster $Cluster | Where-Object { $_.Name.StartsWith('td-') -and $Rules -cnotcontains $_.Name })) {
        Write-TdChange ('{0}: remove the rule {1}' -f $Cluster.Name, $rule.Name)
        if (-not $WhatIf) { Remove-DrsRule -Rule $rule -Confirm:$false }
    }
    foreach ($group in @(Get-DrsClusterGroup -Cluster $Cluster | Where-Object { $_.Name.StartsWith('td-') -and $Groups -cnotcontains $_.Name })) {
        Write-TdChange ('{0}: remove the group {1}' -f $Cluster.Name, $group.Name)
        if (-not $WhatIf) { Remove-DrsClusterGroup -DrsClusterGroup $group -Confirm:$false }
    }
}
)PS";

QString list(const QStringList &items)
{
    if (items.isEmpty())
        return QStringLiteral("@()");
    return QStringLiteral("@(") + items.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString lookups(const QString &all, const QString &kind, const QVector<NamedRef> &refs)
{
    QStringList items;
    for (const NamedRef &r : refs)
        items << QStringLiteral("(Find-TdObject $%1 '%2' %3)").arg(all, kind, script::psString(r.name));
    return list(items);
}

QString literals(const QStringList &names)
{
    QStringList items;
    for (const QString &n : names)
        items << script::psString(n);
    return list(items);
}

} // namespace

QString PowerCliExporter::description() const
{
    return tr("VMware PowerCLI script: VM-VM anti-affinity rules, rack host groups, VM groups, should-run-on "
              "VM-Host rules and per-VM DRS overrides");
}

bool PowerCliExporter::write(const ExportInput &input, QIODevice &out, QStringList *notes, QString *error) const
{
    const ApartSets sets = ApartSets::derive(input.topology);
    if (!sets.isVSphere()) {
        if (error)
            *error = tr("The layout is on Hyper-V: the PowerCLI script writes vSphere DRS rules (export to hyperv "
                        "instead).");
        return false;
    }
    const QStringList allNotes = sets.allNotes();

    QStringList s;
    auto comment = [&s](const QString &text) { s += script::commentLines(QStringLiteral("# "), text); };
    script::Header header;
    header.title = script::drsTitle(input.topology.header.name);
    header.whatItDoes << script::drsWhatItDoes() + QLatin1Char(' ')
                             + tr("It creates what is missing and corrects the members and state of the td- rules and "
                                  "groups; a second run changes nothing.");
    header.howToRun = tr(
        "How to run it: in PowerShell 7 (pwsh) with VMware PowerCLI (Install-Module VMware.PowerCLI):");
    header.commands << QStringLiteral("./drs-rules.ps1 -Server vcenter.example.com [-Credential (Get-Credential)]");
    header.afterCommands = tr("-WhatIf shows what would change without changing anything; -Prune also removes the "
                              "td- rules and groups that the layout no longer has. An existing connection to the "
                              "server is used as is.");
    header.sourceName = input.sourceName;
    header.notesTitle = tr("Notes (what this script does not express):");
    header.notes = allNotes;
    s << script::headerLines(header);
    s << QStringLiteral("param(") << QStringLiteral("    [Parameter(Mandatory)][string]$Server,")
      << QStringLiteral("    [pscredential]$Credential,") << QStringLiteral("    [switch]$WhatIf,")
      << QStringLiteral("    [switch]$Prune") << QStringLiteral(")");
    QStringList functions = QString::fromLatin1(kFunctions).split(QLatin1Char('\n'));
    functions.removeLast(); // after the last line break
    s << functions;

    for (const ClusterRules &c : sets.clusters()) {
        s << QString();
        comment(tr("Cluster '%1' (%2)").arg(c.cluster.name, c.cluster.id));
        for (const QString &n : c.notes)
            comment(tr("Note: %1").arg(n));
        const QString rules = literals(c.ruleNames());
        const QString groups = literals(c.groupNames());
        if (!c.hasRules()) {
            comment(tr("Nothing to keep apart in this cluster."));
            s << QStringLiteral("if ($Prune) {")
              << QStringLiteral("    Remove-TdUnowned (Get-TdCluster %1) @() @()").arg(script::psString(c.cluster.name))
              << QStringLiteral("}");
            continue;
        }
        s << QStringLiteral("$cluster = Get-TdCluster %1").arg(script::psString(c.cluster.name));
        s << QStringLiteral("$vms = @(Get-VM -Location $cluster)");
        if (!c.rackGroups.isEmpty())
            s << QStringLiteral("$hosts = @(Get-VMHost -Location $cluster)");
        for (const ApartSet &a : c.apart)
            s << QStringLiteral("Set-TdApartRule $cluster %1 %2")
                     .arg(script::psString(a.ruleName),
                          lookups(QStringLiteral("vms"), QStringLiteral("VM"), a.members));
        for (const RackHostGroup &r : c.rackGroups)
            s << QStringLiteral("Set-TdGroup $cluster %1 VMHostGroup %2")
                     .arg(script::psString(r.groupName),
                          lookups(QStringLiteral("hosts"), QStringLiteral("Host"), r.hosts));
        for (const PinnedPair &p : c.pairs) {
            for (const RackPin &pin : p.pins)
                s << QStringLiteral("Set-TdGroup $cluster %1 VMGroup %2")
                         .arg(script::psString(pin.vmGroupName),
                              lookups(QStringLiteral("vms"), QStringLiteral("VM"), {pin.guest}));
            for (const RackPin &pin : p.pins)
                s << QStringLiteral("Set-TdPinRule $cluster %1 %2 %3")
                         .arg(script::psString(pin.ruleName), script::psString(pin.vmGroupName),
                              script::psString(pin.hostGroupName));
        }
        for (const DrsOverride &o : c.overrides)
            s << QStringLiteral("Set-TdOverride (Find-TdObject $vms 'VM' %1) PartiallyAutomated")
                     .arg(script::psString(o.guest.name));
        s << QStringLiteral("if ($Prune) { Remove-TdUnowned $cluster %1 %2 }").arg(rules, groups);
    }

    // UTF-8 with a byte order mark: Windows PowerShell 5.1 reads a script
    // without one in the ANSI code page (non-ASCII names would change).
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
