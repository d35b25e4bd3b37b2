#pragma once

#include "rules/finding.h"

#include <QDialog>
#include <QVector>

class QLineEdit;
class QMenu;
class QPushButton;
class QUndoStack;

namespace td {

class Document;

// Asks why a finding is accepted: the finding, and a reason that must not be
// empty (OK stays disabled until there is one).
class WaiveDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit WaiveDialog(const Finding &finding, QWidget *parent = nullptr);
    QString reason() const;
    QLineEdit *reasonEdit() const { return mReason; }

private:
    QLineEdit *mReason;
    QPushButton *mOk;
};

// The waiver actions a user has on findings, shared by the issues list and
// the canvas: Waive... (asks the reason), Unwaive, Remove Unused Waiver. Each
// is one undoable step on the undo stack, applied through the document.
class WaiverActions final
{
public:
    WaiverActions(Document *document, QUndoStack *undoStack) : mDocument(document), mUndoStack(undoStack) {}

    // Adds the actions that apply to these findings to menu (one per
    // finding, named after it); returns how many were added.
    int addTo(QMenu *menu, const QVector<Finding> &findings, QWidget *dialogParent) const;
    // Asks for a reason, then waives the finding; false when cancelled or refused.
    bool waive(const Finding &finding, QWidget *dialogParent) const;
    bool unwaive(const Finding &finding) const;
    // For a waiver-unused finding: removes the waiver it reports.
    bool removeUnused(const Finding &unused) const;

    static bool isUnusedWaiver(const Finding &finding);

private:
    bool push(const QString &text, struct Change &&change) const;

    Document *mDocument;
    QUndoStack *mUndoStack;
};

} // namespace td
