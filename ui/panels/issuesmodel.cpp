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
    if (delta.isEmpty())
        return;
    // The rows are kept in the stable order, so each removed finding has one
    // place, found by binary search (equal findings sit together).
    const qsizetype n = mRows.size();
    QVector<bool> gone(n, false);
    for (const Finding &f : delta.removed) {
        qsizetype i = std::lower_bound(mRows.cbegin(), mRows.cend(), f, findingLess) - mRows.cbegin();
        while (i < n && !findingLess(f, mRows.at(i)) && (gone.at(i) || mRows.at(i) != f))
            ++i;
        if (i >= n || gone.at(i) || mRows.at(i) != f) {
            reset(); // not ours: never show a stale list
            return;
        }
        gone[i] = true;
    }
    QVector<Finding> added = delta.added;
    sortFindings(added);
    // The edit as holes between kept rows: at old row i, the removed rows
    // [i, j) give way to the added findings [a, b) (a finding goes before
    // the first kept row it sorts before, as Validator merges them). Each
    // hole is one replacement (dataChanged) of as many rows as both have,
    // and one removal or insertion of the rest: a changed message (a host
    // with one more similar guest) stays the same row, and the proxy and the
    // view see one signal per run instead of one per row.
    struct Hole
    {
        qsizetype i, j, a, b;
    };
    QVector<Hole> holes;
    const qsizetype m = added.size();
    qsizetype i = 0;
    qsizetype a = 0;
    while (i < n || a < m) {
        while (i < n && !gone.at(i) && !(a < m && findingLess(added.at(a), mRows.at(i))))
            ++i;
        if (i >= n && a >= m)
            break;
        qsizetype j = i;
        while (j < n && gone.at(j))
            ++j;
        qsizetype b = a;
        while (b < m && (j >= n || findingLess(added.at(b), mRows.at(j))))
            ++b;
        holes.append({i, j, a, b});
        i = j;
        a = b;
    }
    // From the last hole back: the rows before a hole keep their numbers.
    for (auto h = holes.crbegin(); h != holes.crend(); ++h) {
        const int row = static_cast<int>(h->i);
        const qsizetype removing = h->j - h->i;
        const qsizetype inserting = h->b - h->a;
        const qsizetype replaced = std::min(removing, inserting);
        if (replaced > 0) {
            std::copy(added.cbegin() + h->a, added.cbegin() + h->a + replaced, mRows.begin() + row);
            emit dataChanged(index(row, 0), index(row + static_cast<int>(replaced) - 1, ColumnCount - 1));
        }
        const int rest = row + static_cast<int>(replaced);
        if (removing > replaced) {
            beginRemoveRows(QModelIndex(), rest, row + static_cast<int>(removing) - 1);
            mRows.remove(rest, removing - replaced);
            endRemoveRows();
        } else if (inserting > replaced) {
            beginInsertRows(QModelIndex(), rest, row + static_cast<int>(inserting) - 1);
            mRows.insert(rest, inserting - replaced, Finding());
            std::copy(added.cbegin() + h->a + replaced, added.cbegin() + h->b, mRows.begin() + rest);
            endInsertRows();
        }
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
