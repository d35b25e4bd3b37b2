#include "model/topology.h"

#include <QRegularExpression>

namespace td {

bool isValidId(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool alnum = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
        if (i == 0 ? !alnum : !(alnum || c == u'.' || c == u'_' || c == u'-'))
            return false;
    }
    return true;
}

bool Platform::operator==(const Platform &o) const
{
    return hypervisor == o.hypervisor && version == o.version && edition == o.edition && licensing == o.licensing
        && extras == o.extras && comments == o.comments;
}

bool Circuit::operator==(const Circuit &o) const
{
    return id == o.id && name == o.name && extras == o.extras && comments == o.comments;
}

bool Rack::operator==(const Rack &o) const
{
    return id == o.id && name == o.name && circuits == o.circuits && units == o.units && extras == o.extras
        && comments == o.comments;
}

bool Cluster::operator==(const Cluster &o) const
{
    return id == o.id && name == o.name && drs == o.drs && ha == o.ha && extras == o.extras && comments == o.comments;
}

bool Nic::operator==(const Nic &o) const
{
    return name == o.name && gbps == o.gbps && traffic == o.traffic && extras == o.extras && comments == o.comments;
}

bool Host::operator==(const Host &o) const
{
    return id == o.id && name == o.name && rack == o.rack && unit == o.unit && heightU == o.heightU
        && cluster == o.cluster && power == o.power && cpuModel == o.cpuModel && cores == o.cores
        && memoryGb == o.memoryGb && nics == o.nics && extras == o.extras && comments == o.comments;
}

bool Guest::operator==(const Guest &o) const
{
    return id == o.id && name == o.name && product == o.product && host == o.host && vcpu == o.vcpu
        && memoryGb == o.memoryGb && ft == o.ft && mac == o.mac && extras == o.extras && comments == o.comments;
}

bool Group::operator==(const Group &o) const
{
    return id == o.id && name == o.name && kind == o.kind && members == o.members && extras == o.extras
        && comments == o.comments;
}

bool Scenario::operator==(const Scenario &o) const
{
    return name == o.name && fail == o.fail && extras == o.extras && comments == o.comments;
}

bool Waiver::operator==(const Waiver &o) const
{
    return rule == o.rule && subjects == o.subjects && reason == o.reason && extras == o.extras
        && comments == o.comments;
}

QString Waiver::key(const QString &rule, const QStringList &subjects)
{
    QStringList set = subjects;
    set.sort();
    set.removeDuplicates();
    return rule + QLatin1Char('\n') + set.join(QLatin1Char('\n'));
}

bool LayoutEntry::operator==(const LayoutEntry &o) const
{
    return id == o.id && x == o.x && y == o.y && extras == o.extras && comments == o.comments;
}

bool Header::operator==(const Header &o) const
{
    return name == o.name && platform == o.platform && extras == o.extras && comments == o.comments;
}

bool Topology::operator==(const Topology &o) const
{
    return header == o.header && circuits == o.circuits && racks == o.racks && clusters == o.clusters
        && hosts == o.hosts && guests == o.guests && groups == o.groups && scenarios == o.scenarios
        && waivers == o.waivers && layout == o.layout;
}

ObjectKind kindOf(const Object &object)
{
    return static_cast<ObjectKind>(object.index());
}

QString idOf(const Object &object)
{
    return std::visit([](const auto &o) { return o.id.str(); }, object);
}

QString kindName(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::Circuit: return QStringLiteral("circuit");
    case ObjectKind::Rack: return QStringLiteral("rack");
    case ObjectKind::Cluster: return QStringLiteral("cluster");
    case ObjectKind::Host: return QStringLiteral("host");
    case ObjectKind::Guest: return QStringLiteral("guest");
    case ObjectKind::Group: return QStringLiteral("group");
    }
    return {};
}

} // namespace td
