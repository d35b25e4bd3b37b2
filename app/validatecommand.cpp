#include "commands.h"
#include "io/samples.h"
#include "report/findingsreport.h"
#include "rules/validator.h"

#include <QCommandLineParser>

namespace td::cli {

// Checks a layout against the placement rules and prints the findings.
int validate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption sample(QStringLiteral("sample"), tr("Validate the embedded sample layout."));
    const QCommandLineOption format(QStringLiteral("format"), tr("Output format: text, json, sarif or junit."),
                                    QStringLiteral("format"), QStringLiteral("text"));
    const QCommandLineOption strict(QStringLiteral("strict"), tr("Warnings fail too."));
    const QCommandLineOption output(QStringLiteral("output"), tr("Write the report to FILE."), QStringLiteral("file"));
    const QCommandLineOption noWaivers(QStringLiteral("no-waivers"),
                                       tr("Ignore every waiver: waived findings count and fail as they are."));
    parser.addOptions({sample, format, strict, output, noWaivers});
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    const QStringList files = parser.positionalArguments();
    if (parser.isSet(sample) == !files.isEmpty() || files.size() > 1)
        return usage(tr("validate takes one layout FILE or --sample"));
    FindingsReport::Format fmt;
    if (!FindingsReport::parseFormat(parser.value(format), &fmt))
        return usage(tr("unknown format '%1' (use text, json, sarif or junit)").arg(parser.value(format)));

    LoadResult loaded;
    if (!load(files.value(0), &loaded))
        return 2;
    // An auditor's view: the design as if nothing had been accepted (and so
    // no waiver-unused findings either).
    if (parser.isSet(noWaivers))
        loaded.topology.waivers.clear();
    const QVector<Finding> findings = Validator::validate(loaded.topology);
    FindingsReport report(findings, files.isEmpty() ? Samples::displayName() : files.first(), loaded.lineOfId);
    if (!files.isEmpty())
        report.setSourceFile(files.first());
    if (!writeOutput(parser.value(output), report.write(fmt)))
        return 2;
    // Waived findings fail no gate.
    return report.fails(parser.isSet(strict)) ? 1 : 0;
}

} // namespace td::cli
