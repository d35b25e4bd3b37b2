// MessageFormat fills a format as QString::arg would: checked here against
// QString::arg itself, on the rules' formats and on awkward ones (arguments
// holding '%' and digits, placeholders side by side or out of order,
// repeated, missing, two-digit, "%L"), for both ways the rules call arg.
#include "rules/messageformat.h"
#include "rules/rulecontext.h"
#include "topologygenerator.h"

#include <QTest>

#include <limits>

using namespace td;

class TestMessageFormat : public QObject
{
    Q_OBJECT

private:
    static QString multiArg(const QString &f, const QStringList &a)
    {
        switch (a.size()) {
        case 1: return f.arg(a[0]);
        case 2: return f.arg(a[0], a[1]);
        case 3: return f.arg(a[0], a[1], a[2]);
        case 4: return f.arg(a[0], a[1], a[2], a[3]);
        default: return f;
        }
    }
    static QString chainedArg(const QString &f, const QStringList &a)
    {
        QString out = f;
        for (const QString &arg : a)
            out = out.arg(arg);
        return out;
    }
    static QString fill(const MessageFormat &format, const QStringList &a)
    {
        switch (a.size()) {
        case 1: return format.fill({a[0]});
        case 2: return format.fill({a[0], a[1]});
        case 3: return format.fill({a[0], a[1], a[2]});
        case 4: return format.fill({a[0], a[1], a[2], a[3]});
        default: return {};
        }
    }

private slots:
    void initTestCase()
    {
        // A format with too few placeholders makes QString::arg warn; the
        // comparisons below expect it.
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
    }

    void sameAsArg_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QStringList>("args");
        const QStringList plain{QStringLiteral("IC1"), QStringLiteral("esx01.contoso.local"), QStringLiteral("12")};
        const QStringList awkward{QStringLiteral("50%"), QStringLiteral("%1 %2"), QStringLiteral("7up")};
        const QStringList digits{QStringLiteral("7"), QStringLiteral("3"), QStringLiteral("%")};
        const char *const formats[] = {
            "%1 guests %2 share host %3.",
            "The guests on host %1 have %2 vCPUs; the host has %3 cores.",
            "%3 before %1 and %2",
            "%2%1%3",
            "%1%2%3",
            "100%%1 %2 %3",
            "%1 %1 %2 %3 %2",
            "%1 and %3 only",
            "%1 %2",
            "%12 %1 %3",
            "%L1 %2 %3",
            "no placeholder at all",
            "trailing %",
            "%0 %1 %2 %3",
            "\xee\x80\x80 a marker-like character %1 %2 %3",
        };
        for (const char *f : formats) {
            for (const QStringList *args : {&plain, &awkward, &digits}) {
                QTest::addRow("%s | %s", f, qPrintable(args->join(QLatin1Char('|')))) << QString::fromUtf8(f) << *args;
            }
        }
    }

    void sameAsArg()
    {
        QFETCH(QString, format);
        QFETCH(QStringList, args);
        const MessageFormat multi(format, static_cast<int>(args.size()), MessageFormat::Arg::Multi);
        const MessageFormat chained(format, static_cast<int>(args.size()), MessageFormat::Arg::Chained);
        for (int round = 0; round < 2; ++round) { // a format is filled many times
            QCOMPARE(fill(multi, args), multiArg(format, args));
            QCOMPARE(fill(chained, args), chainedArg(format, args));
        }
    }

    // Random formats and arguments from a small alphabet rich in '%' and
    // digits, where the two ways of calling arg differ most.
    void randomFormats()
    {
        test::Random rnd(2024);
        const QString alphabet = QStringLiteral("%%%1234 aL9");
        auto text = [&](int most) {
            QString s;
            for (int n = rnd.below(most + 1); n > 0; --n)
                s += alphabet.at(rnd.below(static_cast<int>(alphabet.size())));
            return s;
        };
        for (int i = 0; i < 20000; ++i) {
            const QString format = text(12);
            const int count = 1 + rnd.below(4);
            QStringList args;
            for (int k = 0; k < count; ++k)
                args << text(4);
            const MessageFormat multi(format, count, MessageFormat::Arg::Multi);
            const MessageFormat chained(format, count, MessageFormat::Arg::Chained);
            const QString why = QStringLiteral("format '%1', args '%2'").arg(format, args.join(QLatin1String("', '")));
            QVERIFY2(fill(multi, args) == multiArg(format, args), qPrintable(why));
            QVERIFY2(fill(chained, args) == chainedArg(format, args), qPrintable(why));
        }
    }

    // The rules' numbers (RuleContext::Number) read as QString::number's.
    void numbers()
    {
        QVector<qint64> values{0,
                               1,
                               -1,
                               9,
                               10,
                               -10,
                               99,
                               100,
                               12345,
                               2147483647,
                               -2147483647 - 1,
                               std::numeric_limits<qint64>::max(),
                               std::numeric_limits<qint64>::min()};
        test::Random rnd(11);
        for (int i = 0; i < 1000; ++i)
            values << (qint64(rnd.below(1 << 30)) << rnd.below(33)) * (rnd.below(2) ? 1 : -1);
        for (qint64 v : std::as_const(values))
            QCOMPARE(QStringView(RuleContext::Number(v)).toString(), QString::number(v));
    }
};

QTEST_GUILESS_MAIN(TestMessageFormat)
#include "tst_messageformat.moc"
