#include "cli.h"
#include "mainwindow.h"
#include "theme.h"

#include "document.h"
#include "panels/palettepanel.h"
#include "scene/topologyscene.h"
#include "scene/topologyview.h"

#include <QApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTimer>

#include <cstdio>

namespace {

// Test hook for end-to-end tests (tests/e2e): when TD_AUTOMATION_INFO names a
// file, the window writes the screen positions of the palette entries and of
// each host's guest lane there once it is shown, so that xdotool can drag
// between them. Nothing else changes.
void writeAutomationInfo(td::MainWindow &window, const QString &path)
{
    QJsonObject palette;
    auto *tree = window.palette()->tree();
    for (const QString &what : {QStringLiteral("guest:cic-server"), QStringLiteral("guest:media-server"),
                                QStringLiteral("guest:generic"), QStringLiteral("host"), QStringLiteral("rack")}) {
        QTreeWidgetItem *item = window.palette()->entry(what);
        if (!item)
            continue;
        tree->scrollToItem(item);
        const QPoint p = tree->viewport()->mapToGlobal(tree->visualItemRect(item).center());
        palette.insert(what, QJsonObject{{QStringLiteral("x"), p.x()}, {QStringLiteral("y"), p.y()}});
    }
    QJsonObject hosts;
    for (const td::Host &h : window.document()->topology().hosts) {
        const QRectF r = window.scene()->sceneRectOf(h.id.str());
        // A point in the lane, right of the last chip slot.
        const QPointF scenePoint(r.right() - 20, r.center().y());
        const QPoint p = window.view()->viewport()->mapToGlobal(window.view()->mapFromScene(scenePoint));
        hosts.insert(h.id.str(), QJsonObject{{QStringLiteral("x"), p.x()}, {QStringLiteral("y"), p.y()}});
    }
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("palette"), palette}, {QStringLiteral("hosts"), hosts}}).toJson());
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    QCoreApplication::setApplicationName(QStringLiteral("Topology Designer"));
    QCoreApplication::setOrganizationName(QStringLiteral("Topology Designer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TD_VERSION));

    // CLI sub-commands run without a display.
    if (td::Cli::wants(arguments)) {
        QCoreApplication app(argc, argv);
        return td::Cli::run(arguments);
    }
    if (arguments.size() > 2 || (arguments.size() == 2 && arguments.at(1).startsWith(QLatin1Char('-')))) {
        std::fputs(td::Cli::helpText().toLocal8Bit().constData(), stderr);
        return 2;
    }

    QApplication app(argc, argv);
    QApplication::setWindowIcon(td::Theme::icon(QStringLiteral("topology-designer")));
    td::Theme::apply(app, static_cast<td::Theme::Mode>(QSettings().value(QStringLiteral("theme"), 0).toInt()));
    td::MainWindow window;
    if (arguments.size() == 2) {
        QString error;
        if (!window.openFile(arguments.at(1), &error, true)) {
            std::fprintf(stderr, "%s\n", error.toLocal8Bit().constData());
            window.openSample();
        }
    } else {
        window.openSample();
    }
    window.resize(1400, 900);
    window.show();
    QTimer::singleShot(0, &window, &td::MainWindow::offerRecovery);
    const QString automation = qEnvironmentVariable("TD_AUTOMATION_INFO");
    if (!automation.isEmpty())
        QTimer::singleShot(1500, &window, [&window, automation] { writeAutomationInfo(window, automation); });
    return app.exec();
}
