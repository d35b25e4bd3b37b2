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
#include <QTreeView>
#include <QVBoxLayout>

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
    mView = new QTreeView(this);
    mView->setModel(mFilter);
    mView->setItemDelegate(new CachedCellDelegate(mView)); // every edit repaints the list
    mView->setRootIsDecorated(false);
    mView->setUniformRowHeights(true);
    mView->setAlternatingRowColors(true);
    mView->setSelectionBehavior(QAbstractItemView::SelectRows);
    mView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Fixed widths: measuring the contents of every row would cost a pass
    // over thousands of findings on each change.
    mView->header()->setSectionResizeMode(IssuesModel::SeverityColumn, QHeaderView::Interactive);
    mView->header()->setSectionResizeMode(IssuesModel::RuleColumn, QHeaderView::Interactive);
    mView->header()->resizeSection(IssuesModel::SeverityColumn,
                                   fontMetrics().horizontalAdvance(QStringLiteral("warning")) + 48);
    mView->header()->resizeSection(IssuesModel::RuleColumn,
                                   fontMetrics().horizontalAdvance(QStringLiteral("redundancy-same-circuit")) + 24);
    mView->header()->setStretchLastSection(true);
    layout->addWidget(mView);

    connect(mSeverity, &QComboBox::currentIndexChanged, this,
            [this] { mFilter->setSeverity(mSeverity->currentData().toInt()); });
    connect(mText, &QLineEdit::textChanged, mFilter, &IssuesFilter::setText);
    connect(mView, &QTreeView::clicked, this, &IssuesPanel::activate);
    connect(mView, &QTreeView::activated, this, &IssuesPanel::activate);
    connect(mShowWaived, &QCheckBox::toggled, mFilter, &IssuesFilter::setShowWaived);
    mView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(mView, &QTreeView::customContextMenuRequested, this, &IssuesPanel::showContextMenu);
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
