#include "model/groupcolor.h"

namespace td {

int groupColorSlot(const GroupId &id)
{
    // FNV-1a over the id's UTF-16 units: the same slot on every run and
    // platform (qHash is seeded per process).
    quint32 hash = 2166136261u;
    for (const QChar c : id.str()) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return static_cast<int>(hash % kGroupColorCount);
}

} // namespace td
