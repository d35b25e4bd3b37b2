#pragma once

#include "model/groupcolor.h"
#include "model/topology.h"
#include "report/chartdata.h"
#include "rules/finding.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <QVector>

namespace td {

// A table of a report: a header row and text cells (plain text, unescaped).
struct ReportTable
{
    QStringList header;
    QVector<QStringList> rows;
};

// One host in a rack elevation: the units it occupies and how it is drawn.
struct ElevationHost
{
    QString id;
    QString name;
    int unit = 0;   // lowest unit (1 = bottom)
    int height = 1; // units
    QString cluster;
    QString clusterColor;     // "#rrggbb"
    QStringList groupColors;  // one per redundancy group with a member on the host
    QStringList guests;       // guest names, for the tooltip
    bool overlapping = false; // shares units with another host (drawn, and said)
};

// A rack as NetBox draws it: numbered units, hosts in their units, its feeds.
struct RackElevation
{
    QString id;
    QString name;
    int units = 0;
    QStringList feeds; // "A: UPS A", "B: UPS B"
    QVector<ElevationHost> hosts;
    QStringList unplaced; // hosts of this rack with no unit given
};

// A finding as the report shows it: the rule's words next to the message.
struct ReportFinding
{
    Severity severity = Severity::Info;
    QString rule;
    QString title;
    QString message;
    QString explanation;
    QString source;
    QStringList subjects; // names
    QString waived;       // the waiver's reason; empty = not waived
};

// One redundancy group with where its members run.
struct ReportGroup
{
    QString name;
    QString kind; // "switchover pair" / "pool"
    QString color;
    QStringList members; // "IC1 (primary) on esx01"
    QStringList hosts;
    QStringList racks;
    QStringList circuits;
};

// The design document of a layout as structured data: the sections of a
// vendor HA design review, built from the model, rendered by the writers
// (HTML, Markdown, PDF). No rendering here.
struct DesignReport
{
    QString title;      // the layout's name
    QString sourceName; // the file it came from
    QString date;       // ISO date
    QString platform;   // "VMware vSphere 8.0 Enterprise Plus, host-id licensing"
    bool namesHidden = false;

    QStringList summary; // plain sentences

    QVector<RackElevation> racks;
    ReportTable unrackedHosts;

    QVector<ReportGroup> groups;
    ReportTable groupTable;

    QVector<ReportFinding> findings;         // in the stable order
    int errors = 0, warnings = 0, infos = 0; // not waived
    int waived = 0;
    // The layout's waivers: rule, subjects (names), reason, what it waives
    // (no rows: the layout has none).
    ReportTable waivers;

    // Failure analysis: one row per host, rack and circuit (N-1), then the
    // worst double failures, each with its one-sentence story.
    ReportTable failureMatrix;
    // The layout's saved scenarios (what-if), each with its sentence and row.
    struct SavedScenario
    {
        QString name;
        QString sentence;
        ReportTable table;
    };
    QVector<SavedScenario> scenarios;
    ReportTable worstDoubles;
    QStringList worstDoubleSentences;
    // The impact chart of the single failures: the worst kImpactChartMax of
    // them (worstImpacts), and what it shows of how many.
    ImpactSeries impact;
    int impactTotal = 0; // single failures analysed
    QString impactNote;  // "The 40 failures (of 620) ..." when some are left out

    // The rules that keep the design true in production (ApartSets).
    ReportTable apartSets;
    ReportTable rackPins;
    ReportTable drsOverrides;
    QStringList ruleNotes;
    QString scriptTitle; // "VMware PowerCLI script" / "Hyper-V PowerShell script"
    QString script;      // the script itself (appendix)

    QVector<CapacitySeries> capacity; // per cluster (hosts in no cluster last)
    CountSeries guestsPerRack;
    CountSeries guestsPerCircuit;

    ReportTable hostInventory;
    ReportTable guestInventory;

    // Builds the report. With hideNames, host and guest names are replaced by
    // generic labels (withGenericLabels) everywhere, findings included.
    // Groups are coloured as `canvasColors` says, else as the
    // layout opens (GroupColors::assign).
    static DesignReport build(const Topology &topology,
                              const QString &sourceName,
                              bool hideNames,
                              const GroupColors *canvasColors = nullptr);
};

// The report date: SOURCE_DATE_EPOCH when set (reproducible builds), else today (UTC).
QDate reportDate();

// Every guest as one CSV row (name, product, host, rack, circuits, cluster,
// group, role, vCPU, memory), RFC 4180 quoting, CRLF line ends, UTF-8.
QByteArray guestsCsv(const Topology &topology);

// The palette of group and cluster colours ("#rrggbb"), shared with the canvas's looks.
QString reportGroupColor(int index);
QString reportClusterColor(int index);

} // namespace td
