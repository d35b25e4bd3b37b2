#pragma once

#include <QString>

namespace td::mime {

// A new object from the palette: "circuit", "rack", "host", "nic" or
// "guest:<product-id>".
inline QString newObject()
{
    return QStringLiteral("application/x-topology-designer-new");
}
// Existing objects being moved: "guests:<id>,<id>" or "hosts:<id>,...".
inline QString moveObjects()
{
    return QStringLiteral("application/x-topology-designer-move");
}
// A circuit's plug: "<circuit-id>".
inline QString feed()
{
    return QStringLiteral("application/x-topology-designer-feed");
}
// Copied objects: a layout file fragment.
inline QString clipboard()
{
    return QStringLiteral("application/x-topology-designer+yaml");
}

} // namespace td::mime
