#pragma once

#include <QVector>

namespace td {

// Removes the elements at positions (sorted, distinct, each within list) in
// one pass: every kept element moves at most once. The Document's runs of
// removals and the index's lists that follow them share it.
template <typename List>
void eraseAt(List &list, const QVector<int> &positions)
{
    if (positions.isEmpty())
        return;
    int write = positions.first();
    int next = 0;
    for (int read = positions.first(); read < list.size(); ++read) {
        if (next < positions.size() && positions.at(next) == read) {
            ++next;
            continue;
        }
        list[write++] = std::move(list[read]);
    }
    list.resize(write);
}

} // namespace td
