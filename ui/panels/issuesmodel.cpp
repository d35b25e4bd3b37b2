#include "panels/issuesmodel.h"

#include "document.h"
#include "rules/rule.h"
#include "theme.h"

#include <QBrush>
#include <QPalette>

#include <algorithm>

namespace td {

namespace {
constexpr qsizetype kMaxRowEdits = 64;
} // namespace

IssuesModel::IssuesModel(Document *document, QObject *parent) : QAbstractTableModel(parent), mDocument(document)
{
    connect(document, &Document::findingsChanged, this, &IssuesModel::apply);
    connect(document, &Document::resetDone, this, &IssuesModel::reset);
    mRows = mDocument->findings();
}

int IssuesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(mRows.size());
}

int IssuesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IssuesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= mRows.size())
        return {};
    const Finding &f = mRows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn: return severityName(f.severity);
        case RuleColumn: return f.rule;
        case MessageColumn: {
            const QString text = f.waived ? tr("%1  [waived: %2]").arg(f.message, *f.waived) : f.message;
            return mMask ? mMask(text) : text;
        }
        default: return {};
        }
    case Qt::ForegroundRole:
        if (f.waived)
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn)
            return Theme::icon(QStringLiteral("severity-") + severityName(f.severity));
        return {};
    case Qt::ToolTipRole: return mMask ? mMask(toolTip(f)) : toolTip(f);
    case SubjectsRole: return f.subjects;
    case SeverityRole: return int(f.severity);
    case WaivedRole: return f.waived ? QVariant(*f.waived) : QVariant();
    default: return {};
    }
}

QVariant IssuesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn: return tr("Severity");
    case RuleColumn: return tr("Rule");
    case MessageColumn: return tr("Message");
    default: return {};
    }
}

void IssuesModel::setTextMask(std::function<QString(const QString &)> mask)
{
    mMask = std::move(mask);
    if (!mRows.isEmpty())
        emit dataChanged(index(0, 0), index(static_cast<int>(mRows.size()) - 1, ColumnCount - 1));
}

QString IssuesModel::toolTip(const Finding &f) const
{
    const Rule *rule = findRule(f.rule);
    if (!rule)
        return {};
    // Names as people know them.
    QStringList names;
    for (const QString &id : f.subjects) {
        const QString name = mDocument->index().nameOf(mDocument->topology(), id);
        names << (name.isEmpty() ? id : name);
    }
    QString tip = QStringLiteral("<b>%1</b><p>%2</p><p><i>%3</i></p><p>%4</p>")
                      .arg(rule->title().toHtmlEscaped(), rule->explanation().toHtmlEscaped(),
                           tr("Source: %1").arg(rule->source()).toHtmlEscaped(),
                           tr("Concerns: %1").arg(names.join(QStringLiteral(", "))).toHtmlEscaped());
    if (f.waived)
        tip += QStringLiteral("<p>%1</p>")
                   .arg(tr("Waived: %1 (it counts toward no severity; right-click to unwaive)")
                            .arg(*f.waived)
                            .toHtmlEscaped());
    return tip;
}

void IssuesModel::reset()
{
    beginResetModel();
    mRows = mDocument->findings();
    endResetModel();
}

void IssuesModel::apply(const FindingsDelta &delta)
{
    // A big delta (deleting or pasting many objects) is cheaper as one
    // reset than as hundreds of row moves through the filter and the view.
    if (delta.reset || delta.removed.size() + delta.added.size() > kMaxRowEdits) {
        reset();
        return;
    }
    // The rows are kept in the stable order, so each finding of the delta
    // has one place, found by binary search.
    for (const Finding &f : delta.removed) {
        auto it = std::lower_bound(mRows.begin(), mRows.end(), f, findingLess);
        while (it != mRows.end() && !findingLess(f, *it) && *it != f)
            ++it;
        if (it == mRows.end() || *it != f) {
            reset(); // not ours: never show a stale list
            return;
        }
        const int row = static_cast<int>(it - mRows.begin());
        beginRemoveRows(QModelIndex(), row, row);
        mRows.removeAt(row);
        endRemoveRows();
    }
    for (const Finding &f : delta.added) {
        const auto it = std::upper_bound(mRows.begin(), mRows.end(), f, findingLess);
        const int row = static_cast<int>(it - mRows.begin());
        beginInsertRows(QModelIndex(), row, row);
        mRows.insert(row, f);
        endInsertRows();
    }
}

IssuesFilter::IssuesFilter(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void IssuesFilter::setSeverity(int severity)
{
    if (severity == mSeverity)
        return;
    mSeverity = severity;
    invalidateFilter();
}

void IssuesFilter::setText(const QString &text)
{
    if (text == mText)
        return;
    mText = text;
    invalidateFilter();
}

void IssuesFilter::setShowWaived(bool show)
{
    if (show == mShowWaived)
        return;
    mShowWaived = show;
    invalidateFilter();
}

bool IssuesFilter::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *issues = static_cast<const IssuesModel *>(sourceModel());
    const Finding &f = issues->finding(sourceRow);
    if (mSeverity >= 0 && int(f.severity) != mSeverity)
        return false;
    if (!mShowWaived && f.waived)
        return false;
    if (mText.isEmpty())
        return true;
    return f.rule.contains(mText, Qt::CaseInsensitive) || f.message.contains(mText, Qt::CaseInsensitive)
        || f.subjects.contains(mText, Qt::CaseInsensitive)
        || (f.waived && f.waived->contains(mText, Qt::CaseInsensitive));
}

} // namespace td
