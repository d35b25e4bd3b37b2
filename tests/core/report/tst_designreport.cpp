// The design report's core writers: HTML (tidy, escaping, self-contained),
// Markdown, CSV (parsed back with Python's csv module), hidden names.
#include "export/exporter.h"
#include "io/layoutreader.h"
#include "io/samples.h"
#include "model/topologyindex.h"
#include "report/chartdata.h"
#include "report/designreport.h"
#include "report/reportwriters.h"
#include "rules/validator.h"
#include "topologygenerator.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace td;

namespace {

const QString kHostile = QStringLiteral("<script>alert(1)</script> & \"x\"");

Topology sample()
{
    const LoadResult r = LayoutReader::read(Samples::contoso(), Samples::displayName());
    if (!r.ok())
        qFatal("the sample does not load");
    return r.topology;
}

// The sample with a hostile guest name, host name and group name, and a guest
// with a comma, a quote and a line break in its name (CSV quoting).
Topology hostile()
{
    Topology t = sample();
    t.guests[0].name = kHostile;
    t.guests[1].name = QStringLiteral("IC2, \"backup\"\nline two \u00e9\u4e2d");
    t.hosts[0].name = QStringLiteral("esx'01 <b>bold</b>");
    t.groups[0].name = QStringLiteral("pair </td></tr> & co");
    t.racks[0].name = QStringLiteral("Rack <1>");
    return t;
}

QByteArray exportAs(const QString &format, const Topology &t, bool hideNames = false)
{
    const Exporter *e = ExporterRegistry::instance().find(format);
    if (!e)
        return {};
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QStringList notes;
    QString error;
    ExportOptions options;
    options.hideNames = hideNames;
    if (!e->write(ExportInput{t, QStringLiteral("site.topo.yaml"), options}, buffer, &notes, &error))
        return {};
    return buffer.data();
}

QString requireTool(const char *name)
{
    const QString path = QStandardPaths::findExecutable(QString::fromLatin1(name));
    if (path.isEmpty())
        qWarning("%s is not installed (bash .ci/deps installs it)", name);
    return path;
}

} // namespace

class TestDesignReport : public QObject
{
    Q_OBJECT

private slots:
    void registered()
    {
        for (const char *name : {"html", "markdown", "csv"}) {
            const Exporter *e = ExporterRegistry::instance().find(QString::fromLatin1(name));
            QVERIFY2(e, name);
            QCOMPARE(e->category(), QStringLiteral("report"));
            QVERIFY(!e->needsGui());
        }
    }

    void htmlPassesTidy()
    {
        const QString tidy = requireTool("tidy");
        QVERIFY2(!tidy.isEmpty(), "tidy is missing");
        QTemporaryDir dir;
        for (const Topology &t : {sample(), hostile()}) {
            const QByteArray html = exportAs(QStringLiteral("html"), t);
            QVERIFY(!html.isEmpty());
            QFile file(dir.filePath(QStringLiteral("report.html")));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(html);
            file.close();
            QProcess p;
            p.start(tidy, {QStringLiteral("-q"), QStringLiteral("-e"), file.fileName()});
            QVERIFY(p.waitForFinished(60000));
            const QString messages = QString::fromUtf8(p.readAllStandardError());
            // tidy: exit 0 clean, 1 warnings, 2 errors.
            QVERIFY2(p.exitCode() < 2, qPrintable(messages));
            QVERIFY2(!messages.contains(QLatin1String("Error:")), qPrintable(messages));
        }
    }

    void htmlEscapesEveryName()
    {
        const QByteArray html = exportAs(QStringLiteral("html"), hostile());
        QVERIFY(!html.isEmpty());
        // Nowhere as markup.
        QVERIFY(!html.contains("<script"));
        QVERIFY(!html.contains("<b>bold"));
        QVERIFY(!html.contains("</td></tr> & co"));
        QVERIFY(!html.contains("Rack <1>"));
        // Escaped in text, in the SVG titles and in the tables.
        const QByteArray escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;";
        QVERIFY(html.count(escaped) >= 3); // inventory, logical design, rack tooltip
        QVERIFY(html.contains("esx&#39;01 &lt;b&gt;bold&lt;/b&gt;"));
        QVERIFY(html.contains("Rack &lt;1&gt;"));
        // One element of each kind that must be there exactly once.
        QCOMPARE(html.count("<html"), 1);
        QCOMPARE(html.count("</body>"), 1);
    }

