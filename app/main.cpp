#include "cli.h"
#include "document.h"
#include "mainwindow.h"
#include "panels/palettepanel.h"
#include "report/uiexporters.h"
#include "scene/topologyscene.h"
#include "scene/topologyview.h"
#include "theme.h"

#include <QApplication>
#include <QFile>
#include <QSettings>
#include <QTimer>

#include <cstdio>

namespace {

// Test hook for end-to-end tests (tests/e2e): when TD_AUTOMATION_INFO names a
// file, the window writes the screen positions of the palette entries and of
// each visible host's guest lane there once it is shown, so that xdotool can drag
// between them. Nothing else changes.
void writeAutomationInfo(td::MainWindow &window, const QString &path)
{
    // One line per target: "palette <what> <x> <y>" or "host <id> <x> <y>",
    // in global screen coordinates.
    QByteArray out;
    auto *tree = window.palette()->tree();
    tree->scrollToItem(window.palette()->entry(QStringLiteral("guest:cic-server")));
    for (const QString &what : {QStringLiteral("guest:cic-server"), QStringLiteral("guest:media-server"),
                                QStringLiteral("guest:generic"), QStringLiteral("host"), QStringLiteral("rack")}) {
        QTreeWidgetItem *item = window.palette()->entry(what);
        const QRect r = item ? tree->visualItemRect(item) : QRect();
        if (r.isEmpty() || !tree->viewport()->rect().contains(r.center()))
            continue; // scrolled out of sight
        const QPoint p = tree->viewport()->mapToGlobal(r.center());
        out += QStringLiteral("palette %1 %2 %3\n").arg(what).arg(p.x()).arg(p.y()).toUtf8();
    }
    for (const td::Host &h : window.document()->topology().hosts) {
        const QRectF r = window.scene()->sceneRectOf(h.id.str());
        // A point in the lane, right of the last chip slot.
        const QPoint local = window.view()->mapFromScene(QPointF(r.right() - 20, r.center().y()));
        if (!window.view()->viewport()->rect().contains(local))
            continue; // not in sight at the start zoom
        const QPoint p = window.view()->viewport()->mapToGlobal(local);
        out += QStringLiteral("host %1 %2 %3\n").arg(h.id.str()).arg(p.x()).arg(p.y()).toUtf8();
    }
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(out);
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

    // ui's export formats (reports that paint, canvas pictures), for the CLI and the GUI.
    td::registerUiExporters();

    // CLI sub-commands run without a display; exports that paint get a
    // QApplication (charts and the canvas are graphics widgets) on the
    // offscreen platform.
    switch (td::Cli::wants(arguments)) {
    case td::Cli::App::None: break;
    case td::Cli::App::Core: {
        QCoreApplication app(argc, argv);
        return td::Cli::run(arguments);
    }
    case td::Cli::App::Gui: {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        return td::Cli::run(arguments);
    }
    }
    if (arguments.size() > 2 || (arguments.size() == 2 && arguments.at(1).startsWith(QLatin1Char('-')))) {
        std::fputs(td::Cli::helpText().toLocal8Bit().constData(), stderr);
        return 2;
    }

    QApplication app(argc, argv);
    QGuiApplication::setDesktopFileName(QStringLiteral("topology-designer"));
    QApplication::setWindowIcon(td::Theme::icon(QStringLiteral("topology-designer")));
    td::Theme::apply(app, static_cast<td::Theme::Mode>(QSettings().value(QStringLiteral("theme"), 0).toInt()));
    td::MainWindow window;
    if (arguments.size() == 2) {
        QString error;
        if (!window.openFile(arguments.at(1), &error, true)) {
            // Say so in the window too (file:line:col), over the sample it
            // opens instead: started from a file manager, stderr is unseen.
            std::fprintf(stderr, "%s\n", error.toLocal8Bit().constData());
            window.openSample();
            const QString path = arguments.at(1);
            QTimer::singleShot(0, &window, [&window, path] { window.openFile(path); });
        }
    } else {
        window.openSample();
    }
    window.show(); // at the size it was left at (MainWindow::restoreSettings)
    QTimer::singleShot(0, &window, &td::MainWindow::offerRecovery);
    const QString automation = qEnvironmentVariable("TD_AUTOMATION_INFO");
    if (!automation.isEmpty())
        QTimer::singleShot(1500, &window, [&window, automation] { writeAutomationInfo(window, automation); });
    return app.exec();
}
