#pragma once

#include "model/ids.h"

#include <QHash>

#include <array>

namespace td {

struct Change;
struct Topology;

// How many colours groups are told apart by (the canvas's and the reports'
// palettes both have this many).
constexpr int kGroupColorCount = 8;

// The colour (a slot, 0 .. kGroupColorCount-1) each redundancy group is
// drawn in, on the canvas and in the reports. A layout as opened colours its
// groups in document order, so that the first kGroupColorCount groups all
// differ. Edits keep every group's colour: a new group takes the colour the
// fewest groups have (the first such on a tie), a deleted group that comes
// back (undo) takes its old colour again, and deleting a group recolours no
// other group.
class GroupColors
{
public:
    GroupColors() = default;
    explicit GroupColors(const Topology &t) { assign(t); }

    // The colours of the layout as opened: by position.
    void assign(const Topology &t);
    // After a change: the kept groups keep their colours; the groups it
    // removes leave theirs (for an undo), the groups it adds take one.
    void follow(const Change &change);
    // The group's slot; 0 for a group this has not seen.
    int slot(const GroupId &id) const { return mSlots.value(id, 0); }

private:
    void take(const GroupId &id, int slot);
    void add(const GroupId &id);

    QHash<GroupId, int> mSlots;
    QHash<GroupId, int> mGone; // deleted groups' colours, for an undo
    std::array<int, kGroupColorCount> mUses{};
};

} // namespace td
