#include "topologygenerator.h"

namespace td::test {

quint32 Random::next()
{
    // PCG32 (O'Neill), XSH RR output.
    const quint64 old = mState;
    mState = old * 6364136223846793005ULL + 1442695040888963407ULL;
    const auto xorshifted = static_cast<quint32>(((old >> 18u) ^ old) >> 27u);
    const auto rot = static_cast<quint32>(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((32u - rot) & 31u));
}

namespace {

QString num(int n, int width = 3)
{
    return QStringLiteral("%1").arg(n, width, 10, QLatin1Char('0'));
}

const char *const kPoolProducts[] = {"media-server", "session-manager", "remote-content-service",
                                     "media-streaming-server"};
const char *const kSingleProducts[] = {"generic", "database", "director", "generic", "generic"};

} // namespace

Topology generateTopology(const GeneratorParams &p, quint64 seed)
{
    Random rnd(seed);
    Topology t;
    t.header.name = QStringLiteral("Generated layout %1").arg(seed);
    t.header.platform.hypervisor = p.hypervisor;
    t.header.platform.version = p.hypervisor == Hypervisor::VSphere ? QStringLiteral("8.0") : QStringLiteral("2022");
    const bool vsphere = p.hypervisor == Hypervisor::VSphere;

    for (int i = 0; i < p.circuits; ++i)
        t.circuits.append(Circuit{CircuitId(QStringLiteral("ups-") + num(i)),
                                  QStringLiteral("UPS %1 %2").arg(QChar(u'A' + i % 2)).arg(i / 2 + 1),
                                  {}});
    for (int i = 0; i < p.racks; ++i) {
        Rack r;
        r.id = RackId(QStringLiteral("rack-") + num(i));
        r.name = QStringLiteral("Row %1 / Rack %2").arg(i / 10 + 1).arg(i % 10 + 1);
        if (p.circuits > 0 && !rnd.chance(5)) {
            r.circuits.append(t.circuits.at((2 * i) % p.circuits).id);
            if (!rnd.chance(10))
                r.circuits.append(t.circuits.at((2 * i + 1) % p.circuits).id);
        }
        r.units = 42;
        t.racks.append(r);
    }
    for (int i = 0; i < p.clusters; ++i) {
        Cluster c;
        c.id = ClusterId(QStringLiteral("cl-") + num(i, 2));
        c.name = QStringLiteral("PROD-CL%1").arg(num(i + 1, 2));
        c.drs = rnd.chance(30) ? DrsLevel::FullyAutomated : DrsLevel::PartiallyAutomated;
        c.ha = !rnd.chance(10);
        t.clusters.append(c);
    }
    const QString cpuModels[] = {QStringLiteral("Xeon Gold 6338"), QStringLiteral("Xeon Gold 6430")};
    for (int i = 0; i < p.hosts; ++i) {
        Host h;
        h.id = HostId((vsphere ? QStringLiteral("esx") : QStringLiteral("hv")) + num(i));
        h.name = h.id.str() + QStringLiteral(".contoso.local");
        if (p.racks > 0 && !rnd.chance(3)) {
            h.rack = t.racks.at(i % p.racks).id;
            h.unit = 1 + 2 * ((i / p.racks) % 20);
        }
        if (p.clusters > 0 && !rnd.chance(4))
            h.cluster = t.clusters.at((i * p.clusters) / p.hosts).id;
        if (p.circuits > 0 && rnd.chance(15))
            h.power.append(t.circuits.at(rnd.below(p.circuits)).id);
        h.cpuModel = cpuModels[rnd.chance(5) ? 1 : 0];
        h.cores = 48;
        h.memoryGb = 768;
        const Traffic migration = vsphere ? Traffic::VMotion : Traffic::LiveMigration;
        Nic mgmt{QStringLiteral("nic0"), 10, bit(Traffic::Management), {}};
        Nic migrate{QStringLiteral("nic1"), 25, bit(migration), {}};
        Nic vm{QStringLiteral("nic2"), 25, bit(Traffic::Vm), {}};
        Nic storage{QStringLiteral("nic3"), 25, bit(Traffic::Storage) | bit(Traffic::FtLogging), {}};
        if (rnd.chance(5)) {
            mgmt.traffic |= bit(migration);
            h.nics = {mgmt, vm, storage};
        } else {
            h.nics = {mgmt, migrate, vm, storage};
        }
        t.hosts.append(h);
    }

    auto newGuest = [&](const QString &product, int n) {
        Guest g;
        g.id = GuestId(QStringLiteral("vm-") + num(n, 5));
        g.name = QStringLiteral("VM%1").arg(num(n, 5));
        g.product = product;
        g.vcpu = 2 + 2 * rnd.below(3);
        g.memoryGb = 8 + 4 * rnd.below(5);
        g.mac = rnd.chance(85) ? MacMode::Static : MacMode::Dynamic;
        g.ft = vsphere && rnd.chance(1);
        if (p.hosts > 0 && !rnd.chance(1))
            g.host = t.hosts.at(rnd.below(p.hosts)).id;
        return g;
    };

    // Groups first, each with fresh guests of one product.
    int guestNo = 0;
    for (int i = 0; i < p.groups && guestNo + 2 <= p.guests; ++i) {
        Group grp;
        grp.id = GroupId(QStringLiteral("grp-") + num(i, 4));
        const bool switchover = rnd.chance(40);
        grp.kind = switchover ? GroupKind::Switchover : GroupKind::Pool;
        const QString product = QString::fromLatin1(switchover ? (rnd.chance(70) ? "cic-server" : "dialer-ccs")
                                                               : kPoolProducts[rnd.below(4)]);
        grp.name = (switchover ? QStringLiteral("Pair ") : QStringLiteral("Pool ")) + num(i, 4);
        const int size = switchover ? 2 : std::min(2 + rnd.below(3), p.guests - guestNo);
        for (int m = 0; m < size; ++m) {
            Guest g = newGuest(product, guestNo++);
            if (m > 0 && rnd.chance(3) && !t.guests.last().host.isNull())
                g.host = t.guests.last().host; // co-located member: redundancy findings
            grp.members.append(g.id);
            t.guests.append(g);
        }
        t.groups.append(grp);
    }
    while (guestNo < p.guests) {
        const QString product = QString::fromLatin1(rnd.chance(5) ? (rnd.chance(50) ? "cic-server" : "media-server")
                                                                  : kSingleProducts[rnd.below(5)]);
        t.guests.append(newGuest(product, guestNo++));
    }
    // Racks in rows of 8, each with its A/B circuits above it.
    for (int i = 0; i < p.racks; ++i) {
        const double x = 800.0 * (i % 8);
        const double y = 120.0 + 1700.0 * (i / 8);
        t.layout.append(LayoutEntry{t.racks.at(i).id.str(), x, y, {}});
        for (int k = 0; k < 2 && 2 * i + k < p.circuits; ++k)
            t.layout.append(LayoutEntry{t.circuits.at(2 * i + k).id.str(), x + 40 + 380 * k, y - 90, {}});
    }
    return t;
}

Guest unplacedCopy(const Guest &model, const QString &id, const QString &name)
{
    Guest g = model;
    g.id = GuestId(id);
    g.name = name;
    g.host = HostId();
    g.comments = {};
    return g;
}

void addUnplacedGuests(Topology &topology, int count)
{
    const Guest model = topology.guests.first();
    for (int i = 0; i < count; ++i)
        topology.guests.append(
            unplacedCopy(model, QStringLiteral("extra-%1").arg(i), QStringLiteral("extra%1").arg(i)));
}

QStringList randomObjectIds(const Topology &topology, Random &rnd, int most)
{
    QStringList ids;
    auto pick = [&](const auto &list) {
        if (!list.isEmpty())
            ids << list.at(rnd.below(static_cast<int>(list.size()))).id.str();
    };
    for (int k = 1 + rnd.below(most); k > 0; --k) {
        switch (rnd.below(10)) {
        case 0: pick(topology.hosts); break;
        case 1: pick(topology.groups); break;
        case 2: pick(topology.racks); break;
        case 3: pick(topology.clusters); break;
        case 4: pick(topology.circuits); break;
        default: pick(topology.guests); break;
        }
    }
    return ids;
}

} // namespace td::test
