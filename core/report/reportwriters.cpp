#include "report/reportwriters.h"

#include "report/elevationdrawing.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace td {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("td::ReportWriters", text);
}

const char *severityHeading(Severity s)
{
    switch (s) {
    case Severity::Error: return QT_TRANSLATE_NOOP("td::ReportWriters", "Errors");
    case Severity::Warning: return QT_TRANSLATE_NOOP("td::ReportWriters", "Warnings");
    case Severity::Info: return QT_TRANSLATE_NOOP("td::ReportWriters", "Notes");
    }
    return "";
}

constexpr const char *kCss = R"(
:root{--fg:#1b1f23;--muted:#5f6b76;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;--err:#c62828;--warn:#ef6c00;--info:#1565c0}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:1100px;padding:16px}
h1{font-size:1.9em;margin:.2em 0}h2{border-bottom:2px solid var(--line);padding-bottom:.2em;margin-top:1.6em}h3{margin-top:1.2em}
.titlepage{border-bottom:4px solid #1e88e5;padding:1.5em 0 1em}.titlepage p{margin:.2em 0;color:var(--muted)}
nav ol{columns:2 14em;padding-left:1.4em}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.6em 0}
table{border-collapse:collapse;min-width:100%;font-size:.9em}
th,td{border:1px solid var(--line);padding:.25em .5em;text-align:left;vertical-align:top}
th{background:var(--soft)}tbody tr:nth-child(even){background:#fbfcfd}
td.num,th.num{text-align:right}
.racks{display:flex;flex-wrap:wrap;gap:16px}
figure.rack{margin:0;flex:0 1 240px}figure.rack figcaption{font-weight:600}
figure.rack p{margin:.1em 0;font-size:.85em;color:var(--muted)}
figure.rack svg{width:100%;height:auto;max-width:240px}
.chart svg{width:100%;height:auto;max-width:900px}
.finding{border-left:5px solid var(--info);background:var(--soft);padding:.4em .8em;margin:.6em 0}
.finding.error{border-color:var(--err)}.finding.warning{border-color:var(--warn)}
.finding .msg{font-weight:600;margin:.1em 0}.finding ul{margin:.3em 0;padding-left:1.3em}.finding .waived{font-weight:400}.finding p{margin:.2em 0}.finding .src{color:var(--muted);font-size:.85em}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:50%;vertical-align:middle;margin-right:.3em}
.counts span{margin-right:1em}
pre.script{background:var(--soft);border:1px solid var(--line);padding:.6em;overflow-x:auto;font-size:.8em;white-space:pre}
@media (max-width:600px){body{font-size:14px;padding:8px}figure.rack{flex-basis:45%}nav ol{columns:1}}
@media print{body{max-width:none;padding:0;font-size:10pt}pre.script{white-space:pre-wrap;overflow:visible}section{break-before:page}.scroll{overflow:visible}
thead{display:table-header-group}tr,figure,.finding{break-inside:avoid}a{color:inherit;text-decoration:none}}
)";

// Whether a character needs escaping in HTML text (see htmlEscaped).
bool needsEscape(QChar c)
{
    const char16_t u = c.unicode();
    return u == '&' || u == '<' || u == '>' || u == '"' || u == '\'' || (u < 0x20 && u != '\n' && u != '\t');
}

// Appends text escaped as htmlEscaped does, without a copy when nothing needs escaping.
void appendEscaped(QString &out, const QString &text)
{
    const auto plain = std::find_if(text.cbegin(), text.cend(), needsEscape);
    if (plain == text.cend()) {
        out += text;
        return;
    }
    out += htmlEscaped(text);
}

struct Html
{
    QString out;
    Html &operator<<(const QString &s)
    {
        out += s;
        return *this;
    }
    Html &operator<<(const char *s)
    {
        // Most literals are ASCII: appended without a temporary string.
        const char *p = s;
        while (*p && static_cast<unsigned char>(*p) < 0x80)
            ++p;
        if (*p)
            out += QString::fromUtf8(s);
        else
            out += QLatin1String(s, static_cast<qsizetype>(p - s));
        return *this;
    }
    Html &text(const QString &s)
    {
        appendEscaped(out, s);
        return *this;
    }
};

