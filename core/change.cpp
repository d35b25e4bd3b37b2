#include "change.h"

#include <algorithm>

namespace td {

Change Change::inverted() const
{
    Change inv;
    inv.text = text;
    inv.edits.reserve(edits.size());
    for (auto it = edits.crbegin(); it != edits.crend(); ++it)
        inv.edits.append(ObjectEdit{it->after, it->before, it->index});
    for (auto it = layout.crbegin(); it != layout.crend(); ++it)
        inv.layout.append(LayoutEdit{it->id, it->after, it->before, it->index});
    for (auto it = waivers.crbegin(); it != waivers.crend(); ++it)
        inv.waivers.append(WaiverEdit{it->after, it->before, it->index});
    inv.headerBefore = headerAfter;
    inv.headerAfter = headerBefore;
    inv.scenariosBefore = scenariosAfter;
    inv.scenariosAfter = scenariosBefore;
    return inv;
}

} // namespace td
