#pragma once

#include "rules/finding.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <functional>

namespace td {

class Document;
struct FindingsDelta;

// The document's findings as a table (severity, rule, message), in the
// stable order of Document::findings(). It follows Document::findingsChanged
// by changing, removing and inserting only the rows of the delta, one
// signal per run of neighbouring rows; a reset rebuilds it.
// Tooltips (the rule's explanation and source, the subjects by name) are
// made when asked for. A waived finding is grey, with its reason after the
// message.
class IssuesModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SeverityColumn, RuleColumn, MessageColumn, ColumnCount };
    enum Role { SubjectsRole = Qt::UserRole + 1, SeverityRole, WaivedRole };

    explicit IssuesModel(Document *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // What messages and tooltips show goes through mask (hide names);
    // an empty function shows them as they are.
    void setTextMask(std::function<QString(const QString &)> mask);

    const Finding &finding(int row) const { return mRows.at(row); }
    const QVector<Finding> &findings() const { return mRows; }

private:
    void reset();
    void apply(const FindingsDelta &delta);
    QString toolTip(const Finding &finding) const;

    Document *mDocument;
    QVector<Finding> mRows;
    std::function<QString(const QString &)> mMask;
};

// The severity and text filters of the issues list: a row shows when its
// severity matches (or any) and the text is found, case-insensitively, in
// its rule, message, waiver reason or one of its subject ids; waived
// findings show or not as a whole.
class IssuesFilter final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit IssuesFilter(QObject *parent = nullptr);
    // -1: every severity.
    void setSeverity(int severity);
    void setText(const QString &text);
    // Whether waived findings show (they do by default, greyed).
    void setShowWaived(bool show);
    bool showWaived() const { return mShowWaived; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int mSeverity = -1;
    QString mText;
    bool mShowWaived = true;
};

} // namespace td
