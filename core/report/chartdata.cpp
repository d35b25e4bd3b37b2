#include "report/chartdata.h"

#include "analysis/failureanalysis.h"
#include "catalog/catalog.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <numeric>

namespace td {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("td::ChartData", text);
}

QString productName(const QString &id)
{
    const Product *p = Catalog::builtin().product(id);
    return p ? p->name : id;
}

int hostOf(const TopologyIndex &index, const Guest &g)
{
    return g.host.isNull() ? -1 : index.host(g.host);
}

} // namespace

QVector<CapacitySeries> capacityByCluster(const Topology &t, const TopologyIndex &index)
{
    QVector<CapacitySeries> out;
    QVector<QVector<int>> clusterHosts(t.clusters.size() + 1);
    for (int hp = 0; hp < t.hosts.size(); ++hp) {
        const int cp = t.hosts.at(hp).cluster.isNull() ? -1 : index.cluster(t.hosts.at(hp).cluster);
        clusterHosts[cp < 0 ? t.clusters.size() : cp] << hp;
    }
    for (int cp = 0; cp <= t.clusters.size(); ++cp) {
        const QVector<int> &hosts = clusterHosts.at(cp);
        if (hosts.isEmpty())
            continue;
        CapacitySeries s;
        s.cluster = cp < t.clusters.size() ? t.clusters.at(cp).name : tr("Hosts in no cluster");
        // Products in the order they first appear on the cluster's hosts.
        QHash<QString, int> productRow;
        for (int hp : hosts) {
            QVector<int> guests = index.guestsOnHost(hp);
            std::sort(guests.begin(), guests.end());
            for (int g : guests) {
                const QString product = productName(t.guests.at(g).product);
                if (!productRow.contains(product)) {
                    productRow.insert(product, s.products.size());
                    s.products << product;
                }
            }
        }
        s.vcpuByProduct.fill(QVector<double>(hosts.size(), 0.0), s.products.size());
        s.memoryByProduct.fill(QVector<double>(hosts.size(), 0.0), s.products.size());
        for (int i = 0; i < hosts.size(); ++i) {
            const Host &h = t.hosts.at(hosts.at(i));
            s.hosts << h.name;
            s.cores << h.cores;
            s.memoryGb << h.memoryGb;
            for (int g : index.guestsOnHost(hosts.at(i))) {
                const Guest &guest = t.guests.at(g);
                const int row = productRow.value(productName(guest.product));
                s.vcpuByProduct[row][i] += guest.vcpu;
                s.memoryByProduct[row][i] += guest.memoryGb;
            }
        }
        out << s;
    }
    return out;
}

CountSeries guestsPerRack(const Topology &t, const TopologyIndex &index)
{
    CountSeries s;
    s.title = tr("Guests per rack");
    QVector<double> perRack(t.racks.size(), 0.0);
    int unracked = 0;
    for (const Guest &g : t.guests) {
        const int hp = hostOf(index, g);
        if (hp < 0)
            continue;
        const Host &h = t.hosts.at(hp);
        const int rp = h.rack.isNull() ? -1 : index.rack(h.rack);
        if (rp >= 0)
            perRack[rp] += 1;
        else
            ++unracked;
    }
    for (int rp = 0; rp < t.racks.size(); ++rp) {
        s.labels << t.racks.at(rp).name;
        s.values << perRack.at(rp);
    }
    if (unracked > 0) {
        s.labels << tr("Unracked hosts");
        s.values << unracked;
    }
    return s;
}

CountSeries guestsPerCircuit(const Topology &t, const TopologyIndex &index)
{
    CountSeries s;
    s.title = tr("Guests per circuit");
    QVector<double> perCircuit(t.circuits.size(), 0.0);
    for (const Guest &g : t.guests) {
        const int hp = hostOf(index, g);
        if (hp < 0)
            continue;
        const Host &h = t.hosts.at(hp);
        QVector<CircuitId> feeds = h.power;
        const int rp = h.rack.isNull() ? -1 : index.rack(h.rack);
        if (feeds.isEmpty() && rp >= 0)
            feeds = t.racks.at(rp).circuits;
        for (const CircuitId &c : feeds) {
            const int cp = index.circuit(c);
            if (cp >= 0)
                perCircuit[cp] += 1;
        }
    }
    for (int cp = 0; cp < t.circuits.size(); ++cp) {
        s.labels << t.circuits.at(cp).name;
        s.values << perCircuit.at(cp);
    }
    return s;
}

ImpactSeries singleFailureImpact(const Topology &t, const TopologyIndex &index)
{
    const FailureAnalysis analysis(t, index);
    return singleFailureImpact(t, index, analysis.singleFailures());
}

ImpactSeries singleFailureImpact(const Topology &t, const TopologyIndex &index, const QVector<ScenarioResult> &singles)
{
    ImpactSeries s;
    for (const ScenarioResult &scenario : singles) {
        s.labels << index.nameOf(t, scenario.fail.value(0));
        s.down << scenario.guestsDown.size();
        s.restarted << scenario.restarts.size();
        s.stayDown << scenario.stayDown.size();
    }
    return s;
}

ImpactSeries worstImpacts(const ImpactSeries &all, int max)
{
    if (all.labels.size() <= max)
        return all;
    QVector<int> order(all.labels.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        if (all.stayDown.at(a) != all.stayDown.at(b))
            return all.stayDown.at(a) > all.stayDown.at(b);
        return all.down.at(a) > all.down.at(b);
    });
    order.resize(std::max(0, max));
    std::sort(order.begin(), order.end());
    ImpactSeries shown;
    for (int i : order) {
        shown.labels << all.labels.at(i);
        shown.down << all.down.at(i);
        shown.restarted << all.restarted.at(i);
        shown.stayDown << all.stayDown.at(i);
    }
    return shown;
}

} // namespace td
