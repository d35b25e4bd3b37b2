#include "report/genericnames.h"

#include "catalog/catalog.h"

#include <QCoreApplication>
#include <QHash>

namespace td {

GenericNames::GenericNames(const Topology &topology)
{
    mHosts.reserve(topology.hosts.size());
    for (int i = 0; i < topology.hosts.size(); ++i)
        mHosts << QCoreApplication::translate("td::GenericNames", "Host %1").arg(i + 1);
    QHash<QString, int> perProduct;
    mGuests.reserve(topology.guests.size());
    for (const Guest &g : topology.guests) {
        const Product *p = Catalog::builtin().product(g.product);
        const QString base = p ? p->name : QCoreApplication::translate("td::GenericNames", "Guest");
        int &n = perProduct[base];
        mGuests << base + QLatin1Char(' ') + letters(n++);
    }
}

QString GenericNames::letters(int index)
{
    QString s;
    int n = index + 1;
    while (n > 0) {
        --n;
        s.prepend(QChar(QLatin1Char('A').unicode() + n % 26));
        n /= 26;
    }
    return s;
}

Topology GenericNames::applied(const Topology &topology)
{
    const GenericNames names(topology);
    Topology t = topology;
    for (int i = 0; i < t.hosts.size(); ++i)
        t.hosts[i].name = names.host(i);
    for (int i = 0; i < t.guests.size(); ++i)
        t.guests[i].name = names.guest(i);
    return t;
}

} // namespace td
