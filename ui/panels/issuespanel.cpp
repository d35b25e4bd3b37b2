#include "panels/issuespanel.h"

#include "document.h"
#include "rules/rule.h"
#include "theme.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace td {

namespace {
constexpr int kSubjectsRole = Qt::UserRole + 1;
constexpr int kSeverityRole = Qt::UserRole + 2;
} // namespace

IssuesPanel::IssuesPanel(Document *document, QWidget *parent) : QWidget(parent), mDocument(document)
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
    mText->setPlaceholderText(tr("Filter by text, rule or id"));
    mText->setClearButtonEnabled(true);
    filters->addWidget(mSeverity);
    filters->addWidget(mText, 1);
    layout->addLayout(filters);
    mList = new QTreeWidget(this);
    mList->setColumnCount(3);
    mList->setHeaderLabels({tr("Severity"), tr("Rule"), tr("Message")});
    mList->setRootIsDecorated(false);
    mList->setUniformRowHeights(true);
    mList->setAlternatingRowColors(true);
    mList->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    mList->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    mList->header()->setStretchLastSection(true);
    layout->addWidget(mList);

    connect(mSeverity, &QComboBox::currentIndexChanged, this, &IssuesPanel::applyFilter);
    connect(mText, &QLineEdit::textChanged, this, &IssuesPanel::applyFilter);
    connect(mList, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        emit subjectsActivated(item->data(0, kSubjectsRole).toStringList());
    });
    connect(mList, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        emit subjectsActivated(item->data(0, kSubjectsRole).toStringList());
    });
    connect(document, &Document::findingsChanged, this, &IssuesPanel::refresh);
    connect(document, &Document::resetDone, this, &IssuesPanel::refresh);
    refresh();
}

QString IssuesPanel::subjectNames(const QStringList &ids) const
{
    // Names as people know them.
    QStringList names;
    for (const QString &id : ids) {
        const QString name = mDocument->index().nameOf(mDocument->topology(), id);
        names << (name.isEmpty() ? id : name);
    }
    return names.join(QStringLiteral(", "));
}

void IssuesPanel::refresh()
{
    mList->setUpdatesEnabled(false);
    mList->clear();
    QList<QTreeWidgetItem *> items;
    const auto &findings = mDocument->findings();
    items.reserve(findings.size());
    for (const Finding &f : findings) {
        auto *item = new QTreeWidgetItem({severityName(f.severity), f.rule, f.message});
        item->setIcon(0, Theme::icon(QStringLiteral("severity-") + severityName(f.severity)));
        item->setData(0, kSubjectsRole, f.subjects);
        item->setData(0, kSeverityRole, int(f.severity));
        if (const Rule *rule = findRule(f.rule)) {
            const QString tip = QStringLiteral("<b>%1</b><p>%2</p><p><i>%3</i></p><p>%4</p>")
                                    .arg(rule->title().toHtmlEscaped(), rule->explanation().toHtmlEscaped(),
                                         tr("Source: %1").arg(rule->source()).toHtmlEscaped(),
                                         tr("Concerns: %1").arg(subjectNames(f.subjects)).toHtmlEscaped());
            for (int c = 0; c < 3; ++c)
                item->setToolTip(c, tip);
        }
        items.append(item);
    }
    mList->addTopLevelItems(items);
    applyFilter();
    mList->setUpdatesEnabled(true);
}

void IssuesPanel::applyFilter()
{
    const int severity = mSeverity->currentData().toInt();
    const QString text = mText->text();
    for (int i = 0; i < mList->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = mList->topLevelItem(i);
        bool show = severity < 0 || item->data(0, kSeverityRole).toInt() == severity;
        if (show && !text.isEmpty())
            show = item->text(1).contains(text, Qt::CaseInsensitive) || item->text(2).contains(text, Qt::CaseInsensitive)
                || item->data(0, kSubjectsRole).toStringList().contains(text, Qt::CaseInsensitive);
        item->setHidden(!show);
    }
}

int IssuesPanel::shownCount() const
{
    int n = 0;
    for (int i = 0; i < mList->topLevelItemCount(); ++i)
        n += mList->topLevelItem(i)->isHidden() ? 0 : 1;
    return n;
}

} // namespace td
