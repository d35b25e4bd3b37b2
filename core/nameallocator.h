#pragma once

#include "model/topology.h"
#include "model/topologyindex.h"

#include <QHash>
#include <QSet>
#include <QString>

namespace td {

// Fresh ids and names for new objects. One allocator serves every way objects
// are made (palette, paste, duplicate, make pair/pool, the CLI), so that ids
// are unique across the layout and names count up: esx01, esx02, ...; IC1,
// IC2; Rack 1, Rack 2. What it hands out is taken for the rest of its life,
// so one allocator can name several new objects of one edit.
class NameAllocator final
{
public:
    NameAllocator(const Topology &topology, const TopologyIndex &index);

    // base-1, base-2, ...: the first id that no object has.
    QString id(const QString &base);
    // For a copy of an object: id-copy, id-copy2, ...
    QString copyId(const QString &id);
    // prefix + number (zero-padded to `digits`) + suffix: the first that no
    // object of this kind is named. Host names are also compared by their
    // first DNS label (esx01.contoso.local takes esx01).
    QString name(ObjectKind kind, const QString &prefix, int digits = 1, const QString &suffix = QString());
    // name itself when no object of this kind has it, else "name 2", "name 3", ...
    QString unique(ObjectKind kind, const QString &name);
    // "name copy", "name copy 2", ...
    QString copyName(ObjectKind kind, const QString &name);
    // The domain all host names share (".contoso.local"), or "".
    QString hostDomain() const;

private:
    QSet<QString> &names(ObjectKind kind);

    const Topology &mTopology;
    const TopologyIndex &mIndex;
    QSet<QString> mIds; // handed out by this allocator
    QHash<int, QSet<QString>> mNames;
};

} // namespace td