// A number (right-aligned in tables): what QString::toDouble takes, tried
// only when every character could be part of one (names are not parsed).
bool numeric(const QString &cell)
{
    if (cell.isEmpty())
        return false;
    for (const QChar c : cell) {
        if (!c.isDigit() && !QStringView(u".+-eEinfaINFA \t\n\r\v\f").contains(c))
            return false;
    }
    bool ok = false;
    cell.toDouble(&ok);
    return ok;
}

void htmlTable(Html &h, const ReportTable &table)
{
    h << "<div class=\"scroll\"><table><thead><tr>";
    for (const QString &c : table.header)
        h << "<th>" << htmlEscaped(c) << "</th>";
    h << "</tr></thead><tbody>\n";
    for (const QStringList &row : table.rows) {
        h << "<tr>";
        for (const QString &c : row)
            (h << (numeric(c) ? "<td class=\"num\">" : "<td>")).text(c) << "</td>";
        h << "</tr>\n";
    }
    h << "</tbody></table></div>\n";
}

// The figures of a capacity chart as a table (when no chart renderer).
ReportTable capacityTable(const CapacitySeries &s)
{
    ReportTable t;
    t.header = QStringList{tr("Host"), tr("vCPU used"), tr("Cores"), tr("Memory used (GB)"), tr("Memory (GB)")};
    for (int i = 0; i < s.hosts.size(); ++i) {
        double vcpu = 0, memory = 0;
        for (int p = 0; p < s.products.size(); ++p) {
            vcpu += s.vcpuByProduct.at(p).at(i);
            memory += s.memoryByProduct.at(p).at(i);
        }
        t.rows << QStringList{s.hosts.at(i), QString::number(vcpu), QString::number(s.cores.at(i)),
                              QString::number(memory), QString::number(s.memoryGb.at(i))};
    }
    return t;
}

ReportTable countTable(const CountSeries &s, const QString &what)
{
    ReportTable t;
    t.header = QStringList{what, tr("Guests")};
    for (int i = 0; i < s.labels.size(); ++i)
        t.rows << QStringList{s.labels.at(i), QString::number(s.values.at(i))};
    return t;
}

QString anchorOf(int section)
{
    return QStringLiteral("s%1").arg(section + 1);
}

} // namespace

ReportTable impactTable(const ImpactSeries &s)
{
    ReportTable t;
    t.header = QStringList{tr("Failure"), tr("Guests down"), tr("Restarted by HA"), tr("Staying down")};
    for (int i = 0; i < s.labels.size(); ++i)
        t.rows << QStringList{s.labels.at(i), QString::number(s.down.at(i)), QString::number(s.restarted.at(i)),
                              QString::number(s.stayDown.at(i))};
    return t;
}

QVector<QVector<const ReportFinding *>> findingsByRule(const QVector<ReportFinding> &findings, Severity severity)
{
    QVector<QVector<const ReportFinding *>> groups;
    QHash<QString, int> groupOf;
    for (const ReportFinding &f : findings) {
        if (f.severity != severity)
            continue;
        auto it = groupOf.find(f.rule);
        if (it == groupOf.end()) {
            it = groupOf.insert(f.rule, groups.size());
            groups.append(QVector<const ReportFinding *>());
        }
        groups[*it].append(&f);
    }
    return groups;
}

QString findingsCount(int n)
{
    return n == 1 ? tr("1 finding") : tr("%1 findings").arg(n);
}

