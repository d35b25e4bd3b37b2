#pragma once

#include "model/topology.h"

#include <QString>
#include <QVector>

#include <optional>

namespace td {

// One object added (no before), removed (no after) or replaced.
// index: where it is inserted (add) or was (remove); -1 = at the end.
struct ObjectEdit
{
    std::optional<Object> before;
    std::optional<Object> after;
    int index = -1;

    ObjectKind kind() const { return kindOf(after ? *after : *before); }
    QString id() const { return idOf(after ? *after : *before); }
};

// A canvas position added, removed or moved.
struct LayoutEdit
{
    QString id;
    std::optional<LayoutEntry> before;
    std::optional<LayoutEntry> after;
    int index = -1;
};

// A waiver added (no before), removed (no after) or replaced, at index in
// the waivers list (waivers have no id: the index and the value name one).
struct WaiverEdit
{
    std::optional<Waiver> before;
    std::optional<Waiver> after;
    int index = -1;
};

// One user-level edit of a topology, as data: what it was and what it becomes.
// Undo applies inverted(). Built by ChangeBuilder; applied by Document.
struct Change
{
    QString text; // "Move Guest", for the undo menu
    QVector<ObjectEdit> edits;
    QVector<LayoutEdit> layout;
    QVector<WaiverEdit> waivers;
    std::optional<Header> headerBefore;
    std::optional<Header> headerAfter;
    // The scenarios list before and after, replaced whole (scenarios have no
    // id, and a layout has few of them).
    std::optional<QVector<Scenario>> scenariosBefore;
    std::optional<QVector<Scenario>> scenariosAfter;

    bool isEmpty() const
    {
        return edits.isEmpty() && layout.isEmpty() && waivers.isEmpty() && !headerAfter && !scenariosAfter;
    }
    Change inverted() const;
};

} // namespace td
