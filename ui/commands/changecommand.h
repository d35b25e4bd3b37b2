#pragma once

#include "change.h"

#include <QUndoCommand>

namespace td {

class Document;

// Ids for merging continuous edits (QUndoCommand::id()).
enum class CommandId { None = -1, EditObject = 1 };

// An undoable Change: redo applies it to the document, undo applies its
// inverse. Every user edit goes through one of these; the subclasses below
// name the verbs (MoveGuests, AddObject, ...). Never holds a view.
class ChangeCommand : public QUndoCommand
{
public:
    ChangeCommand(Document *document, Change change, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    const Change &change() const { return mChange; }

protected:
    Document *mDocument;
    Change mChange;
};

// Moves guests to a host (or unplaces them): one step for a multi-selection.
class MoveGuestsCommand final : public ChangeCommand
{
public:
    using ChangeCommand::ChangeCommand;
};

// Adds one object (from the palette, or a pasted piece).
class AddObjectsCommand final : public ChangeCommand
{
public:
    using ChangeCommand::ChangeCommand;
};

// Deletes objects with their cascade.
class DeleteObjectsCommand final : public ChangeCommand
{
public:
    using ChangeCommand::ChangeCommand;
};

// Puts hosts in a rack unit, or takes them out of racks.
class MoveHostsCommand final : public ChangeCommand
{
public:
    using ChangeCommand::ChangeCommand;
};

// Makes, dissolves or reorders redundancy groups.
class GroupCommand final : public ChangeCommand
{
public:
    using ChangeCommand::ChangeCommand;
};

// Edits one object's fields (inspector); consecutive edits of the same
// field of the same object merge into one step.
class EditObjectCommand final : public ChangeCommand
{
public:
    EditObjectCommand(Document *document, Change change, QString mergeKey);
    int id() const override { return static_cast<int>(CommandId::EditObject); }
    bool mergeWith(const QUndoCommand *other) override;

private:
    QString mMergeKey;
};

// Waives or unwaives a finding, or removes an unused waiver.
class WaiverCommand final : public ChangeCommand
{
public:
    using ChangeCommand::ChangeCommand;
};

// Moves a rack or circuit on the canvas (one drag, one step).
class MovePositionCommand final : public ChangeCommand
{
public:
    using ChangeCommand::ChangeCommand;
};

} // namespace td
