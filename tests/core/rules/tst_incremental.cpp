// Proves that live (incremental) validation gives the same findings as a full
// run, over thousands of random edits of every kind, undo included.
#include "changebuilder.h"
#include "document.h"
#include "indexcheck.h"
#include "topologygenerator.h"

#include <QTest>

#include <algorithm>

using namespace td;
using td::test::Random;

class TestIncremental : public QObject
{
    Q_OBJECT

private:
    // One random edit against the document's current state.
    static Change randomEdit(const Document &doc, Random &rnd, int &serial)
    {
        const Topology &t = doc.topology();
        const ChangeBuilder build(t, doc.index());
        auto pickHost = [&]() -> HostId {
            if (t.hosts.isEmpty() || rnd.chance(10))
                return HostId();
            return t.hosts.at(rnd.below(static_cast<int>(t.hosts.size()))).id;
        };
        const int what = rnd.below(100);
        if (what < 8) {
            // Waive a finding (its subjects in another order), unwaive one,
            // or waive something that does not occur (an unused waiver).
            const QVector<Finding> &found = doc.findings();
            if (!t.waivers.isEmpty() && rnd.chance(40))
                return build.removeWaiver(rnd.below(static_cast<int>(t.waivers.size())));
            if (found.isEmpty() || t.guests.isEmpty() || rnd.chance(20)) {
                const QString id = t.guests.isEmpty()
                                     ? QStringLiteral("gone")
                                     : t.guests.at(rnd.below(static_cast<int>(t.guests.size()))).id.str();
                return build.addWaiver(QStringLiteral("unplaced-guest"), {id},
                                       QStringLiteral("Parked %1").arg(++serial));
            }
            const Finding &f = found.at(rnd.below(static_cast<int>(found.size())));
            if (f.isWaived() || f.rule == QLatin1String("waiver-unused"))
                return Change();
            QStringList subjects = f.subjects;
            std::reverse(subjects.begin(), subjects.end());
            return build.addWaiver(f.rule, subjects, QStringLiteral("Accepted %1").arg(++serial));
        }
        if (what < 40 && !t.guests.isEmpty()) {
            const Guest &g = t.guests.at(rnd.below(static_cast<int>(t.guests.size())));
            return build.moveGuest(g.id, pickHost());
        }
        if (what < 52 && !t.guests.isEmpty()) {
            Guest g = t.guests.at(rnd.below(static_cast<int>(t.guests.size())));
            static const char *const products[] = {"cic-server", "dialer-ccs", "media-server", "session-manager",
                                                   "database",   "generic",    "director"};
            switch (rnd.below(6)) {
            case 0: g.vcpu = 1 + rnd.below(12); break;
            case 1: g.memoryGb = 4 + rnd.below(300); break;
            case 2: g.ft = !g.ft; break;
            case 3: g.mac = g.mac == MacMode::Static ? MacMode::Dynamic : MacMode::Static; break;
            case 4: g.product = QString::fromLatin1(products[rnd.below(7)]); break;
            default: g.name = QStringLiteral("Renamed %1").arg(++serial); break;
            }
            return build.replace(g, QStringLiteral("Change Guest"));
        }
        if (what < 66 && !t.hosts.isEmpty()) {
            Host h = t.hosts.at(rnd.below(static_cast<int>(t.hosts.size())));
            switch (rnd.below(8)) {
            case 0:
                h.rack = t.racks.isEmpty() || rnd.chance(20)
                           ? RackId()
                           : t.racks.at(rnd.below(static_cast<int>(t.racks.size()))).id;
                h.unit = h.rack.isNull() ? 0 : 1 + rnd.below(40);
                break;
            case 1:
                h.cluster = t.clusters.isEmpty() || rnd.chance(20)
                              ? ClusterId()
                              : t.clusters.at(rnd.below(static_cast<int>(t.clusters.size()))).id;
                break;
            case 2:
                h.power.clear();
                for (int k = rnd.below(3); k > 0 && !t.circuits.isEmpty(); --k) {
                    const CircuitId c = t.circuits.at(rnd.below(static_cast<int>(t.circuits.size()))).id;
                    if (!h.power.contains(c))
                        h.power.append(c);
                }
                break;
            case 3:
                if (!h.nics.isEmpty())
                    h.nics[rnd.below(static_cast<int>(h.nics.size()))].traffic = 1u << rnd.below(7)
                                                                               | 1u << rnd.below(7);
                break;
            case 4:
                if (rnd.chance(30)) // messages name the host (similar guests...)
                    h.name = QStringLiteral("renamed%1.contoso.local").arg(++serial);
                else
                    h.memoryGb = rnd.chance(10) ? 0 : 64 + 64 * rnd.below(12);
                break;
            case 5: h.cores = rnd.chance(10) ? 0 : 8 + 8 * rnd.below(8); break;
            case 6: h.cpuModel = rnd.chance(50) ? QStringLiteral("Xeon Gold 6338") : QStringLiteral("EPYC 9354"); break;
            default:
                if (!h.nics.isEmpty())
                    h.nics[0].gbps = rnd.chance(50) ? 1 : 25;
                break;
            }
            return build.replace(h, QStringLiteral("Change Host"));
        }
        if (what < 70 && !t.racks.isEmpty()) {
            Rack r = t.racks.at(rnd.below(static_cast<int>(t.racks.size())));
            r.circuits.clear();
            for (int k = rnd.below(3); k > 0 && !t.circuits.isEmpty(); --k) {
                const CircuitId c = t.circuits.at(rnd.below(static_cast<int>(t.circuits.size()))).id;
                if (!r.circuits.contains(c))
                    r.circuits.append(c);
            }
            return build.replace(r, QStringLiteral("Change Rack"));
        }
        if (what < 74 && !t.clusters.isEmpty()) {
            Cluster c = t.clusters.at(rnd.below(static_cast<int>(t.clusters.size())));
            if (rnd.chance(50))
                c.ha = !c.ha;
            else
                c.drs = static_cast<DrsLevel>(rnd.below(4));
            return build.replace(c, QStringLiteral("Change Cluster"));
        }
        if (what < 78 && !t.circuits.isEmpty()) {
            Circuit c = t.circuits.at(rnd.below(static_cast<int>(t.circuits.size())));
            c.name = QStringLiteral("Circuit %1").arg(++serial);
            return build.replace(c, QStringLiteral("Rename Circuit"));
        }
        if (what < 83) {
            Guest g;
            g.id = GuestId(QStringLiteral("new-%1").arg(++serial));
            g.name = g.id.str();
            g.product = rnd.chance(50) ? QStringLiteral("cic-server") : QStringLiteral("media-server");
            g.host = pickHost();
            g.vcpu = 4;
            g.memoryGb = 16;
            return build.add(g, QStringLiteral("Add Guest"));
        }
        if (what < 87 && t.guests.size() >= 2) {
            // A new group of guests that are in no switchover group yet.
            Group grp;
            grp.id = GroupId(QStringLiteral("newgrp-%1").arg(++serial));
            grp.name = grp.id.str();
            grp.kind = rnd.chance(50) ? GroupKind::Switchover : GroupKind::Pool;
            for (int tries = 0; tries < 20 && grp.members.size() < (grp.kind == GroupKind::Switchover ? 2 : 3);
                 ++tries) {
                const int g = rnd.below(static_cast<int>(t.guests.size()));
                bool inSwitchover = false;
                for (int gp : doc.index().groupsOfGuest(g))
                    inSwitchover = inSwitchover || t.groups.at(gp).kind == GroupKind::Switchover;
                if ((grp.kind == GroupKind::Pool || !inSwitchover) && !grp.members.contains(t.guests.at(g).id))
                    grp.members.append(t.guests.at(g).id);
            }
            if (grp.members.size() < 2 || (grp.kind == GroupKind::Switchover && grp.members.size() != 2))
                return Change();
            return build.add(grp, QStringLiteral("Make Group"));
        }
        if (what < 97) {
            // Remove one object of any kind, with its cascade.
            QStringList ids;
            const int kind = rnd.below(6);
            auto pick = [&](const auto &list) {
                if (!list.isEmpty())
                    ids << list.at(rnd.below(static_cast<int>(list.size()))).id.str();
            };
            switch (kind) {
            case 0: pick(t.guests); break;
            case 1: pick(t.hosts); break;
            case 2: pick(t.groups); break;
            case 3: pick(t.racks); break;
            case 4: pick(t.clusters); break;
            default: pick(t.circuits); break;
            }
            return build.remove(ids,
                                rnd.chance(50) ? ChangeBuilder::GuestPolicy::Unplace
                                               : ChangeBuilder::GuestPolicy::Delete,
                                QStringLiteral("Delete"));
        }
        Header h = t.header;
        switch (rnd.below(3)) {
        case 0:
            h.platform.hypervisor = h.platform.hypervisor == Hypervisor::VSphere ? Hypervisor::HyperV
                                                                                 : Hypervisor::VSphere;
            h.platform.version = h.platform.hypervisor == Hypervisor::VSphere ? QStringLiteral("6.0")
                                                                              : QStringLiteral("2019");
            break;
        case 1:
            h.platform.licensing = h.platform.licensing == Licensing::LegacyHostId ? Licensing::Cloud
                                                                                   : Licensing::LegacyHostId;
            break;
        default: h.platform.edition = static_cast<Edition>(rnd.below(3)); break;
        }
        return build.setHeader(h, QStringLiteral("Change Platform"));
    }

private slots:
    void incrementalEqualsFull_data()
    {
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("edits");
        QTest::addColumn<bool>("hyperv");
        QTest::newRow("vsphere-1") << quint64(1) << 2500 << false;
        QTest::newRow("vsphere-2") << quint64(2) << 2500 << false;
        QTest::newRow("hyperv-3") << quint64(3) << 1500 << true;
    }

