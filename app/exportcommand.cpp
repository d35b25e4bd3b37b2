#include "commands.h"
#include "export/exporter.h"
#include "io/samples.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QRegularExpression>

namespace td::cli {

namespace {

struct ExportArgs
{
    QCommandLineParser parser;
    QCommandLineOption list{QStringLiteral("list"), tr("List the export formats.")};
    QCommandLineOption to{QStringLiteral("to"), tr("The export format (see --list)."), QStringLiteral("name")};
    QCommandLineOption output{{QStringLiteral("o"), QStringLiteral("output")},
                              tr("Write to FILE instead of standard output."),
                              QStringLiteral("file")};
    QCommandLineOption sample{QStringLiteral("sample"), tr("Export the embedded sample layout.")};
    QCommandLineOption hideNames{QStringLiteral("hide-names"),
                                 tr("Reports and pictures: generic labels instead of names.")};
    QCommandLineOption compact{QStringLiteral("compact"), tr("Pictures: the compact rack view.")};
    QCommandLineOption fail{QStringLiteral("fail"), tr("Pictures: the what-if scenario of these failed elements."),
                            QStringLiteral("ids")};
    QCommandLineOption page{QStringLiteral("page"), tr("Paginated reports: a4 or letter."), QStringLiteral("size")};
    QCommandLineOption size{QStringLiteral("size"), tr("Pictures: WIDTHxHEIGHT in pixels."), QStringLiteral("wxh")};

    explicit ExportArgs(const QStringList &arguments)
    {
        parser.addOptions({list, to, output, sample, hideNames, compact, fail, page, size});
        ok = parser.parse(arguments);
    }
    bool ok = false;
};

} // namespace

bool exportNeedsGui(const QStringList &arguments)
{
    ExportArgs args(arguments);
    if (!args.ok || !args.parser.isSet(args.to))
        return false;
    const Exporter *exporter = ExporterRegistry::instance().find(args.parser.value(args.to));
    return exporter && exporter->needsGui();
}

// Writes a layout in one of the registry's formats (rule scripts, reports).
int exportLayout(const QStringList &arguments)
{
    ExportArgs args(arguments);
    if (!args.ok)
        return usage(args.parser.errorText());
    const QStringList files = args.parser.positionalArguments();
    if (args.parser.isSet(args.list)) {
        if (!files.isEmpty() || args.parser.isSet(args.to))
            return usage(tr("export --list takes no other argument"));
        QByteArray text;
        for (const Exporter *e : ExporterRegistry::instance().all())
            text += QStringLiteral("%1\t.%2\t%3\n").arg(e->name(), e->extension(), e->description()).toUtf8();
        printOut(text);
        return 0;
    }
    if (args.parser.isSet(args.sample) == !files.isEmpty() || files.size() > 1)
        return usage(tr("export takes one layout FILE or --sample"));
    if (!args.parser.isSet(args.to))
        return usage(tr("export needs --to FORMAT (export --list shows them)"));
    const QString name = args.parser.value(args.to);
    const Exporter *exporter = ExporterRegistry::instance().find(name);
    if (!exporter) {
        QStringList names;
        for (const Exporter *e : ExporterRegistry::instance().all())
            names << e->name();
        return usage(tr("unknown export format '%1' (use %2)").arg(name, names.join(QStringLiteral(", "))));
    }

    ExportOptions options;
    options.hideNames = args.parser.isSet(args.hideNames);
    options.compact = args.parser.isSet(args.compact);
    for (const QString &ids : args.parser.values(args.fail))
        options.fail += ids.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (args.parser.isSet(args.page)) {
        options.pageSize = args.parser.value(args.page).toLower();
        if (options.pageSize != QLatin1String("a4") && options.pageSize != QLatin1String("letter"))
            return usage(tr("--page takes a4 or letter, not '%1'").arg(args.parser.value(args.page)));
    }
    if (args.parser.isSet(args.size)) {
        static const QRegularExpression re(QStringLiteral("^(\\d{1,5})[xX](\\d{1,5})$"));
        const QRegularExpressionMatch m = re.match(args.parser.value(args.size));
        const int w = m.hasMatch() ? m.captured(1).toInt() : 0;
        const int h = m.hasMatch() ? m.captured(2).toInt() : 0;
        if (w < 1 || h < 1 || w > 20000 || h > 20000)
            return usage(tr("--size takes WIDTHxHEIGHT in pixels (1 to 20000 each), not '%1'")
                             .arg(args.parser.value(args.size)));
        options.imageSize = QSize(w, h);
    }

    LoadResult loaded;
    if (!load(files.value(0), &loaded))
        return 2;
    const QString source = files.isEmpty() ? Samples::displayName() : files.first();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QStringList notes;
    QString error;
    if (!exporter->write(ExportInput{loaded.topology, source, options}, buffer, &notes, &error)) {
        printErr(tr("%1: error: %2").arg(source, error));
        return 2;
    }
    for (const QString &note : notes)
        printErr(tr("%1: note: %2").arg(source, note));
    return writeOutput(args.parser.value(args.output), buffer.data()) ? 0 : 2;
}

} // namespace td::cli
