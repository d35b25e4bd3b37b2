#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace td {

class Document;

// Issues dock content: every finding with severity icon, rule and message;
// filter by severity and text; clicking one selects its subjects on the
// canvas; hovering shows the rule's explanation and source.
class IssuesPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit IssuesPanel(Document *document, QWidget *parent = nullptr);
    QTreeWidget *list() const { return mList; }
    int shownCount() const;

public slots:
    void refresh();

signals:
    void subjectsActivated(const QStringList &ids);

private:
    void applyFilter();
    QString subjectNames(const QStringList &ids) const;

    Document *mDocument;
    QComboBox *mSeverity;
    QLineEdit *mText;
    QTreeWidget *mList;
};

} // namespace td