    void htmlIsSelfContained()
    {
        const QByteArray html = exportAs(QStringLiteral("html"), sample());
        QVERIFY(!html.isEmpty());
        QVERIFY(!html.contains("http"));
        QVERIFY(!html.contains("src="));
        QVERIFY(!html.contains("<link"));
        QVERIFY(!html.contains("@import"));
        QVERIFY(!html.contains("url("));
        // Every rack drawn, every host and finding message present.
        const Topology t = sample();
        QCOMPARE(html.count("<figure class=\"rack\">"), t.racks.size());
        for (const Host &h : t.hosts)
            QVERIFY2(html.contains(h.name.toUtf8()), qPrintable(h.name));
        for (const Finding &f : Validator::validate(hostile())) {
            const QByteArray page = exportAs(QStringLiteral("html"), hostile());
            QVERIFY2(page.contains(htmlEscaped(f.message).toUtf8()), qPrintable(f.message));
        }
    }

    void csvParsesBackToTheGuests()
    {
        const QString python = requireTool("python3");
        QVERIFY2(!python.isEmpty(), "python3 is missing");
        const Topology t = hostile();
        const QByteArray csv = exportAs(QStringLiteral("csv"), t);
        QVERIFY(!csv.isEmpty());
        QProcess p;
        p.start(python, {QStringLiteral("-c"), QStringLiteral("import csv, io, json, sys\n"
                                                              "text = sys.stdin.buffer.read().decode('utf-8')\n"
                                                              "print(json.dumps(list(csv.reader(io.StringIO(text, "
                                                              "newline=''), strict=True))))\n")});
        QVERIFY(p.waitForStarted());
        p.write(csv);
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonArray rows = QJsonDocument::fromJson(p.readAllStandardOutput()).array();
        QCOMPARE(rows.size(), t.guests.size() + 1);
        QCOMPARE(rows.at(0).toArray().toVariantList(),
                 QVariantList({QStringLiteral("name"), QStringLiteral("product"), QStringLiteral("host"),
                               QStringLiteral("rack"), QStringLiteral("circuits"), QStringLiteral("cluster"),
                               QStringLiteral("group"), QStringLiteral("role"), QStringLiteral("vcpu"),
                               QStringLiteral("memory_gb")}));
        for (int i = 0; i < t.guests.size(); ++i) {
            const Guest &g = t.guests.at(i);
            const QJsonArray row = rows.at(i + 1).toArray();
            QCOMPARE(row.size(), 10);
            QCOMPARE(row.at(0).toString(), g.name);
            QString host, rack, cluster;
            for (const Host &h : t.hosts) {
                if (h.id == g.host) {
                    host = h.name;
                    for (const Rack &r : t.racks)
                        rack = r.id == h.rack ? r.name : rack;
                    for (const Cluster &c : t.clusters)
                        cluster = c.id == h.cluster ? c.name : cluster;
                }
            }
            QCOMPARE(row.at(2).toString(), host);
            QCOMPARE(row.at(3).toString(), rack);
            QCOMPARE(row.at(5).toString(), cluster);
            QString group, role;
            for (const Group &gr : t.groups) {
                const int m = gr.members.indexOf(g.id);
                if (m < 0 || (!group.isEmpty() && gr.kind == GroupKind::Pool))
                    continue;
                group = gr.name;
                role = gr.kind == GroupKind::Pool ? QStringLiteral("pool member")
                                                  : (m == 0 ? QStringLiteral("primary") : QStringLiteral("backup"));
            }
            QCOMPARE(row.at(6).toString(), group);
            QCOMPARE(row.at(7).toString(), role);
            QCOMPARE(row.at(8).toString().toInt(), g.vcpu);
            QCOMPARE(row.at(9).toString().toInt(), g.memoryGb);
        }
        QVERIFY(csv.contains("\r\n"));
    }

    void markdownHasTheContentEscaped()
    {
        const QByteArray whole = exportAs(QStringLiteral("markdown"), hostile());
        QVERIFY(!whole.isEmpty());
        // The appendix holds the script in a code fence, where a name is a literal, not markup.
        const int appendix = whole.indexOf("## 9. ");
        QVERIFY(appendix > 0);
        const QByteArray md = whole.left(appendix);
        const QByteArray script = whole.mid(appendix);
        QVERIFY(script.contains("```powershell\n"));
        QVERIFY(script.trimmed().endsWith("```"));
        QVERIFY(!md.contains("<script>"));
        QVERIFY(md.contains("\\<script\\>alert(1)\\</script\\> \\& \"x\""));
        const DesignReport r = DesignReport::build(hostile(), QString(), false);
        for (const QString &title : reportSectionTitles(r))
            QVERIFY2(md.contains(title.toUtf8()), qPrintable(title));
        // The line break in a name does not break the table row.
        QVERIFY(md.contains("IC2, \"backup\" line two"));
    }

