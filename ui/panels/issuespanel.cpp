#include "panels/issuespanel.h"

#include "panels/cachedcelldelegate.h"
#include "panels/issuesmodel.h"
#include "panels/waiveractions.h"
#include "rules/finding.h"
#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace td {

IssuesPanel::IssuesPanel(Document *document, QWidget *parent, QUndoStack *undoStack)
    : QWidget(parent), mModel(new IssuesModel(document, this)), mFilter(new IssuesFilter(this)), mDocument(document),
      mUndoStack(undoStack)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *filters = new QHBoxLayout;
    mSeverity = new QComboBox(this);
    mSeverity->addItem(tr("All severities"), -1);
    mSeverity->addItem(Theme::icon(QStringLiteral("severity-error")), tr("Errors"), int(Severity::Error));
    mSeverity->addItem(Theme::icon(QStringLiteral("severity-warning")), tr("Warnings"), int(Severity::Warning));
    mSeverity->addItem(Theme::icon(QStringLiteral("severity-info")), tr("Info"), int(Severity::Info));
    mText = new QLineEdit(this);
    mText->setObjectName(QStringLiteral("issuesFilter"));
    mText->setPlaceholderText(tr("Filter by text, rule or id"));
    mText->setClearButtonEnabled(true);
    filters->addWidget(mSeverity);
    filters->addWidget(mText, 1);
    mShowWaived = new QCheckBox(tr("Show waived"), this);
    mShowWaived->setObjectName(QStringLiteral("showWaived"));
    mShowWaived->setToolTip(tr("Show the findings accepted with a waiver (greyed, with their reason)"));
    mShowWaived->setChecked(true);
    filters->addWidget(mShowWaived);
    layout->addLayout(filters);
    mFilter->setSourceModel(mModel);
    // A table, not a tree: a tree lays out every row again (thousands at L)
    // after each edit that adds or removes findings; a table's rows are one
    // fixed height and need no layout.
    mView = new QTableView(this);
    mView->setModel(mFilter);
    mView->setItemDelegate(new CachedCellDelegate(mView)); // every edit repaints the list
    mView->setShowGrid(false);
    mView->setWordWrap(false);
    mView->setTabKeyNavigation(false);
    mView->setCornerButtonEnabled(false);
    mView->verticalHeader()->hide();
    mView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    mView->verticalHeader()->setMinimumSectionSize(1);
    mView->verticalHeader()->setDefaultSectionSize(
        std::max(fontMetrics().height(), style()->pixelMetric(QStyle::PM_SmallIconSize)) + 4);
    mView->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    mView->horizontalHeader()->setHighlightSections(false);
    mView->setAlternatingRowColors(true);
    mView->setSelectionBehavior(QAbstractItemView::SelectRows);
    mView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mView->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Fixed widths: measuring the contents of every row would cost a pass
    // over thousands of findings on each change.
    mView->horizontalHeader()->setSectionResizeMode(IssuesModel::SeverityColumn, QHeaderView::Interactive);
    mView->horizontalHeader()->setSectionResizeMode(IssuesModel::RuleColumn, QHeaderView::Interactive);
    mView->horizontalHeader()->resizeSection(IssuesModel::SeverityColumn,
                                             fontMetrics().horizontalAdvance(QStringLiteral("warning")) + 48);
    mView->horizontalHeader()->resizeSection(
        IssuesModel::RuleColumn, fontMetrics().horizontalAdvance(QStringLiteral("redundancy-same-circuit")) + 24);
    mView->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(mView);

    connect(mSeverity, &QComboBox::currentIndexChanged, this,
            [this] { mFilter->setSeverity(mSeverity->currentData().toInt()); });
    connect(mText, &QLineEdit::textChanged, mFilter, &IssuesFilter::setText);
    connect(mView, &QTableView::clicked, this, &IssuesPanel::activate);
    connect(mView, &QTableView::activated, this, &IssuesPanel::activate);
    connect(mShowWaived, &QCheckBox::toggled, mFilter, &IssuesFilter::setShowWaived);
    mView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(mView, &QTableView::customContextMenuRequested, this, &IssuesPanel::showContextMenu);
}

void IssuesPanel::activate(const QModelIndex &index)
{
    if (index.isValid())
        emit subjectsActivated(index.data(IssuesModel::SubjectsRole).toStringList());
}

void IssuesPanel::showContextMenu(const QPoint &pos)
{
    // The selected findings when the click is on one of them, else the one clicked.
    const QModelIndex clicked = mView->indexAt(pos);
    if (!clicked.isValid())
        return;
    QModelIndexList rows = mView->selectionModel()->selectedRows();
    if (!mView->selectionModel()->isRowSelected(clicked.row(), clicked.parent())) {
        mView->setCurrentIndex(clicked);
        rows = {clicked.siblingAtColumn(0)};
    }
    QVector<Finding> findings;
    for (const QModelIndex &row : std::as_const(rows))
        findings.append(mModel->finding(mFilter->mapToSource(row).row()));
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("issuesMenu"));
    const WaiverActions actions(mDocument, mUndoStack); // outlives the menu's actions
    if (actions.addTo(&menu, findings, this) == 0)
        return;
    menu.exec(mView->viewport()->mapToGlobal(pos));
}

int IssuesPanel::shownCount() const
{
    return mFilter->rowCount();
}

QStringList IssuesPanel::subjectsAt(int shownRow) const
{
    return mFilter->index(shownRow, 0).data(IssuesModel::SubjectsRole).toStringList();
}

} // namespace td
