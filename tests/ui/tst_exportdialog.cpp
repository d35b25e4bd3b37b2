// File > Export > DRS Rules... driven as a user drives it: the menu, the
// format list, the notes, Copy, Save As through the file dialog.
#include "exportdialog.h"
#include "mainwindow.h"
#include "scripthighlighter.h"
#include "windowtest.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTimer>

#include <functional>

using namespace td;

class TestExportDialog : public test::WindowTest
{
    Q_OBJECT

private:
    QAction *exportAction() const
    {
        auto *menu = mWindow->menuBar()->findChild<QMenu *>(QStringLiteral("exportMenu"));
        return menu && !menu->actions().isEmpty() ? menu->actions().first() : nullptr;
    }

    // Opens the dialog from the menu and runs `work` on it while it is shown
    // (it is modal), then closes it.
    void withDialog(const std::function<void(ExportDialog *)> &work)
    {
        QAction *action = exportAction();
        QVERIFY(action);
        QCOMPARE(action->text(), QStringLiteral("&DRS Rules..."));
        bool ran = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<ExportDialog *>(QApplication::activeModalWidget());
            if (dialog) {
                ran = true;
                if (QTest::qWaitForWindowExposed(dialog))
                    work(dialog);
                dialog->reject(); // also after a failed check in work()
            }
        });
        action->trigger();
        QVERIFY(ran);
    }

    // The colour ranges the highlighter gave to the line starting with `prefix`.
    static QVector<QTextLayout::FormatRange> formatsOfLine(QPlainTextEdit *edit, const QString &prefix)
    {
        for (QTextBlock b = edit->document()->begin(); b.isValid(); b = b.next()) {
            if (b.text().startsWith(prefix))
                return b.layout()->formats();
        }
        return {};
    }

    static void chooseFormat(QComboBox *box, const QString &name)
    {
        // Keyboard through the list until the format is current.
        box->setFocus();
        QTest::keyClick(box, Qt::Key_Home);
        for (int i = 0; i < box->count() && box->currentData().toString() != name; ++i)
            QTest::keyClick(box, Qt::Key_Down);
    }

