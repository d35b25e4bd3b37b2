#include "cli.h"

#include "io/layoutreader.h"
#include "io/layoutwriter.h"
#include "io/samples.h"
#include "model/topologyindex.h"
#include "report/findingsreport.h"
#include "rules/validator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>

namespace td {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("td::Cli", text);
}

void printErr(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stderr);
    std::fputc('\n', stderr);
}

void printOut(const QByteArray &data)
{
    std::fwrite(data.constData(), 1, static_cast<size_t>(data.size()), stdout);
    std::fflush(stdout);
}

int usage(const QString &message)
{
    printErr(QStringLiteral("topology-designer: ") + message);
    printErr(tr("Try 'topology-designer --help'."));
    return 2;
}

int validate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption sample(QStringLiteral("sample"), tr("Validate the embedded sample layout."));
    const QCommandLineOption format(QStringLiteral("format"), tr("Output format: text, json, sarif or junit."),
                                    QStringLiteral("format"), QStringLiteral("text"));
    const QCommandLineOption strict(QStringLiteral("strict"), tr("Warnings fail too."));
    const QCommandLineOption output(QStringLiteral("output"), tr("Write the report to FILE."), QStringLiteral("file"));
    parser.addOptions({sample, format, strict, output});
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    const QStringList files = parser.positionalArguments();
    if (parser.isSet(sample) == !files.isEmpty() || files.size() > 1)
        return usage(tr("validate takes one layout FILE or --sample"));
    FindingsReport::Format fmt;
    if (!FindingsReport::parseFormat(parser.value(format), &fmt))
        return usage(tr("unknown format '%1' (use text, json, sarif or junit)").arg(parser.value(format)));

    const QString shownName = parser.isSet(sample) ? Samples::displayName() : files.first();
    const LoadResult loaded = parser.isSet(sample) ? LayoutReader::read(Samples::contoso(), shownName)
                                                   : LayoutReader::readFile(files.first());
    for (const Diagnostic &w : loaded.warnings)
        printErr(w.toString());
    if (!loaded.ok()) {
        printErr(loaded.error->toString());
        return 2;
    }
    const QVector<Finding> findings = Validator::validate(loaded.topology);
    FindingsReport report(findings, shownName, loaded.lineOfId);
    if (!parser.isSet(sample))
        report.setSourceFile(files.first());
    const QByteArray data = report.write(fmt);
    if (parser.isSet(output)) {
        QSaveFile out(parser.value(output));
        if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size() || !out.commit()) {
            printErr(tr("topology-designer: cannot write %1: %2").arg(parser.value(output), out.errorString()));
            return 2;
        }
    } else {
        printOut(data);
    }
    for (const Finding &f : findings) {
        if (f.severity == Severity::Error || (parser.isSet(strict) && f.severity == Severity::Warning))
            return 1;
    }
    return 0;
}

// Rewrites a layout in the canonical form the designer saves (to stdout, or
// in place with --in-place; atomic, and only when it loads).
int format(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption inPlace(QStringLiteral("in-place"), tr("Rewrite the file itself."));
    parser.addOption(inPlace);
    if (!parser.parse(arguments) || parser.positionalArguments().size() != 1)
        return usage(tr("format takes one layout FILE"));
    const QString file = parser.positionalArguments().first();
    const LoadResult loaded = LayoutReader::readFile(file);
    for (const Diagnostic &w : loaded.warnings)
        printErr(w.toString());
    if (!loaded.ok()) {
        printErr(loaded.error->toString());
        return 2;
    }
    if (!parser.isSet(inPlace)) {
        const QByteArray text = LayoutWriter::write(loaded.topology);
        if (text.size() > LayoutReader::kMaxFileBytes) {
            printErr(tr("%1: error: the canonical form would take more than the %2 MiB a layout file "
                        "may have (aliases expanded)")
                         .arg(file)
                         .arg(LayoutReader::kMaxFileBytes / (1024 * 1024)));
            return 2;
        }
        printOut(text);
        return 0;
    }
    QString error;
    if (!LayoutWriter::writeFile(loaded.topology, file, &error)) {
        printErr(error);
        return 2;
    }
    return 0;
}

int sample(const QStringList &arguments)
{
    if (arguments.size() > 2)
        return usage(tr("sample takes no arguments (it prints the sample layout)"));
    printOut(Samples::contoso());
    return 0;
}

} // namespace

bool Cli::wants(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString &first = arguments.at(1);
    return first == QLatin1String("validate") || first == QLatin1String("sample") || first == QLatin1String("format")
        || first == QLatin1String("help") || first == QLatin1String("--help") || first == QLatin1String("-h")
        || first == QLatin1String("--version") || first == QLatin1String("-v");
}

QString Cli::helpText()
{
    return tr("Usage:\n"
              "  topology-designer [FILE]                 open the designer (the embedded sample\n"
              "                                           layout when no FILE is given)\n"
              "  topology-designer validate FILE [options]\n"
              "  topology-designer validate --sample [options]\n"
              "  topology-designer sample                 print the embedded sample layout\n"
              "  topology-designer format FILE [--in-place]\n"
              "                                           rewrite FILE in the canonical form the\n"
              "                                           designer saves (stdout, or the file itself):\n"
              "                                           comments and blank lines kept; key order,\n"
              "                                           quoting, flow/block style, anchors, aliases\n"
              "                                           and tags normalized (see the README)\n"
              "  topology-designer --help | --version\n"
              "\n"
              "validate checks a layout (*.topo.yaml, format 1) against the placement rules\n"
              "and prints the findings.\n"
              "  --format text|json|sarif|junit          output format (default text)\n"
              "  --strict                                 warnings fail too\n"
              "  --output FILE                            write the report to FILE\n"
              "\n"
              "Exit codes:\n"
              "  0  no errors (and no warnings with --strict)\n"
              "  1  findings that fail: errors, or warnings with --strict\n"
              "  2  the file could not be loaded (file:line:col says why), or bad usage\n"
              "\n"
              "The CLI needs no display.\n");
}

int Cli::run(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        printOut(QStringLiteral("topology-designer %1\n").arg(QCoreApplication::applicationVersion()).toUtf8());
        return 0;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        printOut(helpText().toUtf8());
        return 0;
    }
    QStringList rest = arguments;
    rest.removeAt(1); // the parser sees "program [options] args"
    if (command == QLatin1String("validate"))
        return validate(rest);
    if (command == QLatin1String("sample"))
        return sample(arguments);
    if (command == QLatin1String("format"))
        return format(rest);
    return usage(tr("unknown command '%1'").arg(command));
}

} // namespace td
