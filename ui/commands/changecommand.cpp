#include "commands/changecommand.h"

#include "document.h"

namespace td {

ChangeCommand::ChangeCommand(Document *document, Change change, QUndoCommand *parent)
    : QUndoCommand(change.text, parent), mDocument(document), mChange(std::move(change))
{}

void ChangeCommand::redo()
{
    // A refused change leaves the document as it was; the stack then drops
    // the command (QUndoStack::push deletes an obsolete command).
    QString error;
    mDocument->apply(mChange, &error);
    setObsolete(!error.isEmpty());
}

void ChangeCommand::undo()
{
    QString error;
    mDocument->apply(mChange.inverted(), &error);
    setObsolete(!error.isEmpty());
}

EditObjectCommand::EditObjectCommand(Document *document, Change change, QString mergeKey)
    : ChangeCommand(document, std::move(change)), mMergeKey(std::move(mergeKey))
{}

bool EditObjectCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = dynamic_cast<const EditObjectCommand *>(other);
    if (!o || o->isObsolete() || o->mMergeKey != mMergeKey || mMergeKey.isEmpty())
        return false;
    if (mChange.edits.size() != 1 || o->mChange.edits.size() != 1)
        return false;
    // Keep the first "before" and take the latest "after".
    mChange.edits[0].after = o->mChange.edits.at(0).after;
    return true;
}

} // namespace td
