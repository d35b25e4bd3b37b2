#include "rules/rulecontext.h"

#include <QCoreApplication>

#include <algorithm>

namespace td {

QVector<int> RuleContext::guestsOn(int hostPos) const
{
    QVector<int> out = index.guestsOnHost(hostPos);
    std::sort(out.begin(), out.end());
    return out;
}

QVector<int> RuleContext::hostsOf(int clusterPos) const
{
    QVector<int> out = index.hostsInCluster(clusterPos);
    std::sort(out.begin(), out.end());
    return out;
}

bool RuleContext::pureConnect(const Guest &guest) const
{
    const Product *p = product(guest);
    return p && p->pureConnect;
}

bool RuleContext::licensed(const Guest &guest) const
{
    const Product *p = product(guest);
    return p && p->licensed;
}

bool RuleContext::switchoverBuilt(const Guest &guest) const
{
    const Product *p = product(guest);
    return p && p->switchoverBuilt();
}

bool RuleContext::inSwitchoverGroup(int guestPos) const
{
    for (int g : index.groupsOfGuest(guestPos)) {
        if (topology.groups.at(g).kind == GroupKind::Switchover)
            return true;
    }
    return false;
}

QVector<RuleContext::Placed> RuleContext::placedMembers(int groupPos) const
{
    QVector<Placed> out;
    for (const GuestId &m : topology.groups.at(groupPos).members) {
        const int g = index.guest(m);
        if (g < 0)
            continue;
        const int h = index.host(topology.guests.at(g).host);
        if (h >= 0)
            out.append(Placed{g, h});
    }
    return out;
}

QVector<int> RuleContext::distinctHosts(const QVector<Placed> &placed)
{
    QVector<int> out;
    for (const Placed &p : placed) {
        if (!out.contains(p.host))
            out.append(p.host);
    }
    return out;
}

QStringList RuleContext::placedGuestIds(const QVector<Placed> &placed) const
{
    QStringList ids;
    for (const Placed &p : placed)
        ids << topology.guests.at(p.guest).id.str();
    return ids;
}

QString RuleContext::placedGuestNames(const QVector<Placed> &placed) const
{
    QStringList names;
    for (const Placed &p : placed)
        names << topology.guests.at(p.guest).name;
    return nameList(names);
}

QString RuleContext::nameList(const QStringList &names)
{
    if (names.isEmpty())
        return {};
    if (names.size() == 1)
        return names.first();
    const QString andWord = QCoreApplication::translate("td::RuleContext", "and");
    return QStringList(names.mid(0, names.size() - 1)).join(QStringLiteral(", ")) + QLatin1Char(' ') + andWord
         + QLatin1Char(' ') + names.last();
}

QString RuleContext::guestNames(const QVector<int> &guestPositions) const
{
    QStringList names;
    for (int g : guestPositions)
        names << topology.guests.at(g).name;
    return nameList(names);
}

QStringList RuleContext::guestIds(const QVector<int> &guestPositions) const
{
    QStringList ids;
    for (int g : guestPositions)
        ids << topology.guests.at(g).id.str();
    return ids;
}

} // namespace td