QString htmlEscaped(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&': out += QLatin1String("&amp;"); break;
        case '<': out += QLatin1String("&lt;"); break;
        case '>': out += QLatin1String("&gt;"); break;
        case '"': out += QLatin1String("&quot;"); break;
        case '\'': out += QLatin1String("&#39;"); break;
        default:
            // Control characters are not allowed in HTML or XML text.
            if (c.unicode() < 0x20 && c != QLatin1Char('\n') && c != QLatin1Char('\t'))
                out += QChar(0xFFFD);
            else
                out += c;
        }
    }
    return out;
}

QStringList reportSectionTitles(const DesignReport &)
{
    return QStringList{tr("Summary"),
                       tr("Physical placement"),
                       tr("Logical design"),
                       tr("Findings"),
                       tr("Failure analysis"),
                       tr("Capacity"),
                       tr("Rules in production"),
                       tr("Inventory"),
                       tr("Appendix: the rules script")};
}

QString rackElevationSvg(const RackElevation &rack)
{
    const ElevationDrawing d = elevationDrawing(rack);
    auto rect = [](const ElevationDrawing::Box &b) {
        QString r = QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\"")
                        .arg(b.x)
                        .arg(b.y)
                        .arg(b.width)
                        .arg(b.height);
        if (b.radius > 0)
            r += QStringLiteral(" rx=\"%1\"").arg(b.radius);
        r += QStringLiteral(" fill=\"%1\"").arg(b.fill);
        if (b.fillOpacity < 1)
            r += QStringLiteral(" fill-opacity=\"%1\"").arg(QString::number(b.fillOpacity));
        return r + QStringLiteral(" stroke=\"%1\" stroke-width=\"%2\"/>").arg(b.stroke, QString::number(b.strokeWidth));
    };
    auto text = [](const ElevationDrawing::Label &l) {
        return QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"%3\"%4 fill=\"%5\">%6</text>")
            .arg(l.x)
            .arg(l.y)
            .arg(l.size)
            .arg(l.alignEnd ? QStringLiteral(" text-anchor=\"end\"") : QString(), l.fill, htmlEscaped(l.text));
    };
    QString s;
    s.reserve(4000 + rack.units * 200);
    s += QStringLiteral("<svg viewBox=\"0 0 %1 %2\" width=\"%1\" height=\"%2\" "
                        "role=\"img\" font-family=\"sans-serif\"><title>%3</title>")
             .arg(d.width)
             .arg(d.height)
             .arg(htmlEscaped(d.title));
    s += rect(d.frame);
    for (const ElevationDrawing::Unit &u : d.units)
        s += rect(u.slot) + text(u.number);
    for (const ElevationDrawing::Host &h : d.hosts) {
        s += QStringLiteral("<g><title>%1</title>").arg(htmlEscaped(h.tooltip)) + rect(h.box) + text(h.label);
        for (const ElevationDrawing::Dot &dot : h.dots) {
            s += QStringLiteral("<circle cx=\"%1\" cy=\"%2\" r=\"%3\" fill=\"%4\" stroke=\"%5\" stroke-width=\"%6\"/>")
                     .arg(dot.cx)
                     .arg(dot.cy)
                     .arg(QString::number(dot.radius), dot.fill, dot.stroke, QString::number(dot.strokeWidth));
        }
        s += QStringLiteral("</g>");
    }
    s += QStringLiteral("</svg>");
    return s;
}