private slots:
    void initTestCase() { setUpApplication("tst_exportdialog"); }
    void init() { openFreshWindow(); }
    void cleanup() { closeWindow(); }

    void previewCopyAndSave()
    {
        const QString target = mDir.filePath(QStringLiteral("drs.yml"));
        withDialog([&](ExportDialog *dialog) {
            // Only the rule formats, PowerCLI first.
            QComboBox *box = dialog->formatBox();
            QStringList formats;
            for (int i = 0; i < box->count(); ++i)
                formats << box->itemData(i).toString();
            QCOMPARE(formats, (QStringList{QStringLiteral("powercli"), QStringLiteral("hyperv"),
                                           QStringLiteral("terraform"), QStringLiteral("ansible")}));
            QPlainTextEdit *text = dialog->textView();
            QVERIFY(text->isReadOnly());
            QVERIFY(text->font().fixedPitch() || QFontInfo(text->font()).fixedPitch());
            QVERIFY(text->toPlainText().contains(QStringLiteral("Set-TdApartRule $cluster 'td-apart-cic-pair'")));
            QVERIFY(!text->toPlainText().startsWith(QChar(0xfeff))); // the BOM is for the file only
            QVERIFY(dialog->data().startsWith("\xEF\xBB\xBF"));
            QVERIFY(dialog->notesLabel()->isHidden()); // the sample: nothing left out

            // Colours: the header is a comment, 'PROD-CL01' a string, Get-TdCluster a cmdlet.
            const auto header = formatsOfLine(text, QStringLiteral("# DRS rules"));
            QVERIFY(!header.isEmpty());
            QCOMPARE(header.first().start, 0);
            QCOMPARE(header.first().format.foreground(), dialog->highlighter()->commentFormat().foreground());
            const QString clusterLine = QStringLiteral("$cluster = Get-TdCluster 'PROD-CL01'");
            bool string = false;
            for (const QTextLayout::FormatRange &r : formatsOfLine(text, clusterLine)) {
                if (r.start == clusterLine.indexOf(QLatin1Char('\'')) && r.length == 11)
                    string = r.format.foreground() == dialog->highlighter()->stringFormat().foreground();
            }
            QVERIFY(string);

            chooseFormat(box, QStringLiteral("ansible"));
            QCOMPARE(dialog->format(), QStringLiteral("ansible"));
            QCOMPARE(dialog->highlighter()->language(), ScriptHighlighter::Language::Yaml);
            QVERIFY(text->toPlainText().startsWith(QStringLiteral("---\n")));
            QVERIFY(text->toPlainText().contains(QStringLiteral("cluster_name: !unsafe \"PROD-CL01\"")));

            QTest::mouseClick(dialog->copyButton(), Qt::LeftButton);
            QCOMPARE(QGuiApplication::clipboard()->text(), text->toPlainText());

            // Save As: the file dialog suggests the format's extension; type a name.
            QString suffix;
            QString suggested;
            bool typed = false;
            QTimer::singleShot(0, this, [&] {
                auto *fd = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
                if (!fd)
                    return;
                suffix = fd->defaultSuffix();
                suggested = fd->selectedFiles().value(0);
                if (auto *name = fd->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"))) {
                    fd->setDirectory(mDir.path()); // as if the user went there
                    name->selectAll();
                    QTest::keyClicks(name, QStringLiteral("drs.yml"));
                    // The dialog's own Save button (Return may go to the completer's popup).
                    auto *buttons = fd->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
                    QPushButton *save = buttons ? buttons->button(QDialogButtonBox::Save) : nullptr;
                    if (save) {
                        QTest::mouseClick(save, Qt::LeftButton);
                        typed = true;
                    }
                }
                if (fd->isVisible())
                    fd->reject(); // never leave the test waiting on it
            });
            QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
            QCOMPARE(suffix, QStringLiteral("yml"));
            QVERIFY2(suggested.endsWith(QStringLiteral("-ansible.yml")), qPrintable(suggested));
            QVERIFY(typed);
            QFile file(target);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.readAll(), dialog->data());
        });

        // Opened again: the format and the folder are remembered.
        withDialog([&](ExportDialog *dialog) {
            QCOMPARE(dialog->format(), QStringLiteral("ansible"));
            QString suggested;
            QTimer::singleShot(0, this, [&] {
                if (auto *fd = qobject_cast<QFileDialog *>(QApplication::activeModalWidget())) {
                    suggested = fd->selectedFiles().value(0);
                    fd->reject();
                }
            });
            QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
            QCOMPARE(QFileInfo(suggested).absolutePath(), QFileInfo(target).absolutePath());
        });
    }

    void notesAndWrongPlatform()
    {
        QVERIFY(mWindow->openFile(
            QStringLiteral(TD_SOURCE_DIR "/tests/core/export/golden/unplaced-members/layout.topo.yaml")));
        withDialog([&](ExportDialog *dialog) {
            dialog->setFormat(QStringLiteral("terraform"));
            QVERIFY(!dialog->notesLabel()->isHidden());
            QVERIFY(dialog->notesLabel()->text().contains(QStringLiteral("'IC2' not placed")));
            QCOMPARE(dialog->notes().size(), 4);
            QVERIFY(dialog->textView()->toPlainText().contains(QStringLiteral("'IC2' not placed"))); // as comments
        });
        QVERIFY(
            mWindow->openFile(QStringLiteral(TD_SOURCE_DIR "/tests/core/export/golden/hyperv-2022/layout.topo.yaml")));
        withDialog([&](ExportDialog *dialog) {
            chooseFormat(dialog->formatBox(), QStringLiteral("powercli"));
            QVERIFY(!dialog->notesLabel()->isHidden());
            QVERIFY(dialog->notesLabel()->text().contains(QStringLiteral("Hyper-V")));
            QVERIFY(dialog->textView()->toPlainText().isEmpty());
            QVERIFY(!dialog->saveButton()->isEnabled());
            QVERIFY(!dialog->copyButton()->isEnabled());
            chooseFormat(dialog->formatBox(), QStringLiteral("hyperv"));
            QVERIFY(dialog->saveButton()->isEnabled());
            QVERIFY(dialog->textView()->toPlainText().contains(QStringLiteral("DifferentNode")));
        });
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