    void hiddenNames()
    {
        const Topology t = sample();
        for (const QString &format : {QStringLiteral("html"), QStringLiteral("markdown"), QStringLiteral("csv")}) {
            const QByteArray out = QString::fromUtf8(exportAs(format, t, true)).toUtf8();
            QVERIFY(!out.isEmpty());
            for (const Host &h : t.hosts)
                QVERIFY2(!out.contains(h.name.toUtf8()), qPrintable(format + QLatin1Char(' ') + h.name));
            for (const Guest &g : t.guests) {
                // Word-bounded: "IC1" must not appear, "CIC Server A" may.
                const QRegularExpression word(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(g.name)));
                QVERIFY2(!QString::fromUtf8(out).contains(word), qPrintable(format + QLatin1Char(' ') + g.name));
            }
            QVERIFY(out.contains("Host 1"));
            QVERIFY(out.contains("CIC Server A"));
            QVERIFY(out.contains("CIC Server B"));
        }
    }

    void savedScenariosGetASectionEach()
    {
        Topology t = sample();
        Scenario lose;
        lose.name = QStringLiteral("Lose <rack> 1");
        lose.fail = QStringList{t.racks.at(0).id.str()};
        t.scenarios << lose;
        const QByteArray html = exportAs(QStringLiteral("html"), t);
        QVERIFY(html.contains("Saved scenario: Lose &lt;rack&gt; 1"));
        // The rack's hosts go down: both are named in the scenario's sentence.
        const int at = html.indexOf("Saved scenario: Lose");
        const QByteArray section = html.mid(at, html.indexOf("</table>", at) - at);
        for (const Host &h : t.hosts) {
            if (h.rack == t.racks.at(0).id)
                QVERIFY2(section.contains(h.name.toUtf8()), qPrintable(h.name));
        }
        const QByteArray md = exportAs(QStringLiteral("markdown"), t);
        QVERIFY(md.contains("### Saved scenario: Lose \\<rack\\> 1"));
    }

    void elevationPlacesHostsInTheirUnits()
    {
        const Topology t = sample();
        const DesignReport r = DesignReport::build(t, QString(), false);
        QCOMPARE(r.racks.size(), t.racks.size());
        int hosts = 0;
        for (const RackElevation &e : r.racks)
            hosts += e.hosts.size() + e.unplaced.size();
        int racked = 0;
        for (const Host &h : t.hosts)
            racked += h.rack.isNull() ? 0 : 1;
        QCOMPARE(hosts, racked);
        // esx01: units 20-21 of rack-1, 42U: drawn from y = 6 + (42 - 21) * 14.
        const QString svg = rackElevationSvg(r.racks.at(0));
        QVERIFY2(svg.contains(QStringLiteral("y=\"%1\"").arg(6 + (42 - 21) * 14 + 1)), qPrintable(svg.left(400)));
        QVERIFY(svg.contains(QStringLiteral("<title>esx01.contoso.local")));
    }

    void findingsGroupedByRule()
    {
        // Thousands of findings share a handful of rules: each rule's explanation
        // is said once per severity, followed by every one of its findings.
        const Topology t = test::generateTopology(test::GeneratorParams::small(), 3);
        const QVector<Finding> findings = Validator::validate(t);
        QHash<QString, int> perRule;
        for (const Finding &f : findings)
            ++perRule[f.rule + QLatin1Char('/') + severityName(f.severity)];
        QVERIFY(std::any_of(perRule.cbegin(), perRule.cend(), [](int n) { return n > 1; }));
        const DesignReport r = DesignReport::build(t, QString(), false);
        const QString html = QString::fromUtf8(reportHtml(r));
        const int start = html.indexOf(QStringLiteral("<section id=\"s4\">"));
        const QString section = html.mid(start, html.indexOf(QStringLiteral("</section>"), start) - start);
        QSet<QString> rules;
        for (const ReportFinding &f : r.findings) {
            QVERIFY2(section.contains(htmlEscaped(f.message)), qPrintable(f.message));
            rules.insert(f.rule);
        }
        for (const QString &rule : rules) {
            int severities = 0;
            for (const char *sev : {"error", "warning", "info"})
                severities += perRule.contains(rule + QLatin1Char('/') + QLatin1String(sev)) ? 1 : 0;
            const ReportFinding &any = *std::find_if(r.findings.cbegin(), r.findings.cend(),
                                                     [&](const ReportFinding &f) { return f.rule == rule; });
            QCOMPARE(section.count(htmlEscaped(any.explanation)), severities);
        }
        // Each group says how many findings it has.
        for (auto it = perRule.cbegin(); it != perRule.cend(); ++it) {
            if (it.value() > 1)
                QVERIFY2(section.contains(QStringLiteral("(%1), %2 findings")
                                              .arg(it.key().section(QLatin1Char('/'), 0, 0))
                                              .arg(it.value())),
                         qPrintable(it.key()));
        }
    }

    void impactChartShowsTheWorstFailures()
    {
        test::GeneratorParams params = test::GeneratorParams::small();
        params.hosts = 60;
        params.guests = 400;
        const Topology t = test::generateTopology(params, 7);
        const DesignReport r = DesignReport::build(t, QString(), false);
        const int elements = t.hosts.size() + t.racks.size() + t.circuits.size();
        QVERIFY(elements > kImpactChartMax);
        QCOMPARE(r.impactTotal, elements);
        QCOMPARE(r.impact.labels.size(), kImpactChartMax);
        QCOMPARE(r.impact.down.size(), kImpactChartMax);
        QVERIFY2(r.impactNote.contains(QStringLiteral("(of %1)").arg(elements)), qPrintable(r.impactNote));

        // A host's failure takes down the guests placed on it, counted here from the model.
        QHash<QString, int> guestsOn;
        for (const Guest &g : t.guests) {
            for (const Host &h : t.hosts) {
                if (h.id == g.host)
                    ++guestsOn[h.name];
            }
        }
        int hostsShown = 0;
        for (int i = 0; i < r.impact.labels.size(); ++i) {
            if (!guestsOn.contains(r.impact.labels.at(i)))
                continue;
            ++hostsShown;
            QCOMPARE(r.impact.down.at(i), double(guestsOn.value(r.impact.labels.at(i))));
            QVERIFY(r.impact.restarted.at(i) + r.impact.stayDown.at(i) <= r.impact.down.at(i));
        }
        QVERIFY(hostsShown > 0);

        // The chart shows the worst: no failure left out keeps more guests down
        // (or as many, with more down) than one shown; shown in the analysis's order.
        const ImpactSeries all = singleFailureImpact(t, TopologyIndex(t));
        QCOMPARE(all.labels.size(), elements);
        auto key = [](const ImpactSeries &s, int i) { return std::make_pair(s.stayDown.at(i), s.down.at(i)); };
        std::pair<double, double> weakestShown{1e9, 1e9};
        QVector<int> positions;
        for (int i = 0; i < r.impact.labels.size(); ++i) {
            weakestShown = std::min(weakestShown, key(r.impact, i));
            positions << all.labels.indexOf(r.impact.labels.at(i));
            QVERIFY(positions.last() >= 0);
        }
        QVERIFY(std::is_sorted(positions.begin(), positions.end()));
        for (int i = 0; i < all.labels.size(); ++i) {
            if (!positions.contains(i))
                QVERIFY2(key(all, i) <= weakestShown, qPrintable(all.labels.at(i)));
        }

        // Markdown: the chart's figures as a table, with the note; HTML without a chart renderer too.
        const QString md = QString::fromUtf8(reportMarkdown(r));
        QVERIFY(md.contains(QStringLiteral("### Impact of each single failure")));
        QVERIFY(md.contains(QStringLiteral("| Failure | Guests down | Restarted by HA | Staying down |")));
        QVERIFY(md.contains(r.impactNote.left(20)));
        const QString html = QString::fromUtf8(reportHtml(r));
        QVERIFY(html.contains(QStringLiteral("<th>Restarted by HA</th>")));

        // A small layout shows every failure, and says nothing is left out.
        const Topology s = sample();
        const DesignReport small = DesignReport::build(s, QString(), false);
        QCOMPARE(small.impact.labels.size(), s.hosts.size() + s.racks.size() + s.circuits.size());
        QVERIFY(small.impactNote.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDesignReport)
#include "tst_designreport.moc"
