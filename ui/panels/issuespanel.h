#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QUndoStack;
class QModelIndex;
class QTableView;

namespace td {

class Document;
class IssuesFilter;
class IssuesModel;

// Issues dock content: every finding with severity icon, rule and message
// (a model that follows the findings delta); filter by severity and text;
// clicking one selects its subjects on the canvas; hovering shows the rule's
// explanation and source.
class IssuesPanel final : public QWidget
{
    Q_OBJECT

public:
    // Without an undo stack, findings cannot be waived from the list.
    explicit IssuesPanel(Document *document, QWidget *parent = nullptr, QUndoStack *undoStack = nullptr);
    QTableView *view() const { return mView; }
    IssuesModel *model() const { return mModel; }
    QLineEdit *textFilter() const { return mText; }
    QComboBox *severityFilter() const { return mSeverity; }
    QCheckBox *waivedFilter() const { return mShowWaived; }
    // Rows shown through the filters.
    int shownCount() const;
    // The finding shown at a row of the view (after the filters).
    QStringList subjectsAt(int shownRow) const;

signals:
    void subjectsActivated(const QStringList &ids);

private:
    void activate(const QModelIndex &index);
    void showContextMenu(const QPoint &pos);

    QComboBox *mSeverity;
    QLineEdit *mText;
    QCheckBox *mShowWaived;
    QTableView *mView;
    IssuesModel *mModel;
    IssuesFilter *mFilter;
    Document *mDocument;
    QUndoStack *mUndoStack;
};

} // namespace td