QByteArray reportHtml(const DesignReport &r, const ReportChartRenderer *charts)
{
    const QStringList titles = reportSectionTitles(r);
    Html h;
    h.out.reserve(1 << 20);
    h << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    h.text(tr("Design report: ") + r.title) << "</title>\n<style>" << kCss << "</style>\n</head>\n<body>\n";

    h << "<header class=\"titlepage\">\n<h1>";
    h.text(r.title) << "</h1>\n<p>";
    h.text(tr("Virtualization design report")) << "</p>\n<p>";
    h.text(r.platform) << "</p>\n<p>";
    h.text(r.date + (r.sourceName.isEmpty() ? QString() : QStringLiteral(" \u00b7 ") + r.sourceName)) << "</p>\n";
    h << "</header>\n";

    h << "<nav>\n<h2>" << htmlEscaped(tr("Contents")) << "</h2>\n<ol>\n";
    for (int i = 0; i < titles.size(); ++i)
        h << "<li><a href=\"#" << anchorOf(i) << "\">" << htmlEscaped(titles.at(i)) << "</a></li>\n";
    h << "</ol>\n</nav>\n";

    auto section = [&](int i) {
        h << "<section id=\"" << anchorOf(i) << "\">\n<h2>" << QString::number(i + 1) << ". "
          << htmlEscaped(titles.at(i)) << "</h2>\n";
    };

    // 1. Summary
    section(0);
    for (const QString &s : r.summary)
        h << "<p>" << htmlEscaped(s) << "</p>\n";
    h << "</section>\n";

    // 2. Physical placement
    section(1);
    h << "<div class=\"racks\">\n";
    for (const RackElevation &rack : r.racks) {
        h << "<figure class=\"rack\"><figcaption>" << htmlEscaped(rack.name) << "</figcaption>";
        h << "<p>" << htmlEscaped(tr("%1U").arg(rack.units)) << " \u00b7 "
          << htmlEscaped(rack.feeds.isEmpty() ? tr("no feeds given") : rack.feeds.join(QStringLiteral(" \u00b7 ")))
          << "</p>";
        if (!rack.unplaced.isEmpty())
            h << "<p>" << htmlEscaped(tr("No unit given: ") + rack.unplaced.join(QStringLiteral(", "))) << "</p>";
        h << rackElevationSvg(rack) << "</figure>\n";
    }
    h << "</div>\n";
    if (!r.unrackedHosts.rows.isEmpty()) {
        h << "<h3>" << htmlEscaped(tr("Hosts in no rack")) << "</h3>\n";
        htmlTable(h, r.unrackedHosts);
    }
    h << "</section>\n";

    // 3. Logical design
    section(2);
    if (r.groups.isEmpty()) {
        h << "<p>" << htmlEscaped(tr("The layout has no redundancy groups.")) << "</p>\n";
    } else {
        h << "<div class=\"scroll\"><table><thead><tr>";
        for (const QString &c : r.groupTable.header)
            h << "<th>" << htmlEscaped(c) << "</th>";
        h << "</tr></thead><tbody>\n";
        for (int i = 0; i < r.groups.size(); ++i) {
            const QStringList &row = r.groupTable.rows.at(i);
            h << "<tr><td><span class=\"swatch\" style=\"background:" << htmlEscaped(r.groups.at(i).color)
              << "\"></span>" << htmlEscaped(row.value(0)) << "</td>";
            for (int c = 1; c < row.size(); ++c)
                h << "<td>" << htmlEscaped(row.at(c)) << "</td>";
            h << "</tr>\n";
        }
        h << "</tbody></table></div>\n";
    }
    h << "</section>\n";

    // 4. Findings
    section(3);
    h << "<p class=\"counts\"><span>" << htmlEscaped(tr("Errors: %1").arg(r.errors)) << "</span><span>"
      << htmlEscaped(tr("Warnings: %1").arg(r.warnings)) << "</span><span>" << htmlEscaped(tr("Notes: %1").arg(r.infos))
      << "</span>";
    if (r.waived > 0)
        h << "<span>" << htmlEscaped(tr("Waived: %1").arg(r.waived)) << "</span>";
    h << "</p>\n";
    if (r.findings.isEmpty())
        h << "<p>" << htmlEscaped(tr("The placement rules find nothing to report.")) << "</p>\n";
    for (Severity sev : {Severity::Error, Severity::Warning, Severity::Info}) {
        const QVector<QVector<const ReportFinding *>> groups = findingsByRule(r.findings, sev);
        if (!groups.isEmpty())
            h << "<h3>" << htmlEscaped(tr(severityHeading(sev))) << "</h3>\n";
        for (const QVector<const ReportFinding *> &group : groups) {
            const ReportFinding &first = *group.first();
            h << "<div class=\"finding " << severityName(sev) << "\"><p><strong>" << htmlEscaped(first.title)
              << "</strong> (" << htmlEscaped(first.rule) << "), " << htmlEscaped(findingsCount(group.size())) << ". "
              << htmlEscaped(first.explanation) << "</p><p class=\"src\">" << htmlEscaped(tr("Source: ") + first.source)
              << "</p>\n<ul>\n";
            for (const ReportFinding *f : group) {
                h << "<li>" << htmlEscaped(f->message);
                if (!f->waived.isEmpty())
                    h << " <span class=\"waived\"><strong>" << htmlEscaped(tr("Waived:")) << "</strong> "
                      << htmlEscaped(f->waived) << "</span>";
                h << "</li>\n";
            }
            h << "</ul></div>\n";
        }
    }
    if (!r.waivers.rows.isEmpty()) {
        h << "<h3>" << htmlEscaped(tr("Waivers")) << "</h3>\n<p>"
          << htmlEscaped(tr("Findings accepted on purpose, with the reason saved in the layout. A waived finding "
                            "counts toward no severity."))
          << "</p>\n";
        htmlTable(h, r.waivers);
    }
    h << "</section>\n";

    // 5. Failure analysis
    section(4);
    h << "<p>"
      << htmlEscaped(tr("What each single host, rack and circuit failure takes down, what vSphere/Hyper-V HA "
                        "restarts and where, and what stays down."))
      << "</p>\n";
    if (!r.impact.labels.isEmpty()) {
        h << "<h3>" << htmlEscaped(tr("Impact of each single failure")) << "</h3>\n";
        if (!r.impactNote.isEmpty())
            h << "<p>" << htmlEscaped(r.impactNote) << "</p>\n";
        if (charts)
            h << "<div class=\"chart\">" << charts->impactSvg(r.impact) << "</div>\n";
        else
            htmlTable(h, impactTable(r.impact));
        h << "<h3>" << htmlEscaped(tr("Every single failure")) << "</h3>\n";
    }
    htmlTable(h, r.failureMatrix);
    for (const DesignReport::SavedScenario &sc : r.scenarios) {
        h << "<h3>" << htmlEscaped(tr("Saved scenario: %1").arg(sc.name)) << "</h3>\n<p>" << htmlEscaped(sc.sentence)
          << "</p>\n";
        if (!sc.table.rows.isEmpty())
            htmlTable(h, sc.table);
    }
    h << "<h3>" << htmlEscaped(tr("Worst double failures")) << "</h3>\n";
    if (r.worstDoubles.rows.isEmpty()) {
        h << "<p>" << htmlEscaped(tr("No double failure does more harm than a single one.")) << "</p>\n";
    } else {
        h << "<ol>\n";
        for (const QString &sentence : r.worstDoubleSentences)
            h << "<li>" << htmlEscaped(sentence) << "</li>\n";
        h << "</ol>\n";
        htmlTable(h, r.worstDoubles);
    }
    h << "</section>\n";

    // 6. Capacity
    section(5);
    for (const CapacitySeries &s : r.capacity) {
        h << "<h3>" << htmlEscaped(s.cluster) << "</h3>\n";
        if (charts) {
            h << "<div class=\"chart\">" << charts->capacitySvg(s, false) << "</div>\n";
            h << "<div class=\"chart\">" << charts->capacitySvg(s, true) << "</div>\n";
        } else {
            htmlTable(h, capacityTable(s));
        }
    }
    for (const auto &[series, what] : {std::pair<const CountSeries &, QString>{r.guestsPerRack, tr("Rack")},
                                       std::pair<const CountSeries &, QString>{r.guestsPerCircuit, tr("Circuit")}}) {
        h << "<h3>" << htmlEscaped(series.title) << "</h3>\n";
        if (charts)
            h << "<div class=\"chart\">" << charts->countSvg(series) << "</div>\n";
        else
            htmlTable(h, countTable(series, what));
    }
    h << "</section>\n";

    // 7. Rules in production
    section(6);
    h << "<h3>" << htmlEscaped(tr("Kept apart (anti-affinity)")) << "</h3>\n";
    if (r.apartSets.rows.isEmpty())
        h << "<p>" << htmlEscaped(tr("None.")) << "</p>\n";
    else
        htmlTable(h, r.apartSets);
    h << "<h3>" << htmlEscaped(tr("Rack pins of switchover pairs")) << "</h3>\n";
    if (r.rackPins.rows.isEmpty())
        h << "<p>" << htmlEscaped(tr("None.")) << "</p>\n";
    else
        htmlTable(h, r.rackPins);
    h << "<h3>" << htmlEscaped(tr("DRS overrides")) << "</h3>\n";
    if (r.drsOverrides.rows.isEmpty())
        h << "<p>" << htmlEscaped(tr("None.")) << "</p>\n";
    else
        htmlTable(h, r.drsOverrides);
    if (!r.ruleNotes.isEmpty()) {
        h << "<h3>" << htmlEscaped(tr("Notes")) << "</h3>\n<ul>\n";
        for (const QString &note : r.ruleNotes)
            h << "<li>" << htmlEscaped(note) << "</li>\n";
        h << "</ul>\n";
    }
    h << "</section>\n";

    // 8. Inventory
    section(7);
    h << "<h3>" << htmlEscaped(tr("Hosts")) << "</h3>\n";
    htmlTable(h, r.hostInventory);
    h << "<h3>" << htmlEscaped(tr("Guests")) << "</h3>\n";
    htmlTable(h, r.guestInventory);
    h << "</section>\n";

    // 9. Appendix
    section(8);
    if (r.script.isEmpty()) {
        h << "<p>" << htmlEscaped(tr("No script for this platform.")) << "</p>\n";
    } else {
        h << "<h3>" << htmlEscaped(r.scriptTitle) << "</h3>\n<pre class=\"script\">" << htmlEscaped(r.script)
          << "</pre>\n";
    }
    h << "</section>\n</body>\n</html>\n";
    return h.out.toUtf8();
}

