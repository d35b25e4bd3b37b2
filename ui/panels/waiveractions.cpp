#include "panels/waiveractions.h"

#include "changebuilder.h"
#include "commands/changecommand.h"
#include "document.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace td {

namespace {

// A menu entry's name for a finding: its rule and the start of its message.
QString shortName(const Finding &f)
{
    const QString message = f.message.size() > 60 ? f.message.left(57) + QStringLiteral("...") : f.message;
    return QStringLiteral("%1: %2").arg(f.rule, message);
}

} // namespace

WaiveDialog::WaiveDialog(const Finding &finding, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("waiveDialog"));
    setWindowTitle(tr("Waive Finding"));
    auto *layout = new QVBoxLayout(this);
    auto *what = new QLabel(QStringLiteral("<b>%1</b> (%2)<br>%3")
                                .arg(finding.rule.toHtmlEscaped(), severityName(finding.severity),
                                     finding.message.toHtmlEscaped()),
                            this);
    what->setWordWrap(true);
    layout->addWidget(what);
    auto *hint = new QLabel(tr("Why is this finding accepted? The reason is saved in the layout and shown "
                               "wherever the finding is reported (a change ticket, a date, who decided)."),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    mReason = new QLineEdit(this);
    mReason->setObjectName(QStringLiteral("waiverReason"));
    mReason->setPlaceholderText(tr("Reason (required)"));
    mReason->setMaxLength(256);
    layout->addWidget(mReason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    mOk = buttons->button(QDialogButtonBox::Ok);
    mOk->setText(tr("Waive"));
    mOk->setEnabled(false);
    layout->addWidget(buttons);
    connect(mReason, &QLineEdit::textChanged, this,
            [this](const QString &text) { mOk->setEnabled(!text.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!reason().isEmpty())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(480, sizeHint().height());
}

QString WaiveDialog::reason() const
{
    return mReason->text().trimmed();
}

bool WaiverActions::isUnusedWaiver(const Finding &finding)
{
    return finding.rule == QLatin1String("waiver-unused");
}

int WaiverActions::addTo(QMenu *menu, const QVector<Finding> &findings, QWidget *dialogParent) const
{
    if (!mUndoStack)
        return 0;
    int added = 0;
    const bool many = findings.size() > 1;
    for (const Finding &f : findings) {
        QAction *action = nullptr;
        if (isUnusedWaiver(f)) {
            action = menu->addAction(many ? QObject::tr("Remove Unused Waiver (%1)").arg(f.subjects.join(u", "))
                                          : QObject::tr("Remove Unused Waiver"));
            QObject::connect(action, &QAction::triggered, menu, [this, f] { removeUnused(f); });
        } else if (f.isWaived()) {
            action = menu->addAction(many ? QObject::tr("Unwaive %1").arg(shortName(f)) : QObject::tr("Unwaive"));
            QObject::connect(action, &QAction::triggered, menu, [this, f] { unwaive(f); });
        } else {
            action = menu->addAction(many ? QObject::tr("Waive %1...").arg(shortName(f)) : QObject::tr("Waive..."));
            QObject::connect(action, &QAction::triggered, menu, [this, f, dialogParent] { waive(f, dialogParent); });
        }
        action->setObjectName(isUnusedWaiver(f) ? QStringLiteral("removeUnusedWaiver")
                              : f.isWaived()    ? QStringLiteral("unwaive")
                                                : QStringLiteral("waive"));
        ++added;
    }
    return added;
}

bool WaiverActions::push(const QString &text, Change &&change) const
{
    if (change.isEmpty())
        return false;
    if (!text.isEmpty())
        change.text = text;
    const int before = mUndoStack->count();
    mUndoStack->push(new WaiverCommand(mDocument, std::move(change)));
    return mUndoStack->count() > before;
}

bool WaiverActions::waive(const Finding &finding, QWidget *dialogParent) const
{
    WaiveDialog dialog(finding, dialogParent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const ChangeBuilder build(mDocument->topology(), mDocument->index());
    return push(QObject::tr("Waive %1").arg(finding.rule),
                build.addWaiver(finding.rule, finding.subjects, dialog.reason()));
}

bool WaiverActions::unwaive(const Finding &finding) const
{
    const ChangeBuilder build(mDocument->topology(), mDocument->index());
    return push(QObject::tr("Unwaive %1").arg(finding.rule), build.unwaive(finding.rule, finding.subjects));
}

bool WaiverActions::removeUnused(const Finding &unused) const
{
    const ChangeBuilder build(mDocument->topology(), mDocument->index());
    return push(QString(), build.removeUnusedWaiver(unused, mDocument->findings()));
}

} // namespace td