    void incrementalEqualsFull()
    {
        QFETCH(quint64, seed);
        QFETCH(int, edits);
        QFETCH(bool, hyperv);
        auto params = test::GeneratorParams::small();
        params.hypervisor = hyperv ? Hypervisor::HyperV : Hypervisor::VSphere;
        Document doc(test::generateTopology(params, seed));
        Random rnd(seed * 7919);
        QVector<Change> undoStack;
        int serial = 0;
        int applied = 0;
        // A validator that runs in full again and again as the layout
        // changes: what it keeps between runs (positions found, products,
        // message formats) must never show through.
        Validator reused;
        for (int i = 0; i < edits; ++i) {
            Change change;
            const bool undo = !undoStack.isEmpty() && rnd.chance(15);
            if (undo) {
                change = undoStack.takeLast().inverted();
            } else {
                change = randomEdit(doc, rnd, serial);
                if (change.isEmpty())
                    continue;
            }
            const Topology before = doc.topology();
            doc.apply(change);
            ++applied;
            if (!undo)
                undoStack.append(change);
            const QVector<Finding> full = Validator::validate(doc.topology());
            if (i % 7 == 0) {
                reused.run(doc.topology(), doc.index());
                QVERIFY2(reused.findings() == full, qPrintable(QStringLiteral("edit %1 (%2): a reused validator's full "
                                                                              "run differs from a fresh one")
                                                                   .arg(i)
                                                                   .arg(change.text)));
            }
            if (i % 5 == 0) {
                Validator fresh;
                fresh.run(doc.topology(), TopologyIndex(doc.topology()));
                for (Severity s : {Severity::Error, Severity::Warning, Severity::Info})
                    QCOMPARE(doc.validator().count(s), fresh.count(s));
                QCOMPARE(doc.validator().waivedCount(), fresh.waivedCount());
            }
            if (doc.findings() != full) {
                QStringList lines;
                for (const Finding &f : full)
                    if (!doc.findings().contains(f))
                        lines << QStringLiteral("missing: ") + f.rule + QLatin1Char(' ')
                                     + f.subjects.join(QLatin1Char(','));
                for (const Finding &f : doc.findings())
                    if (!full.contains(f))
                        lines << QStringLiteral("stale: ") + f.rule + QLatin1Char(' ')
                                     + f.subjects.join(QLatin1Char(','));
                QFAIL(qPrintable(QStringLiteral("edit %1 (%2): incremental != full\n").arg(i).arg(change.text)
                                 + lines.join(QLatin1Char('\n'))));
            }
            // The index kept in step must match a fresh one, after every
            // edit: runs of additions and removals update it in place.
            const QString indexDiff = test::indexDifference(doc.topology(), doc.index());
            QVERIFY2(indexDiff.isEmpty(),
                     qPrintable(QStringLiteral("edit %1 (%2): %3").arg(i).arg(change.text, indexDiff)));
            // Applying the inverse restores the topology exactly.
            if (i % 97 == 0) {
                doc.apply(change.inverted());
                QVERIFY(doc.topology() == before);
                doc.apply(change);
            }
        }
        QVERIFY2(applied > edits / 2, "too few edits were applied");
    }
};

QTEST_GUILESS_MAIN(TestIncremental)
#include "tst_incremental.moc"
