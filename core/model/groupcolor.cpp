#include "model/groupcolor.h"

#include "change.h"
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

void GroupColors::add(const GroupId &id)
{
    const auto gone = mGone.constFind(id);
    if (gone != mGone.cend()) {
        const int slot = gone.value();
        mGone.erase(gone);
        take(id, slot);
    } else {
        take(id, int(std::min_element(mUses.cbegin(), mUses.cend()) - mUses.cbegin()));
    }
}

void GroupColors::follow(const Change &change)
{
    // Removed groups first: their colours are free for the groups added.
    for (const ObjectEdit &e : change.edits) {
        if (e.before && !e.after && e.kind() == ObjectKind::Group) {
            const GroupId id(e.id());
            const auto it = mSlots.constFind(id);
            if (it == mSlots.cend())
                continue;
            --mUses[size_t(it.value())];
            mGone.insert(id, it.value());
            mSlots.erase(it);
        }
    }
    for (const ObjectEdit &e : change.edits) {
        if (!e.before && e.after && e.kind() == ObjectKind::Group)
            add(GroupId(e.id()));
    }
}

} // namespace td
