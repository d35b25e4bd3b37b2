#include "io/layoutwriter.h"

#include "io/names.h"
#include "io/yamltext.h"

#include <QCoreApplication>
#include <QSaveFile>
#include <QStringList>

namespace td {

namespace {

// Builds the file text; one instance per write.
class Out
{
public:
    void line(int indent, const QString &text)
    {
        mText.append(QByteArray(indent, ' '));
        mText.append(text.toUtf8());
        mText.append('\n');
    }
    void field(int indent, const char *key, const QString &value)
    {
        line(indent, QLatin1String(key) + QLatin1String(": ") + value);
    }
    void text(int indent, const char *key, const QString &value)
    {
        field(indent, key, yamlScalar(value));
    }
    void number(int indent, const char *key, int value) { field(indent, key, QString::number(value)); }
    void extras(int indent, const Extras &extras)
    {
        for (const Extra &e : extras)
            line(indent, yamlScalar(e.key) + QLatin1String(": ") + e.yaml);
    }
    // "- " before the first key of a list item.
    void item(int indent, const char *key, const QString &value)
    {
        line(indent, QLatin1String("- ") + QLatin1String(key) + QLatin1String(": ") + value);
    }
    template <typename IdList>
    static QString idList(const IdList &ids)
    {
        QStringList parts;
        parts.reserve(ids.size());
        for (const auto &id : ids)
            parts << yamlScalar(id.str(), true);
        return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
    }
    QByteArray take() { return std::move(mText); }
    void reserve(qsizetype n) { mText.reserve(n); }

private:
    QByteArray mText;
};

QString trafficList(TrafficSet set)
{
    QStringList parts;
    for (Traffic t : kAllTraffic) {
        if (set & bit(t))
            parts << Names::traffic(t);
    }
    return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
}

template <typename List, typename F>
void writeList(Out &out, const char *key, const List &list, F writeItem)
{
    if (list.isEmpty()) {
        out.line(0, QLatin1String(key) + QLatin1String(": []"));
        return;
    }
    out.line(0, QLatin1String(key) + QLatin1Char(':'));
    for (const auto &item : list)
        writeItem(item);
}

} // namespace

QByteArray LayoutWriter::write(const Topology &t)
{
    Out out;
    out.reserve(256 + t.hosts.size() * 400 + t.guests.size() * 140 + t.groups.size() * 100);
    const Platform &p = t.header.platform;
    out.line(0, QStringLiteral("format: 1"));
    out.text(0, "name", t.header.name);
    out.line(0, QStringLiteral("platform:"));
    out.field(2, "hypervisor", Names::hypervisor(p.hypervisor));
    out.field(2, "version", QLatin1Char('"') + p.version + QLatin1Char('"'));
    if (p.hypervisor == Hypervisor::VSphere)
        out.field(2, "edition", Names::edition(p.edition));
    out.field(2, "licensing", Names::licensing(p.licensing));
    out.extras(2, p.extras);

    writeList(out, "circuits", t.circuits, [&](const Circuit &c) {
        out.item(2, "id", yamlScalar(c.id.str()));
        out.text(4, "name", c.name);
        out.extras(4, c.extras);
    });
    writeList(out, "racks", t.racks, [&](const Rack &r) {
        out.item(2, "id", yamlScalar(r.id.str()));
        out.text(4, "name", r.name);
        if (!r.circuits.isEmpty())
            out.field(4, "circuits", Out::idList(r.circuits));
        if (r.units > 0)
            out.number(4, "units", r.units);
        out.extras(4, r.extras);
    });
    writeList(out, "clusters", t.clusters, [&](const Cluster &c) {
        out.item(2, "id", yamlScalar(c.id.str()));
        out.text(4, "name", c.name);
        if (p.hypervisor == Hypervisor::VSphere || c.drs != DrsLevel::FullyAutomated)
            out.field(4, "drs", Names::drs(c.drs));
        out.field(4, "ha", c.ha ? QStringLiteral("true") : QStringLiteral("false"));
        out.extras(4, c.extras);
    });
    writeList(out, "hosts", t.hosts, [&](const Host &h) {
        out.item(2, "id", yamlScalar(h.id.str()));
        out.text(4, "name", h.name);
        if (!h.rack.isNull())
            out.field(4, "rack", yamlScalar(h.rack.str()));
        if (h.unit > 0)
            out.number(4, "unit", h.unit);
        if (h.heightU != 1)
            out.number(4, "height_u", h.heightU);
        if (!h.cluster.isNull())
            out.field(4, "cluster", yamlScalar(h.cluster.str()));
        if (!h.power.isEmpty())
            out.field(4, "power", Out::idList(h.power));
        if (!h.cpuModel.isEmpty())
            out.text(4, "cpu_model", h.cpuModel);
        if (h.cores > 0)
            out.number(4, "cores", h.cores);
        if (h.memoryGb > 0)
            out.number(4, "memory_gb", h.memoryGb);
        if (!h.nics.isEmpty()) {
            out.line(4, QStringLiteral("nics:"));
            for (const Nic &n : h.nics) {
                out.item(6, "name", yamlScalar(n.name));
                if (n.gbps > 0)
                    out.number(8, "gbps", n.gbps);
                out.field(8, "traffic", trafficList(n.traffic));
                out.extras(8, n.extras);
            }
        }
        out.extras(4, h.extras);
    });
    writeList(out, "guests", t.guests, [&](const Guest &g) {
        out.item(2, "id", yamlScalar(g.id.str()));
        out.text(4, "name", g.name);
        out.field(4, "product", yamlScalar(g.product));
        if (!g.host.isNull())
            out.field(4, "host", yamlScalar(g.host.str()));
        out.number(4, "vcpu", g.vcpu);
        out.number(4, "memory_gb", g.memoryGb);
        if (g.ft)
            out.field(4, "ft", QStringLiteral("true"));
        if (g.mac != MacMode::Dynamic)
            out.field(4, "mac", Names::mac(g.mac));
        out.extras(4, g.extras);
    });
    writeList(out, "groups", t.groups, [&](const Group &g) {
        out.item(2, "id", yamlScalar(g.id.str()));
        out.text(4, "name", g.name);
        out.field(4, "kind", Names::groupKind(g.kind));
        out.field(4, "members", Out::idList(g.members));
        out.extras(4, g.extras);
    });
    if (!t.layout.isEmpty()) {
        out.line(0, QStringLiteral("layout:"));
        for (const LayoutEntry &e : t.layout) {
            QString value = QStringLiteral("{x: ") + yamlNumber(e.x) + QStringLiteral(", y: ")
                          + yamlNumber(e.y);
            for (const Extra &x : e.extras)
                value += QStringLiteral(", ") + yamlScalar(x.key, true) + QStringLiteral(": ") + x.yaml;
            out.line(2, yamlScalar(e.id) + QStringLiteral(": ") + value + QLatin1Char('}'));
        }
    }
    out.extras(0, t.header.extras);
    return out.take();
}

bool LayoutWriter::writeFile(const Topology &topology, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QCoreApplication::translate("td::LayoutWriter", "cannot write %1: %2")
                         .arg(path, file.errorString());
        return false;
    }
    const QByteArray data = write(topology);
    if (file.write(data) != data.size() || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("td::LayoutWriter", "cannot write %1: %2")
                         .arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace td
