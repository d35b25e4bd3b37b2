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

namespace {

// "a, b and c", built in one string: rules name the guests of every host
// and group an edit touches (a host's similar guests, again after each move).
template <typename NameAt>
QString joinNames(qsizetype count, NameAt nameAt)
{
    if (count == 0)
        return {};
    if (count == 1)
        return nameAt(0);
    const QString andWord = QCoreApplication::translate("td::RuleContext", "and");
    qsizetype length = andWord.size() + 2;
    for (qsizetype i = 0; i < count; ++i)
        length += nameAt(i).size() + 2;
    QString out;
    out.reserve(length);
    for (qsizetype i = 0; i + 1 < count; ++i) {
        if (i > 0)
            out += QLatin1String(", ");
        out += nameAt(i);
    }
    out += QLatin1Char(' ');
    out += andWord;
    out += QLatin1Char(' ');
    out += nameAt(count - 1);
    return out;
}

} // namespace

QString RuleContext::nameList(const QStringList &names)
{
    return joinNames(names.size(), [&names](qsizetype i) -> const QString & { return names.at(i); });
}

QString RuleContext::guestNames(const QVector<int> &guestPositions) const
{
    return joinNames(guestPositions.size(), [this, &guestPositions](qsizetype i) -> const QString & {
        return topology.guests.at(guestPositions.at(i)).name;
    });
}

QStringList RuleContext::guestIds(const QVector<int> &guestPositions) const
{
    QStringList ids;
    for (int g : guestPositions)
        ids << topology.guests.at(g).id.str();
    return ids;
}

} // namespace td
