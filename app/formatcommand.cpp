#include "commands.h"
#include "io/layoutwriter.h"
#include "io/samples.h"

#include <QCommandLineParser>

namespace td::cli {

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
    LoadResult loaded;
    if (!load(file, &loaded))
        return 2;
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

// Prints the embedded sample layout.
int sample(const QStringList &arguments)
{
    if (arguments.size() > 1)
        return usage(tr("sample takes no arguments (it prints the sample layout)"));
    printOut(Samples::contoso());
    return 0;
}

} // namespace td::cli
