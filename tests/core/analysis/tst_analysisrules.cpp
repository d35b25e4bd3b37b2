// The redundancy-same-* rules and the failure analysis share one notion of
// "down": over random layouts (and random moves of guests and hosts), a
// finding for group G on host/rack/circuit E exists exactly when E's single
// failure takes G down, G has two or more placed members, and (rack and
// circuit) they run on more than one host.
#include "analysis/failureanalysis.h"
#include "rules/validator.h"
#include "topologygenerator.h"

#include <QSet>
#include <QTest>

using namespace td;
using td::test::Random;

namespace {

// "rule|group|element" for each finding of the three rules.
QSet<QString> findingsOf(const Topology &t)
{
    QSet<QString> out;
    for (const Finding &f : Validator::validate(t)) {
        if (f.rule.startsWith(QLatin1String("redundancy-same-")))
            out.insert(f.rule + QLatin1Char('|') + f.subjects.first() + QLatin1Char('|') + f.subjects.last());
    }
    return out;
}

// The same facts read from the N-1 scenarios, counting placed members and
// their hosts here, not in the code under test.
QSet<QString> fromScenarios(const Topology &t, const TopologyIndex &index)
{
    QHash<QString, int> placed;
    QHash<QString, QSet<QString>> hosts;
    for (const Group &g : t.groups) {
        for (const GuestId &m : g.members) {
            const Guest &guest = t.guests.at(index.guest(m));
            if (!guest.host.isNull()) {
                ++placed[g.id.str()];
                hosts[g.id.str()].insert(guest.host.str());
            }
        }
    }
    QSet<QString> out;
    const FailureAnalysis fa(t, index);
    for (const ScenarioResult &s : fa.singleFailures()) {
        const QString element = s.fail.first();
        const ObjectKind kind = index.find(element)->kind;
        for (const GroupId &g : s.groupsDown) {
            if (placed.value(g.str()) < 2)
                continue;
            if (kind == ObjectKind::Host)
                out.insert(QStringLiteral("redundancy-same-host|") + g.str() + QLatin1Char('|') + element);
            else if (hosts.value(g.str()).size() > 1)
                out.insert((kind == ObjectKind::Rack ? QStringLiteral("redundancy-same-rack|")
                                                     : QStringLiteral("redundancy-same-circuit|"))
                           + g.str() + QLatin1Char('|') + element);
        }
    }
    return out;
}

} // namespace

class TestAnalysisRules : public QObject
{
    Q_OBJECT

private slots:
    void sameMeaning_data()
    {
        QTest::addColumn<quint64>("seed");
        for (quint64 seed = 1; seed <= 40; ++seed)
            QTest::addRow("seed %llu", seed) << seed;
    }

    void sameMeaning()
    {
        QFETCH(quint64, seed);
        Random rnd(seed);
        // Few hosts and racks, so that members share them often.
        test::GeneratorParams p{2 + rnd.below(5), 1 + rnd.below(4), 2, 3 + rnd.below(8), 40, 14, Hypervisor::VSphere};
        Topology t = test::generateTopology(p, seed);
        int total = 0;
        for (int round = 0; round < 8; ++round) {
            // Random moves: guests to other hosts, hosts to other racks and feeds.
            for (int i = 0; i < 6; ++i) {
                Guest &g = t.guests[rnd.below(static_cast<int>(t.guests.size()))];
                g.host = rnd.chance(10) ? HostId() : t.hosts.at(rnd.below(static_cast<int>(t.hosts.size()))).id;
            }
            Host &h = t.hosts[rnd.below(static_cast<int>(t.hosts.size()))];
            h.rack = rnd.chance(20) ? RackId() : t.racks.at(rnd.below(static_cast<int>(t.racks.size()))).id;
            h.unit = 0;
            h.power.clear();
            if (rnd.chance(40))
                h.power.append(t.circuits.at(rnd.below(static_cast<int>(t.circuits.size()))).id);
            const TopologyIndex index(t);
            const QSet<QString> rules = findingsOf(t);
            const QSet<QString> analysis = fromScenarios(t, index);
            QCOMPARE(rules, analysis);
            total += static_cast<int>(rules.size());
            for (const QString &f : rules)
                ++mPerRule[f.section(QLatin1Char('|'), 0, 0)];
        }
        qDebug("seed %llu: %d redundancy findings compared", seed, total);
    }

    // The layouts gave each rule work to compare.
    void cleanupTestCase()
    {
        qDebug("host %d, rack %d, circuit %d findings", mPerRule.value(QStringLiteral("redundancy-same-host")),
               mPerRule.value(QStringLiteral("redundancy-same-rack")),
               mPerRule.value(QStringLiteral("redundancy-same-circuit")));
        QVERIFY(mPerRule.value(QStringLiteral("redundancy-same-host")) > 20);
        QVERIFY(mPerRule.value(QStringLiteral("redundancy-same-rack")) > 20);
        QVERIFY(mPerRule.value(QStringLiteral("redundancy-same-circuit")) > 20);
    }

private:
    QHash<QString, int> mPerRule;
};

QTEST_GUILESS_MAIN(TestAnalysisRules)
#include "tst_analysisrules.moc"
