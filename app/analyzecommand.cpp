#include "analysis/failureanalysis.h"
#include "commands.h"
#include "io/samples.h"
#include "report/analysisreport.h"

#include <QCommandLineParser>

namespace td::cli {

// What a failure of hosts, racks or circuits does (RULES.md "Failure
// analysis"): the N-1 scenarios, one --fail scenario, or the --worst ranking.
int analyze(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption sample(QStringLiteral("sample"), tr("Analyze the embedded sample layout."));
    const QCommandLineOption fail(QStringLiteral("fail"), tr("Fail these hosts, racks and circuits together."),
                                  QStringLiteral("ids"));
    const QCommandLineOption format(QStringLiteral("format"), tr("Output format: text or json."),
                                    QStringLiteral("format"), QStringLiteral("text"));
    const QCommandLineOption strict(QStringLiteral("strict"), tr("Exit 1 when some scenario has a group down."));
    const QCommandLineOption worst(QStringLiteral("worst"), tr("The K worst single (and double) failures."),
                                   QStringLiteral("k"));
    const QCommandLineOption depth(QStringLiteral("depth"), tr("With --worst: 1 single failures, 2 also pairs."),
                                   QStringLiteral("depth"), QStringLiteral("2"));
    const QCommandLineOption output(QStringLiteral("output"), tr("Write the report to FILE."), QStringLiteral("file"));
    parser.addOptions({sample, fail, format, strict, worst, depth, output});
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    const QStringList files = parser.positionalArguments();
    if (parser.isSet(sample) == !files.isEmpty() || files.size() > 1)
        return usage(tr("analyze takes one layout FILE or --sample"));
    AnalysisReport::Format fmt;
    if (!AnalysisReport::parseFormat(parser.value(format), &fmt))
        return usage(tr("unknown format '%1' (use text or json)").arg(parser.value(format)));
    if (parser.isSet(fail) && parser.isSet(worst))
        return usage(tr("--fail and --worst cannot be used together"));
    if (parser.isSet(depth) && !parser.isSet(worst))
        return usage(tr("--depth goes with --worst"));
    bool okK = true;
    bool okDepth = true;
    const int k = parser.isSet(worst) ? parser.value(worst).toInt(&okK) : 0;
    const int d = parser.value(depth).toInt(&okDepth);
    if (!okK || (parser.isSet(worst) && k < 1))
        return usage(tr("--worst takes a count of at least 1, not '%1'").arg(parser.value(worst)));
    if (!okDepth || d < 1 || d > 2)
        return usage(tr("--depth takes 1 or 2, not '%1'").arg(parser.value(depth)));
    QStringList failIds;
    for (const QString &value : parser.values(fail)) {
        for (const QString &id : value.split(QLatin1Char(','))) {
            if (!id.trimmed().isEmpty())
                failIds << id.trimmed();
        }
    }
    if (parser.isSet(fail) && failIds.isEmpty())
        return usage(tr("--fail takes the ids of hosts, racks or circuits, separated by commas"));

    LoadResult loaded;
    if (!load(files.value(0), &loaded))
        return 2;
    const TopologyIndex index(loaded.topology);
    const FailureAnalysis analysis(loaded.topology, index);
    QVector<ScenarioResult> scenarios;
    if (!failIds.isEmpty()) {
        QString error;
        const std::optional<ScenarioResult> result = analysis.run(failIds, &error);
        if (!result)
            return usage(tr("--fail: %1").arg(error));
        scenarios.append(*result);
    } else if (parser.isSet(worst)) {
        scenarios = analysis.worst(k, d);
    } else {
        scenarios = analysis.singleFailures();
    }
    const AnalysisReport report(analysis, scenarios, files.isEmpty() ? Samples::displayName() : files.first(),
                                parser.isSet(worst) ? AnalysisReport::Kind::Worst : AnalysisReport::Kind::Scenarios);
    if (!writeOutput(parser.value(output), report.write(fmt)))
        return 2;
    return parser.isSet(strict) && report.anyGroupDown() ? 1 : 0;
}

} // namespace td::cli
