#include "cli.h"

#include "commands.h"

#include <QCoreApplication>

namespace td {

namespace {

// Every CLI command, in the order --help lists them. A new command is one
// line here and one handler in a file of its own (commands.h).
const cli::Command kCommands[] = {
    {"validate",
     QT_TRANSLATE_NOOP("td::Cli",
                       "  topology-designer validate FILE [options]\n"
                       "  topology-designer validate --sample [options]\n"
                       "                                           check a layout (*.topo.yaml, format 1)\n"
                       "                                           against the placement rules and print\n"
                       "                                           the findings:\n"
                       "    --format text|json|sarif|junit         output format (default text)\n"
                       "    --strict                               warnings fail too\n"
                       "    --no-waivers                           ignore every waiver (an auditor's view)\n"
                       "    --output FILE                          write the report to FILE\n"),
     &cli::validate},
    {"analyze",
     QT_TRANSLATE_NOOP("td::Cli",
                       "  topology-designer analyze FILE [options]\n"
                       "  topology-designer analyze --sample [options]\n"
                       "                                           what failures do (hosts, guests and groups\n"
                       "                                           down, HA restarts): every single host, rack\n"
                       "                                           and circuit failure, or:\n"
                       "    --fail ID[,ID...]                      fail these hosts, racks and circuits together\n"
                       "    --worst K [--depth 1|2]                the K worst single (and double, the default)\n"
                       "                                           failures\n"
                       "    --saved                                the scenarios saved in the layout\n"
                       "    --format text|json                     output format (default text)\n"
                       "    --strict                               exit 1 when a scenario has a group down\n"
                       "    --output FILE                          write the report to FILE\n"),
     &cli::analyze},
    {"sample",
     QT_TRANSLATE_NOOP("td::Cli", "  topology-designer sample                 print the embedded sample layout\n"),
     &cli::sample},
    {"format",
     QT_TRANSLATE_NOOP("td::Cli",
                       "  topology-designer format FILE [--in-place]\n"
                       "                                           rewrite FILE in the canonical form the\n"
                       "                                           designer saves (stdout, or the file itself):\n"
                       "                                           comments and blank lines kept; key order,\n"
                       "                                           quoting, flow/block style, anchors, aliases\n"
                       "                                           and tags normalized (see the README)\n"),
     &cli::format},
    {"export",
     QT_TRANSLATE_NOOP("td::Cli",
                       "  topology-designer export FILE --to FORMAT [-o FILE] [options]\n"
                       "  topology-designer export --sample --to FORMAT [-o FILE] [options]\n"
                       "                                           write the layout as FORMAT: the DRS and\n"
                       "                                           failover-cluster rule scripts (powercli,\n"
                       "                                           hyperv, terraform, ansible) and reports;\n"
                       "                                           notes on what a format cannot express go\n"
                       "                                           to stderr (FILE: note: ...)\n"
                       "    --hide-names                           reports, pictures: generic labels instead\n"
                       "                                           of host and VM names\n"
                       "    --compact                              pictures: the compact rack view (empty\n"
                       "                                           units collapsed, racks in a 4:3 grid)\n"
                       "    --fail ID[,ID...]                      pictures: drawn as what-if draws these\n"
                       "                                           hosts, racks and circuits failed\n"
                       "    --page a4|letter                       paginated reports: the page size\n"
                       "    --size WxH                             pictures: the size in pixels\n"
                       "  topology-designer export --list          the formats: name, extension, description\n"),
     &cli::exportLayout, &cli::exportNeedsGui},
};

const cli::Command *command(const QString &name)
{
    for (const cli::Command &c : kCommands) {
        if (name == QLatin1String(c.name))
            return &c;
    }
    return nullptr;
}

bool isHelp(const QString &a)
{
    return a == QLatin1String("help") || a == QLatin1String("--help") || a == QLatin1String("-h");
}

bool isVersion(const QString &a)
{
    return a == QLatin1String("--version") || a == QLatin1String("-v");
}

} // namespace

Cli::App Cli::wants(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return App::None;
    const QString &first = arguments.at(1);
    if (isHelp(first) || isVersion(first))
        return App::Core;
    const cli::Command *c = command(first);
    if (!c)
        return App::None;
    QStringList rest = arguments;
    rest.removeAt(1);
    return c->needsGui && c->needsGui(rest) ? App::Gui : App::Core;
}

QString Cli::helpText()
{
    QString text = cli::tr("Usage:\n"
                           "  topology-designer [FILE]                 open the designer (the embedded sample\n"
                           "                                           layout when no FILE is given)\n");
    for (const cli::Command &c : kCommands)
        text += cli::tr(c.help);
    text += cli::tr("  topology-designer --help | --version\n"
                    "\n"
                    "Exit codes:\n"
                    "  0  done; for validate: no errors (and no warnings with --strict)\n"
                    "  1  validate: findings that fail: errors, or warnings with --strict;\n"
                    "     analyze --strict: a scenario with a group down\n"
                    "  2  the file could not be loaded (file:line:col says why), bad usage, or\n"
                    "     export: an unknown format or one that does not fit the layout\n"
                    "\n"
                    "The CLI needs no display.\n");
    return text;
}

int Cli::run(const QStringList &arguments)
{
    const QString name = arguments.value(1);
    if (isVersion(name)) {
        cli::printOut(QStringLiteral("topology-designer %1\n").arg(QCoreApplication::applicationVersion()).toUtf8());
        return 0;
    }
    if (isHelp(name)) {
        cli::printOut(helpText().toUtf8());
        return 0;
    }
    const cli::Command *c = command(name);
    if (!c)
        return cli::usage(cli::tr("unknown command '%1'").arg(name));
    QStringList rest = arguments;
    rest.removeAt(1); // the parser sees "program [options] args"
    return c->run(rest);
}

} // namespace td
