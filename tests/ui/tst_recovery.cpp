#include "changebuilder.h"
#include "commands/changecommand.h"
#include "document.h"
#include "io/layoutreader.h"
#include "io/layoutwriter.h"
#include "io/samples.h"
#include "mainwindow.h"
#include "recovery.h"
#include "scene/geometry.h"
#include "scene/mime.h"
#include "scene/topologyscene.h"
#include "scene/topologyview.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>

#include <array>
#include <cstdio>
#include <functional>
#include <list>

using namespace td;

// Autosave, crash recovery and saving safety, with real MainWindow
// instances (offscreen). A crash is simulated by destroying a window without
// its clean shutdown (closeEvent) and leaving a lock file naming a process
// that does not exist, as a killed process would.
class TestRecovery : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mTemp;
    QString mDir; // this test function's recovery folder
    int mCount = 0;
    std::list<std::unique_ptr<MainWindow>> mWindows; // a list: references stay valid
    QList<QTimer *> mWatchers;

    std::unique_ptr<MainWindow> &window(const QString &file = QString())
    {
        auto w = std::make_unique<MainWindow>(mDir);
        w->resize(1200, 800);
        if (file.isEmpty())
            w->openSample();
        else
            w->openFile(file, nullptr, true);
        w->show();
        mWindows.push_back(std::move(w));
        return mWindows.back();
    }

    // Handles the next modal dialog (the window's own QDialog/QMessageBox).
    void whenModal(std::function<void(QWidget *)> handler)
    {
        auto *timer = new QTimer(this);
        timer->setInterval(5);
        connect(timer, &QTimer::timeout, this, [timer, handler] {
            QWidget *modal = QApplication::activeModalWidget();
            if (!modal || !modal->isVisible())
                return;
            timer->stop();
            QPointer<QWidget> guard = modal;
            handler(modal);
            // Every handler ends the dialog: one still open (a failed check, or
            // a button that did nothing) fails the test instead of hanging it.
            if (guard && guard->isVisible()) {
                if (!QTest::currentTestFailed())
                    QTest::qFail("the dialog is still open", __FILE__, __LINE__);
                guard->close();
            }
        });
        timer->start();
        mWatchers << timer;
    }

    // Runs action; true when it showed a modal dialog (which is then closed).
    bool showsModal(const std::function<void()> &action)
    {
        bool shown = false;
        QTimer timer;
        timer.setInterval(5);
        connect(&timer, &QTimer::timeout, this, [&] {
            if (QWidget *modal = QApplication::activeModalWidget()) {
                shown = true;
                modal->close();
            }
        });
        timer.start();
        action();
        return shown;
    }

    // A crash: no closeEvent, and the lock a dead process leaves behind.
    void crash(std::unique_ptr<MainWindow> &w)
    {
        const QString lock = w->recovery()->lockFile();
        w.reset();
        QFile file(lock);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("999999999\ntopology-designer\n" + QSysInfo::machineHostName().toUtf8() + "\n");
    }

    // A real edit through the undo stack: renames a guest.
    static void renameGuest(MainWindow *w, int index, const QString &name)
    {
        Guest g = w->document()->topology().guests.at(index);
        g.name = name;
        const Change change = ChangeBuilder(w->document()->topology(), w->document()->index())
                                  .replace(g, QStringLiteral("Rename"));
        w->undoStack()->push(new EditObjectCommand(w->document(), change, QString()));
    }

    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static void pressSave(MainWindow *w)
    {
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w));
        QTest::keyClick(w, Qt::Key_S, Qt::ControlModifier);
    }

    QString writeSample(const QString &name)
    {
        const LoadResult sample = LayoutReader::read(Samples::contoso(), Samples::displayName());
        const QString path = mTemp.filePath(name);
        QString error;
        if (!LayoutWriter::writeFile(sample.ok() ? sample.topology : Topology(), path, &error))
            qWarning("%s", qPrintable(error));
        return path;
    }

    // Writes the files a dead session leaves: autosave, metadata, stale lock.
    void writeDeadSession(const QString &session,
                          const QByteArray &layout,
                          const QString &original,
                          const QJsonObject &baseline = QJsonObject())
    {
        const QString base = mDir + QLatin1Char('/') + session;
        QFile f(base + QStringLiteral(".topo.yaml"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(layout);
        f.close();
        QJsonObject meta{{QStringLiteral("format"), 1},
                         {QStringLiteral("pid"), 999999999},
                         {QStringLiteral("original"), original},
                         {QStringLiteral("written"), QStringLiteral("2026-01-02T03:04:05.000Z")}};
        if (!baseline.isEmpty())
            meta.insert(QStringLiteral("baseline"), baseline);
        QFile m(base + QStringLiteral(".json"));
        QVERIFY(m.open(QIODevice::WriteOnly));
        m.write(QJsonDocument(meta).toJson());
        QFile l(base + QStringLiteral(".lock"));
        QVERIFY(l.open(QIODevice::WriteOnly));
        l.write("999999999\ntopology-designer\n" + QSysInfo::machineHostName().toUtf8() + "\n");
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("TopologyDesignerTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_recovery"));
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(mTemp.isValid());
    }

    void init()
    {
        mDir = mTemp.filePath(QStringLiteral("recovery-%1").arg(++mCount));
        QVERIFY(QDir().mkpath(mDir));
    }

    void cleanup()
    {
        for (QTimer *t : std::as_const(mWatchers))
            delete t;
        mWatchers.clear();
        for (auto &w : mWindows) {
            if (!w)
                continue;
            w->undoStack()->setClean();
            w->close();
        }
        mWindows.clear();
    }

    void twoInstancesOneCrashes()
    {
        auto &a = window();
        auto &b = window();
        renameGuest(a.get(), 0, QStringLiteral("work of A"));
        renameGuest(b.get(), 1, QStringLiteral("work of B"));
        a->autosave();
        b->autosave();
        QVERIFY(a->recovery()->recoveryFile() != b->recovery()->recoveryFile());
        const Topology workOfA = a->document()->topology();
        const QString fileOfA = a->recovery()->recoveryFile();
        QVERIFY(LayoutReader::readFile(fileOfA).topology == workOfA);
        const QStringList filesOfB = {b->recovery()->recoveryFile(), b->recovery()->metaFile(),
                                      b->recovery()->lockFile()};
        QList<QByteArray> before;
        for (const QString &f : filesOfB)
            before << readAll(f);
        QVERIFY(!before.at(0).isEmpty());

        crash(a);
        auto &c = window();
        int offered = -1;
        QString details;
        whenModal([&](QWidget *modal) {
            auto *dialog = qobject_cast<RecoveryDialog *>(modal);
            QVERIFY(dialog);
            offered = dialog->list()->topLevelItemCount();
            details = dialog->details()->toPlainText();
            QVERIFY(dialog->recoverButton()->isDefault());
            QTest::mouseClick(dialog->recoverButton(), Qt::LeftButton);
        });
        c->offerRecovery();
        QCOMPARE(offered, 1);
        QVERIFY2(details.contains(fileOfA), qPrintable(details));
        QVERIFY(c->document()->topology() == workOfA);
        QVERIFY(c->isWindowModified());
        // B is running: its files are untouched.
        for (int i = 0; i < filesOfB.size(); ++i)
            QCOMPARE(readAll(filesOfB.at(i)), before.at(i));
        // The recovered work is now C's own autosave; A's files are gone.
        QVERIFY(!QFile::exists(fileOfA));
        QVERIFY(LayoutReader::readFile(c->recovery()->recoveryFile()).topology == workOfA);

        // A fourth start finds nothing: B and C are running.
        auto &d = window();
        QVERIFY(!showsModal([&] { d->offerRecovery(); }));
        QVERIFY(QFile::exists(c->recovery()->recoveryFile()));

        // C crashes too: its recovered work is offered again.
        const QString fileOfC = c->recovery()->recoveryFile();
        crash(c);
        QStringList files;
        whenModal([&](QWidget *modal) {
            auto *dialog = qobject_cast<RecoveryDialog *>(modal);
            QVERIFY(dialog);
            for (int i = 0; i < dialog->list()->topLevelItemCount(); ++i)
                files << dialog->list()->topLevelItem(i)->text(0);
            QTest::mouseClick(dialog->keepButton(), Qt::LeftButton);
        });
        d->offerRecovery();
        QCOMPARE(files, QStringList{workOfA.header.name});
        QVERIFY(QFile::exists(fileOfC)); // kept for later
        QVERIFY(!d->isWindowModified());
    }

    // Real processes: a running one's work is never offered nor touched; once
    // it is killed (SIGKILL: no clean-up at all), its work is offered.
    void killedProcessIsFoundAgain()
    {
        std::array<QProcess, 2> children;
        QStringList files;
        for (int i = 0; i < 2; ++i) {
            children[i].start(QCoreApplication::applicationFilePath(),
                              {QStringLiteral("--child"), mDir, QStringLiteral("child-%1").arg(i)});
            QVERIFY(children[i].waitForStarted());
            while (!children[i].canReadLine())
                QVERIFY2(children[i].waitForReadyRead(), qPrintable(children[i].readAllStandardError()));
            const QByteArray line = children[i].readLine().trimmed();
            QVERIFY2(line.startsWith("ready "), line.constData());
            files << QString::fromLocal8Bit(line.mid(6));
            QVERIFY(QFile::exists(files.last()));
        }
        const QByteArray second = readAll(files.at(1));

        auto &w = window();
        QVERIFY(!showsModal([&] { w->offerRecovery(); }));

        children[0].kill();
        QVERIFY(children[0].waitForFinished());
        QStringList offered;
        whenModal([&](QWidget *modal) {
            auto *dialog = qobject_cast<RecoveryDialog *>(modal);
            QVERIFY(dialog);
            for (int i = 0; i < dialog->list()->topLevelItemCount(); ++i)
                offered << dialog->details()->toPlainText();
            QTest::mouseClick(dialog->recoverButton(), Qt::LeftButton);
        });
        auto &next = window();
        next->offerRecovery();
        QCOMPARE(offered.size(), 1);
        QVERIFY2(offered.first().contains(files.at(0)), qPrintable(offered.first()));
        QCOMPARE(next->document()->topology().guests.first().name, QStringLiteral("child-0"));
        QCOMPARE(readAll(files.at(1)), second); // the running one's, untouched

        children[1].kill();
        QVERIFY(children[1].waitForFinished());
    }

    // Reviewed: autosave ran on a fixed one-minute timer. It runs a few
    // seconds after the last edit, once for a burst of edits, and not at all
    // while nothing is edited.
    void autosaveFollowsTheEdits()
    {
        auto &w = window();
        auto *timer = w->findChild<QTimer *>(QStringLiteral("autosaveTimer"));
        QVERIFY(timer);
        QVERIFY(!timer->isActive()); // nothing edited: nothing to write, no timer
        const QString file = w->recovery()->recoveryFile();
        for (int i = 0; i < 5; ++i)
            renameGuest(w.get(), 0, QStringLiteral("burst %1").arg(i));
        QVERIFY(!QFile::exists(file)); // not written while the edits come
        QVERIFY(timer->isActive());
        QVERIFY2(timer->interval() <= 5000, qPrintable(QString::number(timer->interval())));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(file), 15000);
        QVERIFY(LayoutReader::readFile(file).topology == w->document()->topology()); // the last edit
        QVERIFY(!timer->isActive()); // written: nothing more until the next edit
        renameGuest(w.get(), 0, QStringLiteral("after"));
        QVERIFY(timer->isActive());
        QTRY_VERIFY_WITH_TIMEOUT(LayoutReader::readFile(file).topology == w->document()->topology(), 15000);
    }

    void cleanExitRemovesOwnFiles()
    {
        auto &a = window();
        renameGuest(a.get(), 0, QStringLiteral("edited"));
        a->autosave();
        const QStringList files = {a->recovery()->recoveryFile(), a->recovery()->metaFile(), a->recovery()->lockFile()};
        for (const QString &f : files)
            QVERIFY2(QFile::exists(f), qPrintable(f));
        // Undo back to the saved state: nothing to recover any more.
        a->undoStack()->undo();
        QVERIFY(!QFile::exists(files.at(0)));
        a->undoStack()->redo();
        a->autosave();
        QVERIFY(QFile::exists(files.at(0)));
        a->undoStack()->setClean();
        a->close();
        for (const QString &f : files)
            QVERIFY2(!QFile::exists(f), qPrintable(f));
    }

    void unloadableAutosaveIsKeptAndNamed()
    {
        const QByteArray broken = "format: 1\nname: x\nplatform: {hypervisor: vsphere}\nguests:\n  "
                                  "- {id: a, name: A, product: nope}\n";
        writeDeadSession(QStringLiteral("session-dead-1"), broken, QStringLiteral("/nowhere/site.topo.yaml"));
        const QString file = mDir + QStringLiteral("/session-dead-1.topo.yaml");
        auto &w = window();
        const Topology sample = w->document()->topology();
        QString details, notes;
        bool recoverEnabled = true, keepDefault = false;
        whenModal([&](QWidget *modal) {
            auto *dialog = qobject_cast<RecoveryDialog *>(modal);
            QVERIFY(dialog);
            QCOMPARE(dialog->list()->topLevelItemCount(), 1);
            details = dialog->details()->toPlainText();
            notes = dialog->list()->topLevelItem(0)->text(3);
            recoverEnabled = dialog->recoverButton()->isEnabled();
            keepDefault = dialog->keepButton()->isDefault();
            QTest::keyClick(dialog, Qt::Key_Return); // the default button
        });
        w->offerRecovery();
        QVERIFY2(details.contains(file + QStringLiteral(":5:")),
                 qPrintable(details)); // path:line:col
        QVERIFY2(details.contains(QStringLiteral("is kept at ") + file), qPrintable(details));
        QVERIFY(!notes.isEmpty());
        QVERIFY(!recoverEnabled);
        QVERIFY(keepDefault);
        QCOMPARE(readAll(file), broken); // kept as it was
        QVERIFY(w->document()->topology() == sample);

        // The next start offers it again; Discard asks, and Cancel keeps it.
        auto &w2 = window();
        bool asked = false;
        whenModal([&](QWidget *modal) {
            auto *dialog = qobject_cast<RecoveryDialog *>(modal);
            QVERIFY(dialog);
            whenModal([&](QWidget *confirm) {
                auto *box = qobject_cast<QMessageBox *>(confirm);
                QVERIFY(box);
                asked = true;
                QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
                QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
            });
            QTest::mouseClick(dialog->discardButton(), Qt::LeftButton);
            QVERIFY(dialog->isVisible()); // still choosing
            QTest::mouseClick(dialog->keepButton(), Qt::LeftButton);
        });
        w2->offerRecovery();
        QVERIFY(asked);
        QCOMPARE(readAll(file), broken);

        // Discard confirmed: the files go.
        asked = false;
        whenModal([&](QWidget *modal) {
            auto *dialog = qobject_cast<RecoveryDialog *>(modal);
            QVERIFY(dialog);
            whenModal([&](QWidget *confirm) {
                auto *box = qobject_cast<QMessageBox *>(confirm);
                QVERIFY(box);
                asked = true;
                QTest::mouseClick(box->button(QMessageBox::Discard), Qt::LeftButton);
            });
            QTest::mouseClick(dialog->discardButton(), Qt::LeftButton);
        });
        w2->offerRecovery();
        QVERIFY(asked);
        QVERIFY(!QFile::exists(file));
        QVERIFY(!QFile::exists(mDir + QStringLiteral("/session-dead-1.json")));
    }

    void editAutosaveEditSaveCrashOffersNothingStale()
    {
        const QString path = writeSample(QStringLiteral("stale-%1.topo.yaml").arg(mCount));
        auto &w = window(path);
        QCOMPARE(w->filePath(), QFileInfo(path).absoluteFilePath());
        renameGuest(w.get(), 0, QStringLiteral("first edit"));
        w->autosave();
        const QString autosave = w->recovery()->recoveryFile();
        const QString meta = w->recovery()->metaFile();
        const QByteArray staleLayout = readAll(autosave);
        const QByteArray staleMeta = readAll(meta);
        QVERIFY(!staleLayout.isEmpty());
        renameGuest(w.get(), 1, QStringLiteral("second edit"));
        pressSave(w.get());
        QVERIFY(w->undoStack()->isClean());
        const Topology saved = w->document()->topology();
        QVERIFY(LayoutReader::readFile(path).topology == saved);
        QVERIFY(!QFile::exists(autosave)); // superseded by the save
        crash(w);

        auto &next = window(path);
        QVERIFY(!showsModal([&] { next->offerRecovery(); }));
        QVERIFY(next->document()->topology() == saved);

        // Had the stale autosave survived (say a crash between the save and
        // its removal), it is not recovered by default and says why.
        const QString session = QFileInfo(autosave).fileName().chopped(int(qstrlen(".topo.yaml")));
        QVERIFY(session.startsWith(QLatin1String("session-")));
        {
            QFile f(autosave), m(meta), l(mDir + QLatin1Char('/') + session + QStringLiteral(".lock"));
            QVERIFY(f.open(QIODevice::WriteOnly) && m.open(QIODevice::WriteOnly) && l.open(QIODevice::WriteOnly));
            f.write(staleLayout);
            m.write(staleMeta);
            l.write("999999999\ntopology-designer\n");
        }
        bool recoverDefault = true, keepDefault = false;
        QString notes;
        whenModal([&](QWidget *modal) {
            auto *dialog = qobject_cast<RecoveryDialog *>(modal);
            QVERIFY(dialog);
            QCOMPARE(dialog->list()->topLevelItemCount(), 1);
            recoverDefault = dialog->recoverButton()->isDefault();
            keepDefault = dialog->keepButton()->isDefault();
            notes = dialog->details()->toPlainText();
            QTest::keyClick(dialog, Qt::Key_Return);
        });
        auto &third = window(path);
        third->offerRecovery();
        QVERIFY(!recoverDefault);
        QVERIFY(keepDefault);
        QVERIFY2(notes.contains(QStringLiteral("was changed on disk")), qPrintable(notes));
        QVERIFY(third->document()->topology() == saved); // Return kept the saved work
        QVERIFY(QFile::exists(autosave));                // and the autosave, for later

        // Recovered anyway (not the default): Save asks before replacing the
        // newer file.
        auto &fourth = window(path);
        whenModal([&](QWidget *modal) {
            auto *dialog = qobject_cast<RecoveryDialog *>(modal);
            QVERIFY(dialog);
            QTest::mouseClick(dialog->recoverButton(), Qt::LeftButton);
        });
        fourth->offerRecovery();
        QCOMPARE(fourth->document()->topology().guests.at(0).name, QStringLiteral("first edit"));
        QVERIFY(fourth->document()->topology().guests.at(1).name != QStringLiteral("second edit"));
        bool asked = false;
        whenModal([&](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            QVERIFY(box);
            asked = true;
            QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
        });
        pressSave(fourth.get());
        QVERIFY(asked);
        QVERIFY(LayoutReader::readFile(path).topology == saved);
    }

    void autosaveEqualToTheFileIsNotOffered()
    {
        const QString path = writeSample(QStringLiteral("same-%1.topo.yaml").arg(mCount));
        writeDeadSession(QStringLiteral("session-dead-2"), readAll(path), path);
        auto &w = window();
        QVERIFY(!showsModal([&] { w->offerRecovery(); }));
        QVERIFY(!QFile::exists(mDir + QStringLiteral("/session-dead-2.topo.yaml")));
        QVERIFY(!QFile::exists(mDir + QStringLiteral("/session-dead-2.json")));
    }

    void autosaveEqualToAHandWrittenFileIsNotOffered()
    {
        // The same layout, written differently by hand (a quoted name).
        const QString path = writeSample(QStringLiteral("quoted-%1.topo.yaml").arg(mCount));
        const QByteArray canonical = readAll(path);
        QByteArray handWritten = canonical;
        const int at = int(handWritten.indexOf("\nname: ")) + 7;
        QVERIFY(at > 7);
        const int end = int(handWritten.indexOf('\n', at));
        handWritten.insert(end, '"').insert(at, '"');
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(handWritten);
        f.close();
        QVERIFY(readAll(path) != canonical);
        QVERIFY(LayoutReader::readFile(path).topology == LayoutReader::read(canonical, path).topology);
        writeDeadSession(QStringLiteral("session-dead-3"), canonical, path);
        auto &w = window();
        QVERIFY(!showsModal([&] { w->offerRecovery(); }));
        QVERIFY(!QFile::exists(mDir + QStringLiteral("/session-dead-3.topo.yaml")));
        // Not so when the layouts differ.
        QByteArray other = canonical;
        other.replace("Contoso", "Fabrikam");
        writeDeadSession(QStringLiteral("session-dead-4"), other, path);
        auto &w2 = window();
        QVERIFY(showsModal([&] { w2->offerRecovery(); }));
        QVERIFY(QFile::exists(mDir + QStringLiteral("/session-dead-4.topo.yaml")));
    }

    void legacyRecoveryFileIsOffered()
    {
        // The single recovery slot of earlier versions, left by a crash.
        const QString path = writeSample(QStringLiteral("legacy-%1.topo.yaml").arg(mCount));
        LoadResult r = LayoutReader::readFile(path);
        QVERIFY(r.ok());
        r.topology.header.name = QStringLiteral("legacy work");
        QFile f(mDir + QStringLiteral("/recovery.topo.yaml"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(LayoutWriter::write(r.topology));
        f.close();
        QFile l(mDir + QStringLiteral("/recovery.lock"));
        QVERIFY(l.open(QIODevice::WriteOnly));
        l.write("999999999\n" + path.toUtf8() + "\n");
        l.close();
        auto &w = window();
        whenModal([&](QWidget *modal) {
            auto *dialog = qobject_cast<RecoveryDialog *>(modal);
            QVERIFY(dialog);
            QCOMPARE(dialog->list()->topLevelItemCount(), 1);
            QCOMPARE(dialog->list()->topLevelItem(0)->text(1), path);
            // A double click on it recovers it.
            QTreeWidget *list = dialog->list();
            const QPoint item = list->visualItemRect(list->topLevelItem(0)).center();
            QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, item);
            QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, item);
        });
        w->offerRecovery();
        QCOMPARE(w->document()->topology().header.name, QStringLiteral("legacy work"));
        QCOMPARE(w->filePath(), path);
        QVERIFY(!QFile::exists(f.fileName()));
    }

    void saveAsksWhenTheFileChangedOnDisk()
    {
        const QString path = writeSample(QStringLiteral("shared-%1.topo.yaml").arg(mCount));
        auto &a = window(path);
        auto &b = window(path);
        renameGuest(b.get(), 0, QStringLiteral("saved by B"));
        pressSave(b.get()); // unchanged on disk since B opened it: no question
        QVERIFY(b->undoStack()->isClean());
        const QByteArray savedByB = readAll(path);
        QVERIFY(LayoutReader::readFile(path).topology == b->document()->topology());

        renameGuest(a.get(), 1, QStringLiteral("saved by A"));
        QString text;
        bool saveAsDefault = false;
        whenModal([&](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            QVERIFY(box);
            text = box->text();
            saveAsDefault = box->defaultButton() == box->findChild<QPushButton *>(QStringLiteral("saveAsButton"));
            QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
        });
        pressSave(a.get());
        QVERIFY2(text.contains(QStringLiteral("changed on disk")), qPrintable(text));
        QVERIFY(saveAsDefault);
        QCOMPARE(readAll(path), savedByB); // Cancel: B's work stays
        QVERIFY(!a->undoStack()->isClean());

        whenModal([&](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            QVERIFY(box);
            QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("overwriteButton")), Qt::LeftButton);
        });
        pressSave(a.get());
        QVERIFY(a->undoStack()->isClean());
        QVERIFY(LayoutReader::readFile(path).topology == a->document()->topology());

        // B edits again and saves: A's save is news to B; Reload takes it.
        renameGuest(b.get(), 2, QStringLiteral("B again"));
        bool asked = false;
        whenModal([&](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            QVERIFY(box);
            asked = true;
            QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("reloadButton")), Qt::LeftButton);
        });
        pressSave(b.get());
        QVERIFY(asked);
        QVERIFY(b->undoStack()->isClean());
        QVERIFY(b->document()->topology() == a->document()->topology());

        // A file only touched (same content) is no reason to ask.
        QFile touched(path);
        QVERIFY(touched.open(QIODevice::ReadWrite));
        touched.setFileTime(QDateTime::currentDateTimeUtc().addSecs(5), QFileDevice::FileModificationTime);
        touched.close();
        renameGuest(a.get(), 3, QStringLiteral("A again"));
        QVERIFY(!showsModal([&] { pressSave(a.get()); }));
        QVERIFY(a->undoStack()->isClean());
        QVERIFY(LayoutReader::readFile(path).topology == a->document()->topology());
    }

    // The canvas hint of a refused drop, as the view shows it (text and the
    // box's rectangle in viewport pixels); empty when none is shown.
    static QString dragHint(MainWindow *w, const QString &payload, const QPoint &at, QRect *box)
    {
        QMimeData data;
        data.setData(mime::newObject(), payload.toUtf8());
        QWidget *viewport = w->view()->viewport();
        QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &enter);
        QDragMoveEvent move(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &move);
        QString text;
        for (QGraphicsItem *item : w->scene()->items()) {
            auto *hint = dynamic_cast<QGraphicsSimpleTextItem *>(item);
            auto *frame = hint ? dynamic_cast<QGraphicsRectItem *>(hint->parentItem()) : nullptr;
            if (frame && frame->isVisible()) {
                text = hint->text();
                *box = frame->deviceTransform(w->view()->viewportTransform()).mapRect(frame->rect()).toAlignedRect();
            }
        }
        QDragLeaveEvent leave;
        QApplication::sendEvent(viewport, &leave);
        return text;
    }

    void refusedDropHintIsWholeAndInView()
    {
        auto &w = window();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        const QRect viewport = w->view()->viewport()->rect();
        // A NIC refused at the right edge of the view: its hint stays in view.
        QString text;
        QRect box;
        for (int y = 20; y < viewport.height() && !text.startsWith(QLatin1String("Cannot")); y += 25)
            text = dragHint(w.get(), QStringLiteral("nic"), QPoint(viewport.width() - 8, y), &box);
        QCOMPARE(text.split(QLatin1Char('\n')).join(QLatin1Char(' ')),
                 QStringLiteral("Cannot drop here: drop a NIC onto a host"));
        QVERIFY2(viewport.contains(box),
                 qPrintable(
                     QStringLiteral("%1,%2 %3x%4").arg(box.x()).arg(box.y()).arg(box.width()).arg(box.height())));
        // And at the bottom edge.
        text.clear();
        for (int x = 20; x < viewport.width() && !text.startsWith(QLatin1String("Cannot")); x += 25)
            text = dragHint(w.get(), QStringLiteral("nic"), QPoint(x, viewport.height() - 8), &box);
        QVERIFY(!text.isEmpty());
        QVERIFY(viewport.contains(box));

        // A long reason is shown whole (wrapped), not cut short: a new 2U
        // host dropped on the unit just above a host with a long name.
        const Topology &t = w->document()->topology();
        int chosen = -1, above = 0;
        for (int i = 0; i < t.hosts.size() && chosen < 0; ++i) {
            const Host &h = t.hosts.at(i);
            const int rack = w->document()->index().rack(h.rack);
            above = h.unit + h.heightU;
            if (h.rack.str().isEmpty() || rack < 0 || above > t.racks.at(rack).units)
                continue;
            bool free = true;
            for (const Host &other : t.hosts)
                free = free && !(other.rack == h.rack && other.unit <= above && above < other.unit + other.heightU);
            if (free)
                chosen = i;
        }
        QVERIFY(chosen >= 0);
        Host host = t.hosts.at(chosen);
        host.name = QStringLiteral("esx-rack-a-unit-07-behind-the-second-patch-panel-in-the-north-hall-2");
        w->undoStack()->push(new EditObjectCommand(
            w->document(), ChangeBuilder(t, w->document()->index()).replace(host, QStringLiteral("Rename")),
            QString()));
        const Rack &rack = t.racks.at(w->document()->index().rack(host.rack));
        const QRectF rackRect = w->scene()->sceneRectOf(rack.id.str());
        const QPointF unitAbove(rackRect.left() + 120, rackRect.top() + geometry::kRackHeader
                                                           + (rack.units - above + 0.5) * geometry::kUnitHeight);
        w->view()->centerOn(unitAbove);
        const QPoint cursor = w->view()->mapFromScene(unitAbove);
        text = dragHint(w.get(), QStringLiteral("host"), cursor, &box);
        const QString unwrapped = text.split(QLatin1Char('\n')).join(QLatin1Char(' '));
        QVERIFY2(unwrapped.startsWith(QLatin1String("Cannot drop here: ")) && unwrapped.contains(host.name),
                 qPrintable(text));
        QVERIFY(viewport.contains(box));
        // Reviewed: the palette's drag icon (28 px, 6 px right of and below
        // the cursor) covered part of the hint.
        const QRect icon(cursor + QPoint(6, 6), QSize(28, 28));
        QVERIFY2(!box.intersects(icon),
                 qPrintable(
                     QStringLiteral("%1,%2 %3x%4").arg(box.x()).arg(box.y()).arg(box.width()).arg(box.height())));
    }

    void loadErrorDialogIsReadable()
    {
        const QString path = mTemp.filePath(QStringLiteral("a-layout-with-a-rather-long-file-name-that-goes-on-and-on-"
                                                           "for-the-whole-width-of-the-dialog.topo.yaml"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("format: 1\nname: x\nplatform: {hypervisor: vsphere}\nguests:\n  - {id: a, name: "
                "A, product: nope}\n");
        f.close();
        auto &w = window();
        QString shown;
        bool resizable = false;
        int hiddenWidth = -1;
        whenModal([&](QWidget *modal) {
            auto *details = modal->findChild<QPlainTextEdit *>(QStringLiteral("errorDetails"));
            QVERIFY(details);
            shown = details->toPlainText();
            resizable = modal->minimumWidth() < modal->maximumWidth()
                     && modal->minimumHeight() < modal->maximumHeight();
            // Everything is within the text's width (wrapped, nothing cut off).
            hiddenWidth = details->horizontalScrollBar()->maximum();
            modal->close();
        });
        QVERIFY(!w->openFile(path));
        QVERIFY2(shown.contains(path + QStringLiteral(":5:")), qPrintable(shown));
        QVERIFY(resizable);
        QCOMPARE(hiddenWidth, 0);
    }
};

// A separate designer process (this executable with --child DIR NAME): opens
// the sample, renames its first guest to NAME, autosaves, says "ready FILE"
// and runs until it is killed.
static int runChild(const QString &dir, const QString &name)
{
    MainWindow w(dir);
    w.openSample();
    Guest g = w.document()->topology().guests.first();
    g.name = name;
    w.undoStack()->push(new EditObjectCommand(
        w.document(),
        ChangeBuilder(w.document()->topology(), w.document()->index()).replace(g, QStringLiteral("Rename")),
        QString()));
    w.autosave();
    std::printf("ready %s\n", qPrintable(w.recovery()->recoveryFile()));
    std::fflush(stdout);
    return QApplication::exec();
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    if (argc == 4 && qstrcmp(argv[1], "--child") == 0)
        return runChild(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    TestRecovery test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_recovery.moc"
