#include "model/groupcolor.h"

#include "model/topology.h"

#include <algorithm>

namespace td {

void GroupColors::take(const GroupId &id, int slot)
{
    mSlots.insert(id, slot);
    ++mUses[size_t(slot)];
}

void GroupColors::assign(const Topology &t)
{
    mSlots.clear();
    mGone.clear();
    mUses.fill(0);
    mSlots.reserve(t.groups.size());
    for (int i = 0; i < t.groups.size(); ++i)
        take(t.groups.at(i).id, i % kGroupColorCount);
}

void GroupColors::follow(const Topology &t)
{
    QHash<GroupId, int> before;
    before.swap(mSlots);
    mSlots.reserve(t.groups.size());
    mUses.fill(0);
    QVector<GroupId> fresh;
    for (const Group &g : t.groups) {
        const auto it = before.constFind(g.id);
        if (it != before.cend())
            take(g.id, it.value());
        else
            fresh.append(g.id);
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!mSlots.contains(it.key()))
            mGone.insert(it.key(), it.value());
    }
    for (const GroupId &id : std::as_const(fresh)) {
        const auto gone = mGone.constFind(id);
        if (gone != mGone.cend()) {
            const int slot = gone.value();
            mGone.erase(gone);
            take(id, slot);
        } else {
            take(id, int(std::min_element(mUses.cbegin(), mUses.cend()) - mUses.cbegin()));
        }
    }
}

} // namespace td
