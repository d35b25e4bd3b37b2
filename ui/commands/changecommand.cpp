#include "commands/changecommand.h"

#include "document.h"

namespace td {

ChangeCommand::ChangeCommand(Document *document, Change change, QUndoCommand *parent)
    : QUndoCommand(change.text, parent), mDocument(document), mChange(std::move(change))
{
}

void ChangeCommand::redo()
{
    mDocument->apply(mChange);
}

void ChangeCommand::undo()
{
    mDocument->apply(mChange.inverted());
}

EditObjectCommand::EditObjectCommand(Document *document, Change change, QString mergeKey)
    : ChangeCommand(document, std::move(change)), mMergeKey(std::move(mergeKey))
{
}

bool EditObjectCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = dynamic_cast<const EditObjectCommand *>(other);
    if (!o || o->mMergeKey != mMergeKey || mMergeKey.isEmpty())
        return false;
    if (mChange.edits.size() != 1 || o->mChange.edits.size() != 1)
        return false;
    // Keep the first "before" and take the latest "after".
    mChange.edits[0].after = o->mChange.edits.at(0).after;
    return true;
}

} // namespace td
