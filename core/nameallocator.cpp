#include "nameallocator.h"

#include <QCoreApplication>

namespace td {

NameAllocator::NameAllocator(const Topology &topology, const TopologyIndex &index) : mTopology(topology), mIndex(index)
{}

QString NameAllocator::id(const QString &base)
{
    for (int n = 1;; ++n) {
        const QString candidate = base + QLatin1Char('-') + QString::number(n);
        if (!mIndex.find(candidate) && !mIds.contains(candidate)) {
            mIds.insert(candidate);
            return candidate;
        }
    }
}

QString NameAllocator::copyId(const QString &id)
{
    const QString base = id + QStringLiteral("-copy");
    QString candidate = base;
    for (int n = 2; mIndex.find(candidate) || mIds.contains(candidate); ++n)
        candidate = base + QString::number(n);
    mIds.insert(candidate);
    return candidate;
}

QSet<QString> &NameAllocator::names(ObjectKind kind)
{
    const int key = static_cast<int>(kind);
    auto it = mNames.find(key);
    if (it != mNames.end())
        return it.value();
    QSet<QString> &set = mNames[key];
    auto collect = [&](const auto &list) {
        set.reserve(static_cast<qsizetype>(list.size()) * 2);
        for (const auto &o : list) {
            set.insert(o.name);
            if (kind == ObjectKind::Host && o.name.contains(QLatin1Char('.')))
                set.insert(o.name.section(QLatin1Char('.'), 0, 0));
        }
    };
    withList(mTopology, kind, collect);
    return set;
}

QString NameAllocator::name(ObjectKind kind, const QString &prefix, int digits, const QString &suffix)
{
    QSet<QString> &taken = names(kind);
    for (int n = 1;; ++n) {
        const QString number = QStringLiteral("%1").arg(n, digits, 10, QLatin1Char('0'));
        const QString candidate = prefix + number + suffix;
        const QString label = prefix + number;
        if (!taken.contains(candidate) && !taken.contains(label)) {
            taken.insert(candidate);
            taken.insert(label);
            return candidate;
        }
    }
}

QString NameAllocator::unique(ObjectKind kind, const QString &name)
{
    QSet<QString> &taken = names(kind);
    QString candidate = name;
    for (int n = 2; taken.contains(candidate); ++n)
        candidate = name + QLatin1Char(' ') + QString::number(n);
    taken.insert(candidate);
    return candidate;
}

QString NameAllocator::copyName(ObjectKind kind, const QString &name)
{
    QSet<QString> &taken = names(kind);
    QString candidate = name + QCoreApplication::translate("td::NameAllocator", " copy");
    for (int n = 2; taken.contains(candidate); ++n)
        candidate = name + QCoreApplication::translate("td::NameAllocator", " copy %1").arg(n);
    taken.insert(candidate);
    return candidate;
}

QString NameAllocator::hostDomain() const
{
    QString domain;
    for (const Host &h : mTopology.hosts) {
        const int dot = h.name.indexOf(QLatin1Char('.'));
        if (dot <= 0)
            return QString();
        const QString d = h.name.mid(dot);
        if (domain.isEmpty())
            domain = d;
        else if (d != domain)
            return QString();
    }
    return domain;
}

} // namespace td
