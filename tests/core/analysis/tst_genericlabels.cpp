// Generic labels for hide names: the mapping, and names replaced in text.
#include "analysis/genericlabels.h"
#include "io/layoutreader.h"
#include "io/samples.h"

#include <QTest>

using namespace td;

class TstGenericLabels : public QObject
{
    Q_OBJECT

private slots:
    void sampleLabels();
    void letters();
    void applyReplacesWholeNames();
    void unknownProduct();
};

void TstGenericLabels::sampleLabels()
{
    const LoadResult r = LayoutReader::read(Samples::contoso(), QStringLiteral("contoso"));
    QVERIFY(r.ok());
    const GenericLabels labels(r.topology);
    // Hand-checked against resources/samples/contoso.topo.yaml.
    QCOMPARE(labels.label(QStringLiteral("esx01")), QStringLiteral("Host 1"));
    QCOMPARE(labels.label(QStringLiteral("esx05")), QStringLiteral("Host 5"));
    QCOMPARE(labels.label(QStringLiteral("ic1")), QStringLiteral("CIC Server A"));
    QCOMPARE(labels.label(QStringLiteral("ic2")), QStringLiteral("CIC Server B"));
    QCOMPARE(labels.shortLabel(QStringLiteral("ic2")), QStringLiteral("IC B"));
    QCOMPARE(labels.label(QStringLiteral("ms3")), QStringLiteral("Media Server C"));
    QCOMPARE(labels.label(QStringLiteral("rack-2")), QStringLiteral("Rack 2"));
    QCOMPARE(labels.label(QStringLiteral("ups-b")), QStringLiteral("Circuit 2"));
    QCOMPARE(labels.label(QStringLiteral("prod")), QStringLiteral("Cluster 1"));
    QCOMPARE(labels.shortLabel(QStringLiteral("esx02")), QStringLiteral("Host 2"));
    QCOMPARE(labels.label(QStringLiteral("nope")), QString());
    // Every object has one, and no two share it.
    const Topology &t = r.topology;
    QSet<QString> seen;
    int objects = 0;
    auto check = [&](const QString &id) {
        ++objects;
        QVERIFY2(!labels.label(id).isEmpty(), qPrintable(id));
        seen.insert(labels.label(id));
    };
    for (const Host &h : t.hosts)
        check(h.id.str());
    for (const Guest &g : t.guests)
        check(g.id.str());
    for (const Rack &x : t.racks)
        check(x.id.str());
    for (const Circuit &c : t.circuits)
        check(c.id.str());
    for (const Group &g : t.groups)
        check(g.id.str());
    QCOMPARE(seen.size(), objects);
    // The same layout, the same labels.
    QCOMPARE(GenericLabels(r.topology).label(QStringLiteral("sql2")), labels.label(QStringLiteral("sql2")));
}

void TstGenericLabels::letters()
{
    QCOMPARE(GenericLabels::letters(0), QStringLiteral("A"));
    QCOMPARE(GenericLabels::letters(25), QStringLiteral("Z"));
    QCOMPARE(GenericLabels::letters(26), QStringLiteral("AA"));
    QCOMPARE(GenericLabels::letters(27), QStringLiteral("AB"));
    QCOMPARE(GenericLabels::letters(26 + 26 * 26), QStringLiteral("AAA"));
}

void TstGenericLabels::applyReplacesWholeNames()
{
    Topology t;
    Host a;
    a.id = HostId(QStringLiteral("esx01"));
    a.name = QStringLiteral("esx01.contoso.local");
    t.hosts << a;
    Guest g1;
    g1.id = GuestId(QStringLiteral("ic1"));
    g1.name = QStringLiteral("IC1");
    g1.product = QStringLiteral("cic-server");
    Guest g10 = g1;
    g10.id = GuestId(QStringLiteral("ic10"));
    g10.name = QStringLiteral("IC10");
    t.guests << g1 << g10;
    const GenericLabels labels(t);
    QCOMPARE(labels.apply(QStringLiteral("IC1 and IC10 share esx01.contoso.local (esx01).")),
             QStringLiteral("CIC Server A and CIC Server B share Host 1 (Host 1)."));
    // Parts of words stay.
    QCOMPARE(labels.apply(QStringLiteral("XIC1 IC1x esx01-b")), QStringLiteral("XIC1 IC1x esx01-b"));
    QCOMPARE(labels.apply(QString()), QString());
    QCOMPARE(GenericLabels().apply(QStringLiteral("IC1")), QStringLiteral("IC1"));
}

void TstGenericLabels::unknownProduct()
{
    Topology t;
    Guest g;
    g.id = GuestId(QStringLiteral("x"));
    g.name = QStringLiteral("Secret box");
    g.product = QStringLiteral("no-such-product");
    t.guests << g;
    const GenericLabels labels(t);
    QCOMPARE(labels.label(QStringLiteral("x")), QStringLiteral("VM A"));
    QCOMPARE(labels.shortLabel(QStringLiteral("x")), QStringLiteral("VM A"));
    QCOMPARE(labels.apply(QStringLiteral("Secret box is alone")), QStringLiteral("VM A is alone"));
}

QTEST_GUILESS_MAIN(TstGenericLabels)
#include "tst_genericlabels.moc"
