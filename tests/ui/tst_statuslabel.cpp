// The status bar's labels: a new text that fits asks the main window for no
// new layout (a plain QLabel does, and the window then lays out every
// dock); a longer one grows the label so that the whole text shows.
#include "statuslabel.h"

#include <QMainWindow>
#include <QStatusBar>
#include <QTest>

using namespace td;

namespace {

// Counts the layout requests a widget receives.
class LayoutRequests final : public QObject
{
public:
    explicit LayoutRequests(QWidget *watched) { watched->installEventFilter(this); }
    int count = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::LayoutRequest)
            ++count;
        return false;
    }
};

// The width a plain QLabel asks for the text.
int plainWidth(const QString &text)
{
    return QLabel(text).sizeHint().width();
}

} // namespace

class TestStatusLabel : public QObject
{
    Q_OBJECT

private slots:
    void aTextThatFitsLaysOutNothing()
    {
        QMainWindow window;
        window.setCentralWidget(new QWidget(&window));
        auto *label = new StatusLabel(&window);
        auto *plain = new QLabel(&window);
        window.statusBar()->addPermanentWidget(label);
        window.statusBar()->addPermanentWidget(plain);
        window.resize(800, 400);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        label->showText(QStringLiteral("12 error(s) · 300 warning(s) · 5 info"));
        plain->setText(QStringLiteral("Zoom 100%"));
        QTest::qWait(50); // the layouts of the first texts done
        LayoutRequests bar(window.statusBar());
        LayoutRequests top(&window);
        // Counts that change, as after each edit: no layout anywhere.
        for (int i = 0; i < 20; ++i) {
            label->showText(QStringLiteral("%1 error(s) · %2 warning(s) · 5 info").arg(10 + i).arg(290 + i));
            QCoreApplication::processEvents();
            QVERIFY(label->width() >= plainWidth(label->text()));
        }
        QCOMPARE(bar.count + top.count, 0);
        // What a plain label does with the same change (the reason for StatusLabel).
        plain->setText(QStringLiteral("Zoom 125%"));
        QCoreApplication::processEvents();
        QVERIFY(bar.count + top.count > 0);
        // A much longer text grows the label: it shows whole.
        const int before = label->width();
        label->showText(QStringLiteral("1,234 error(s) · 5,678 warning(s) · 9,012 info · 3,456 waived"));
        QCoreApplication::processEvents();
        QVERIFY(label->width() > before);
        QVERIFY(label->width() >= plainWidth(label->text()));
        QVERIFY(label->height() >= QLabel(label->text()).sizeHint().height());
        // And a much shorter one gives the room back.
        label->showText(QStringLiteral("0 error(s)"));
        QTRY_VERIFY(label->width() < before);
        QVERIFY(label->width() >= plainWidth(label->text()));
    }
};

QTEST_MAIN(TestStatusLabel)
#include "tst_statuslabel.moc"