namespace {

// Text for Markdown: the characters that would become markup are escaped.
QString md(const QString &text)
{
    QString out;
    out.reserve(text.size() + 4);
    for (const QChar c : text) {
        if (QStringView(u"\\`*_[]<>|&#~").contains(c))
            out += QLatin1Char('\\');
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            out += QLatin1Char(' ');
        else
            out += c;
    }
    return out;
}

void mdTable(QString &out, const ReportTable &t)
{
    out += QLatin1Char('|');
    for (const QString &c : t.header)
        out += QLatin1Char(' ') + md(c) + QStringLiteral(" |");
    out += QStringLiteral("\n|");
    for (const QString &c : t.header) {
        Q_UNUSED(c)
        out += QStringLiteral(" --- |");
    }
    out += QLatin1Char('\n');
    for (const QStringList &row : t.rows) {
        out += QLatin1Char('|');
        for (const QString &c : row)
            out += QLatin1Char(' ') + md(c) + QStringLiteral(" |");
        out += QLatin1Char('\n');
    }
    out += QLatin1Char('\n');
}

} // namespace

QByteArray reportMarkdown(const DesignReport &r)
{
    const QStringList titles = reportSectionTitles(r);
    QString out;
    out.reserve(1 << 20);
    out += QStringLiteral("# ") + md(r.title) + QStringLiteral("\n\n");
    out += md(tr("Virtualization design report")) + QStringLiteral("  \n") + md(r.platform) + QStringLiteral("  \n")
         + md(r.date + (r.sourceName.isEmpty() ? QString() : QStringLiteral(" \u00b7 ") + r.sourceName))
         + QStringLiteral("\n\n");
    out += QStringLiteral("## ") + md(tr("Contents")) + QStringLiteral("\n\n");
    for (int i = 0; i < titles.size(); ++i)
        out += QStringLiteral("%1. %2\n").arg(i + 1).arg(md(titles.at(i)));
    out += QLatin1Char('\n');
    auto section = [&](int i) { out += QStringLiteral("## %1. %2\n\n").arg(i + 1).arg(md(titles.at(i))); };

    section(0);
    for (const QString &s : r.summary)
        out += md(s) + QStringLiteral("\n\n");

    section(1);
    for (const RackElevation &rack : r.racks) {
        out += QStringLiteral("### ") + md(rack.name) + QStringLiteral("\n\n");
        out += md(tr("%1U").arg(rack.units)) + QStringLiteral(", ")
             + md(rack.feeds.isEmpty() ? tr("no feeds given") : rack.feeds.join(QStringLiteral(", ")))
             + QStringLiteral("\n\n");
        ReportTable t;
        t.header = QStringList{tr("Units"), tr("Host"), tr("Cluster"), tr("Guests")};
        QVector<ElevationHost> hosts = rack.hosts;
        std::stable_sort(hosts.begin(), hosts.end(),
                         [](const ElevationHost &a, const ElevationHost &b) { return a.unit > b.unit; });
        for (const ElevationHost &h : hosts)
            t.rows << QStringList{h.height > 1 ? QStringLiteral("U%1-U%2").arg(h.unit).arg(h.unit + h.height - 1)
                                               : QStringLiteral("U%1").arg(h.unit),
                                  h.name, h.cluster, QString::number(h.guests.size())};
        for (const QString &name : rack.unplaced)
            t.rows << QStringList{tr("no unit"), name, QString(), QString()};
        if (t.rows.isEmpty())
            out += md(tr("Empty.")) + QStringLiteral("\n\n");
        else
            mdTable(out, t);
    }
    if (!r.unrackedHosts.rows.isEmpty()) {
        out += QStringLiteral("### ") + md(tr("Hosts in no rack")) + QStringLiteral("\n\n");
        mdTable(out, r.unrackedHosts);
    }

    section(2);
    if (r.groups.isEmpty())
        out += md(tr("The layout has no redundancy groups.")) + QStringLiteral("\n\n");
    else
        mdTable(out, r.groupTable);

    section(3);
    out += md(tr("Errors: %1, warnings: %2, notes: %3.").arg(r.errors).arg(r.warnings).arg(r.infos));
    if (r.waived > 0)
        out += QLatin1Char(' ') + md(tr("Waived: %1.").arg(r.waived));
    out += QStringLiteral("\n\n");
    for (Severity sev : {Severity::Error, Severity::Warning, Severity::Info}) {
        const QVector<QVector<const ReportFinding *>> groups = findingsByRule(r.findings, sev);
        if (!groups.isEmpty())
            out += QStringLiteral("### ") + md(tr(severityHeading(sev))) + QStringLiteral("\n\n");
        for (const QVector<const ReportFinding *> &group : groups) {
            const ReportFinding &first = *group.first();
            out += QStringLiteral("**") + md(first.title) + QStringLiteral("** (`") + first.rule
                 + QStringLiteral("`), ") + md(findingsCount(group.size())) + QStringLiteral(". ")
                 + md(first.explanation) + QStringLiteral("  \n") + md(tr("Source: ") + first.source)
                 + QStringLiteral("\n\n");
            for (const ReportFinding *f : group) {
                out += QStringLiteral("- ") + md(f->message);
                if (!f->waived.isEmpty())
                    out += QStringLiteral(" **") + md(tr("Waived:")) + QStringLiteral("** ") + md(f->waived);
                out += QLatin1Char('\n');
            }
            out += QLatin1Char('\n');
        }
    }
    if (!r.waivers.rows.isEmpty()) {
        out += QStringLiteral("### ") + md(tr("Waivers")) + QStringLiteral("\n\n");
        mdTable(out, r.waivers);
    }

    section(4);
    if (!r.impact.labels.isEmpty()) {
        out += QStringLiteral("### ") + md(tr("Impact of each single failure")) + QStringLiteral("\n\n");
        if (!r.impactNote.isEmpty())
            out += md(r.impactNote) + QStringLiteral("\n\n");
        mdTable(out, impactTable(r.impact));
        out += QStringLiteral("### ") + md(tr("Every single failure")) + QStringLiteral("\n\n");
    }
    mdTable(out, r.failureMatrix);
    for (const DesignReport::SavedScenario &sc : r.scenarios) {
        out += QStringLiteral("### ") + md(tr("Saved scenario: %1").arg(sc.name)) + QStringLiteral("\n\n")
             + md(sc.sentence) + QStringLiteral("\n\n");
        if (!sc.table.rows.isEmpty())
            mdTable(out, sc.table);
    }
    out += QStringLiteral("### ") + md(tr("Worst double failures")) + QStringLiteral("\n\n");
    if (r.worstDoubles.rows.isEmpty()) {
        out += md(tr("No double failure does more harm than a single one.")) + QStringLiteral("\n\n");
    } else {
        for (int i = 0; i < r.worstDoubleSentences.size(); ++i)
            out += QStringLiteral("%1. ").arg(i + 1) + md(r.worstDoubleSentences.at(i)) + QLatin1Char('\n');
        out += QLatin1Char('\n');
        mdTable(out, r.worstDoubles);
    }

    section(5);
    for (const CapacitySeries &s : r.capacity) {
        out += QStringLiteral("### ") + md(s.cluster) + QStringLiteral("\n\n");
        mdTable(out, capacityTable(s));
    }
    out += QStringLiteral("### ") + md(r.guestsPerRack.title) + QStringLiteral("\n\n");
    mdTable(out, countTable(r.guestsPerRack, tr("Rack")));
    out += QStringLiteral("### ") + md(r.guestsPerCircuit.title) + QStringLiteral("\n\n");
    mdTable(out, countTable(r.guestsPerCircuit, tr("Circuit")));

    section(6);
    for (const auto &[title, table] :
         {std::pair<QString, const ReportTable &>{tr("Kept apart (anti-affinity)"), r.apartSets},
          std::pair<QString, const ReportTable &>{tr("Rack pins of switchover pairs"), r.rackPins},
          std::pair<QString, const ReportTable &>{tr("DRS overrides"), r.drsOverrides}}) {
        out += QStringLiteral("### ") + md(title) + QStringLiteral("\n\n");
        if (table.rows.isEmpty())
            out += md(tr("None.")) + QStringLiteral("\n\n");
        else
            mdTable(out, table);
    }
    if (!r.ruleNotes.isEmpty()) {
        out += QStringLiteral("### ") + md(tr("Notes")) + QStringLiteral("\n\n");
        for (const QString &note : r.ruleNotes)
            out += QStringLiteral("- ") + md(note) + QLatin1Char('\n');
        out += QLatin1Char('\n');
    }

    section(7);
    out += QStringLiteral("### ") + md(tr("Hosts")) + QStringLiteral("\n\n");
    mdTable(out, r.hostInventory);
    out += QStringLiteral("### ") + md(tr("Guests")) + QStringLiteral("\n\n");
    mdTable(out, r.guestInventory);

    section(8);
    if (r.script.isEmpty()) {
        out += md(tr("No script for this platform.")) + QStringLiteral("\n");
    } else {
        // A fence longer than any run of backticks in the script.
        QString fence = QStringLiteral("```");
        while (r.script.contains(fence))
            fence += QLatin1Char('`');
        out += QStringLiteral("### ") + md(r.scriptTitle) + QStringLiteral("\n\n") + fence
             + QStringLiteral("powershell\n") + r.script
             + (r.script.endsWith(QLatin1Char('\n')) ? QString() : QStringLiteral("\n")) + fence + QLatin1Char('\n');
    }
    return out.toUtf8();
}

} // namespace td
