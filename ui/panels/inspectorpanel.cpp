#include "panels/inspectorpanel.h"

#include "catalog/catalog.h"
#include "changebuilder.h"
#include "commands/changecommand.h"
#include "document.h"
#include "invariants.h"
#include "io/names.h"
#include "nameallocator.h"
#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPalette>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace td {

namespace {
// A list sized once to its longest text (the cluster's DRS level).
constexpr char kKeepsWidth[] = "tdKeepsWidth";

// A cluster's DRS levels, in DrsLevel's order.
QStringList drsLevelNames()
{
    return {InspectorPanel::tr("DRS off"), InspectorPanel::tr("Manual"), InspectorPanel::tr("Partially automated"),
            InspectorPanel::tr("Fully automated")};
}
} // namespace

InspectorPanel::InspectorPanel(Document *document, QUndoStack *undoStack, QWidget *parent)
    : QWidget(parent), mDocument(document), mUndoStack(undoStack)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    mTitle = new QLabel(this);
    QFont f = mTitle->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.1);
    mTitle->setFont(f);
    layout->addWidget(mTitle);
    mMessage = new QLabel(this);
    mMessage->setObjectName(QStringLiteral("inspectorMessage"));
    mMessage->setWordWrap(true);
    mMessage->setStyleSheet(QStringLiteral("QLabel { color: #d32f2f; }"));
    mMessage->hide();
    mScroll = new QScrollArea(this);
    mScroll->setWidgetResizable(true);
    mScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    mScroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(mScroll);
    // Below the fields, so that showing it never moves the field under the mouse.
    layout->addWidget(mMessage);
    connect(document, &Document::changed, this, [this](const Change &change) {
        mLayoutFormStale = mLayoutFormStale || change.headerAfter.has_value();
        for (const ObjectEdit &e : change.edits) {
            if (e.kind() == ObjectKind::Host)
                mHostModelStale = true;
            else if (e.kind() == ObjectKind::Cluster)
                mLayoutFormStale = true;
        }
        if (!mApplying && shows(change))
            refresh();
    });
    connect(document, &Document::resetDone, this, [this] {
        mHostModelStale = true;
        mLayoutFormStale = true;
        showObject(QString());
    });
    rebuild();
}

InspectorPanel::~InspectorPanel()
{
    if (mLayoutForm != mForm)
        delete mLayoutForm; // put aside: not the scroll area's
    delete mGuestForm;
}

bool InspectorPanel::hasUncommittedText(QObject *field)
{
    auto *box = qobject_cast<QSpinBox *>(field);
    if (!box && field)
        box = qobject_cast<QSpinBox *>(field->parent()); // the spin box's own line edit
    if (box) {
        // Typed but not yet entered (keyboard tracking is off): the text is
        // not the value's.
        QLocale locale = box->locale();
        locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
        return box->cleanText() != locale.toString(box->value());
    }
    if (auto *line = qobject_cast<QLineEdit *>(field))
        return line->isModified();
    return false;
}

bool InspectorPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // A field takes Undo/Redo for its own typing; once that is
        // committed (or there is none), they are the document's.
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool undoRedo = key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)
                           || (key->key() == Qt::Key_Y && key->modifiers() == Qt::ControlModifier);
        if (undoRedo && !hasUncommittedText(watched)) {
            event->ignore(); // not overridden: the window's shortcut runs
            return true;
        }
    }
    if (event->type() == QEvent::Wheel) {
        auto *widget = qobject_cast<QWidget *>(watched);
        if (widget && !widget->hasFocus()) {
            event->ignore();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

bool InspectorPanel::shows(const Change &change) const
{
    // Rebuilding the form costs a frame at L: only when the change can show
    // in it. The layout form shows the header and the clusters; an object's
    // form the object and the names of others (hosts, racks, groups, ...).
    if (change.headerAfter)
        return true;
    for (const ObjectEdit &e : change.edits) {
        const ObjectKind kind = e.kind();
        if (mId.isEmpty() ? kind == ObjectKind::Cluster : (kind != ObjectKind::Guest || e.id() == mId))
            return true;
    }
    return false;
}

void InspectorPanel::showObject(const QString &id)
{
    if (id != mId)
        mMessage->hide(); // a refusal is about the object it was shown with
    mId = id;
    refresh();
}

const Guest *InspectorPanel::shownGuest() const
{
    const TopologyIndex::Ref *ref = mId.isEmpty() ? nullptr : mDocument->index().find(mId);
    if (!ref || ref->kind != ObjectKind::Guest)
        return nullptr;
    return &mDocument->topology().guests.at(ref->pos);
}

QString InspectorPanel::guestStructure() const
{
    const Guest *g = shownGuest();
    if (!g)
        return {};
    // The rows a guest's form has: the FT box's text follows the hypervisor,
    // the catalog note a known product. (The rows of its groups, at the
    // end, follow the guest shown: buildGuest.)
    const Topology &t = mDocument->topology();
    return QStringLiteral("guest|%1|%2")
        .arg(int(t.header.platform.hypervisor))
        .arg(Catalog::builtin().product(g->product) ? 1 : 0);
}

void InspectorPanel::refresh()
{
    if (mForm && !mHostModelStale && !mStructure.isEmpty() && guestStructure() == mStructure) {
        for (const auto &update : std::as_const(mRefreshers))
            update();
        return;
    }
    rebuild();
}

QStandardItemModel *InspectorPanel::hostModel()
{
    if (!mHostModel)
        mHostModel = new QStandardItemModel(this);
    if (mHostModelStale) {
        // A guest form put aside has a list on this model: clearing it
        // would make that list move the guest shown now.
        delete mGuestForm;
        mGuestForm = nullptr;
        const Topology &t = mDocument->topology();
        QList<QStandardItem *> rows;
        rows.reserve(t.hosts.size() + 1);
        auto *none = new QStandardItem(tr("(not placed)"));
        none->setData(QString(), Qt::UserRole);
        rows << none;
        for (const Host &h : t.hosts) {
            auto *item = new QStandardItem(shown(h.id.str(), h.name));
            item->setData(h.id.str(), Qt::UserRole);
            rows << item;
        }
        mHostModel->clear();
        mHostModel->appendColumn(rows);
        mHostModelStale = false;
    }
    return mHostModel;
}

void InspectorPanel::addRow(const QString &label, QWidget *field)
{
    mLayout->addRow(label, field);
}

void InspectorPanel::addSection(const QString &title)
{
    auto *l = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), mForm);
    l->setContentsMargins(0, 8, 0, 0);
    mLayout->addRow(l);
}

template <typename T>
void InspectorPanel::edit(const QString &id,
                          const QString &field,
                          const QString &text,
                          const std::function<void(T &)> &mutate)
{
    // Read the object as it is now: earlier edits of other fields (and undo,
    // redo, drags) must never be reverted by a field that was built before them.
    const Topology &t = mDocument->topology();
    const TopologyIndex::Ref *ref = mDocument->index().find(id);
    if (!ref || ref->kind != kindOf(Object(T())))
        return;
    T after = listOf<T>(t).at(ref->pos);
    mutate(after);
    commit(after, field, text);
}

void InspectorPanel::editHeader(const QString &text, const std::function<void(Header &)> &mutate)
{
    Header after = mDocument->topology().header;
    const Hypervisor before = after.platform.hypervisor;
    mutate(after);
    const Change change = ChangeBuilder(mDocument->topology(), mDocument->index()).setHeader(after, text);
    if (change.isEmpty())
        return;
    push(new EditObjectCommand(mDocument, change, QStringLiteral("header:") + text));
    // Fields that depend on the hypervisor (versions, edition, FT) change.
    if (after.platform.hypervisor != before)
        QTimer::singleShot(0, this, &InspectorPanel::rebuild);
}

void InspectorPanel::commit(const Object &after, const QString &field, const QString &text)
{
    const Change change = ChangeBuilder(mDocument->topology(), mDocument->index()).replace(after, text);
    if (change.isEmpty())
        return;
    push(new EditObjectCommand(mDocument, change, idOf(after) + QLatin1Char(':') + field));
}

void InspectorPanel::push(QUndoCommand *command)
{
    // The document refuses what would break an invariant: say why and show
    // the values as they are (the field the user typed into included).
    QString why;
    QMetaObject::Connection refusal = connect(mDocument, &Document::refused, this,
                                              [&why](const QString &message) { why = message; });
    mApplying = true;
    mUndoStack->push(command);
    mApplying = false;
    disconnect(refusal);
    if (!why.isEmpty()) {
        showRefusal(why);
        QTimer::singleShot(0, this, &InspectorPanel::rebuild);
    } else {
        mMessage->hide();
    }
}

void InspectorPanel::showRefusal(const QString &message)
{
    mMessage->setText(message);
    mMessage->show();
}

void InspectorPanel::setNameMask(std::function<QString(const QString &, const QString &)> shown)
{
    mShowName = std::move(shown);
    delete mGuestForm; // its name fields were made for the other mask
    mGuestForm = nullptr;
    mHostModelStale = true;
    mLayoutFormStale = true;
    rebuild();
}

QLineEdit *InspectorPanel::nameEdit(const QString &value, std::function<void(const QString &)> apply, const QString &id)
{
    if (mShowName && !id.isEmpty()) {
        auto *label = new QLineEdit(shown(id, value), mForm);
        label->setReadOnly(true);
        // Looks like a label, not a field to type in.
        QPalette flat = label->palette();
        flat.setColor(QPalette::Base, flat.color(QPalette::Window));
        label->setPalette(flat);
        label->setToolTip(tr("Names are hidden (View > Hide Names, Ctrl+Shift+H): show them to rename."));
        return label;
    }
    auto *edit = new QLineEdit(value, mForm);
    connect(edit, &QLineEdit::editingFinished, edit, [this, edit, apply] {
        const QString text = edit->text().trimmed();
        if (text.isEmpty()) {
            edit->setToolTip(tr("A name cannot be empty."));
            edit->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #d32f2f; }"));
            showRefusal(tr("A name cannot be empty."));
            QTimer::singleShot(0, this, &InspectorPanel::rebuild);
            return;
        }
        edit->setStyleSheet(QString());
        apply(text);              // nothing happens when the name is what it was
        edit->setModified(false); // committed: Ctrl+Z is the document's now
    });
    return edit;
}

QSpinBox *InspectorPanel::spin(int value, int min, int max, const QString &suffix, std::function<void(int)> apply)
{
    auto *box = new QSpinBox(mForm);
    // The wheel changes a value only once the box has focus (no accidental
    // edits while scrolling the inspector).
    box->setFocusPolicy(Qt::StrongFocus);
    box->installEventFilter(this);
    box->setRange(min, max);
    box->setValue(value);
    box->setSuffix(suffix);
    box->setKeyboardTracking(false);
    connect(box, &QSpinBox::valueChanged, box, [apply](int v) { apply(v); });
    return box;
}

void InspectorPanel::rebuild()
{
    const TopologyIndex::Ref *target = mId.isEmpty() ? nullptr : mDocument->index().find(mId);
    const bool layoutForm = !target; // nothing selected (or it is gone)
    // The current form goes; the layout's is put aside for later.
    if (mForm && mForm == mLayoutForm && !(layoutForm && mLayoutFormStale)) {
        if (layoutForm) {
            // Still current: nothing to build.
            mId.clear();
            mTitle->setText(tr("Layout"));
            return;
        }
        mScroll->takeWidget(); // hidden, and no one's child
    } else if (mForm && !mStructure.isEmpty() && (!target || target->kind != ObjectKind::Guest)) {
        // A guest's form, left for another kind of form: put aside (as the
        // layout's) for the next guest with the same rows (after a delete,
        // a paste), with its refreshers.
        mScroll->takeWidget();
        delete mGuestForm;
        mGuestForm = mForm;
        mGuestRefreshers = std::move(mRefreshers);
        mGuestStructure = mStructure;
    } else {
        if (mForm == mLayoutForm)
            mLayoutForm = nullptr;
        delete mForm;
    }
    mForm = nullptr;
    mRefreshers.clear();
    if (target && target->kind == ObjectKind::Guest && mGuestForm && !mHostModelStale
        && guestStructure() == mGuestStructure) {
        mForm = std::exchange(mGuestForm, nullptr);
        mRefreshers = std::move(mGuestRefreshers);
        mGuestRefreshers.clear();
        mStructure = mGuestStructure;
        mLayout = mForm->findChild<QFormLayout *>();
        for (QLineEdit *line : mForm->findChildren<QLineEdit *>()) {
            if (!line->styleSheet().isEmpty()) { // marked by a refused name: plain, as in a new form
                line->setStyleSheet(QString());
                line->setToolTip(QString());
            }
        }
        for (const auto &update : std::as_const(mRefreshers))
            update();
        mScroll->setWidget(mForm);
        return;
    }
    if (layoutForm && mLayoutForm && !mLayoutFormStale) {
        mId.clear();
        mTitle->setText(tr("Layout"));
        mStructure.clear();
        mForm = mLayoutForm;
        mLayout = mForm->findChild<QFormLayout *>();
        mScroll->setWidget(mForm);
        return;
    }
    if (layoutForm) {
        delete mLayoutForm;
        mLayoutForm = nullptr;
    }
    mForm = new QWidget;
    auto *outer = new QVBoxLayout(mForm);
    outer->setContentsMargins(0, 0, 0, 0);
    mLayout = new QFormLayout;
    mLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    outer->addLayout(mLayout);
    outer->addStretch(1);
    const TopologyIndex::Ref *ref = mId.isEmpty() ? nullptr : mDocument->index().find(mId);
    if (!ref) {
        mId.clear();
        buildHeader();
    } else {
        const Topology &t = mDocument->topology();
        switch (ref->kind) {
        case ObjectKind::Circuit: buildCircuit(t.circuits.at(ref->pos)); break;
        case ObjectKind::Rack: buildRack(t.racks.at(ref->pos)); break;
        case ObjectKind::Host: buildHost(t.hosts.at(ref->pos)); break;
        case ObjectKind::Guest: buildGuest(t.guests.at(ref->pos)); break;
        default: buildHeader(); break;
        }
    }
    // Let fields shrink with the dock instead of being cut off at its edge.
    // (A few short lists keep their whole text.)
    for (QComboBox *combo : mForm->findChildren<QComboBox *>()) {
        if (combo->sizeAdjustPolicy() == QComboBox::AdjustToContents || combo->property(kKeepsWidth).toBool())
            continue;
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(6);
    }
    // Ctrl+Z in a field: see eventFilter().
    for (QLineEdit *line : mForm->findChildren<QLineEdit *>())
        line->installEventFilter(this);
    for (QSpinBox *box : mForm->findChildren<QSpinBox *>())
        box->installEventFilter(this);
    mStructure = guestStructure();
    if (mId.isEmpty()) {
        mLayoutForm = mForm;
        mLayoutFormStale = false;
    }
    mScroll->setWidget(mForm);
}

int InspectorPanel::drsWidth()
{
    if (mDrsWidth.first != font() || mDrsWidth.second <= 0) {
        QComboBox probe(this);
        probe.addItems(drsLevelNames());
        probe.setSizeAdjustPolicy(QComboBox::AdjustToContents);
        mDrsWidth = {font(), probe.sizeHint().width()};
    }
    return mDrsWidth.second;
}

void InspectorPanel::buildHeader()
{
    const Header h = mDocument->topology().header;
    mTitle->setText(tr("Layout"));
    addRow(tr("Name"), nameEdit(h.name, [this](const QString &v) {
               editHeader(tr("Rename Layout"), [&](Header &x) { x.name = v; });
           }));
    auto *hypervisor = new QComboBox(mForm);
    hypervisor->addItem(tr("VMware vSphere"), int(Hypervisor::VSphere));
    hypervisor->addItem(tr("Microsoft Hyper-V"), int(Hypervisor::HyperV));
    hypervisor->setCurrentIndex(h.platform.hypervisor == Hypervisor::VSphere ? 0 : 1);
    connect(hypervisor, &QComboBox::currentIndexChanged, this, [this](int i) {
        editHeader(tr("Change Hypervisor"), [&](Header &x) {
            x.platform.hypervisor = i == 0 ? Hypervisor::VSphere : Hypervisor::HyperV;
            const PlatformLimits &l = Catalog::builtin().limits();
            x.platform.version = (i == 0 ? l.vsphereVersions : l.hypervVersions).last();
        });
    });
    addRow(tr("Hypervisor"), hypervisor);
    auto *version = new QComboBox(mForm);
    const PlatformLimits &limits = Catalog::builtin().limits();
    version->addItems(h.platform.hypervisor == Hypervisor::VSphere ? limits.vsphereVersions : limits.hypervVersions);
    version->setCurrentText(h.platform.version);
    connect(version, &QComboBox::currentTextChanged, this,
            [this](const QString &v) { editHeader(tr("Change Version"), [&](Header &x) { x.platform.version = v; }); });
    addRow(tr("Version"), version);
    if (h.platform.hypervisor == Hypervisor::VSphere) {
        auto *edition = new QComboBox(mForm);
        edition->addItems({tr("Standard"), tr("Enterprise"), tr("Enterprise Plus")});
        edition->setCurrentIndex(int(h.platform.edition));
        connect(edition, &QComboBox::currentIndexChanged, this, [this](int i) {
            editHeader(tr("Change Edition"), [&](Header &x) { x.platform.edition = static_cast<Edition>(i); });
        });
        addRow(tr("Edition"), edition);
    }
    auto *licensing = new QComboBox(mForm);
    licensing->addItems({tr("Host ID (CPUID + MAC)"), tr("Virtual cloud enforcement")});
    licensing->setCurrentIndex(h.platform.licensing == Licensing::LegacyHostId ? 0 : 1);
    connect(licensing, &QComboBox::currentIndexChanged, this, [this](int i) {
        editHeader(tr("Change Licensing"),
                   [&](Header &x) { x.platform.licensing = i == 0 ? Licensing::LegacyHostId : Licensing::Cloud; });
    });
    addRow(tr("Licensing"), licensing);

    addSection(tr("Clusters"));
    const Topology &t = mDocument->topology();
    for (int i = 0; i < t.clusters.size(); ++i) {
        const Cluster c = t.clusters.at(i);
        auto *row = new QWidget(mForm);
        auto *l = new QHBoxLayout(row);
        l->setContentsMargins(0, 0, 0, 0);
        auto *swatch = new QLabel(row);
        swatch->setFixedSize(12, 12);
        swatch->setStyleSheet(QStringLiteral("background:%1;border-radius:2px").arg(Theme::clusterColor(i).name()));
        l->addWidget(swatch);
        addRow(shown(c.id.str(), c.id.str()), nameEdit(
                                                  c.name,
                                                  [this, id = c.id.str()](const QString &v) {
                                                      edit<Cluster>(id, QStringLiteral("name"), tr("Rename Cluster"),
                                                                    [&](Cluster &x) { x.name = v; });
                                                  },
                                                  c.id.str()));
        if (h.platform.hypervisor == Hypervisor::VSphere) {
            auto *drs = new QComboBox(row);
            drs->setObjectName(QStringLiteral("drs"));
            drs->addItems(drsLevelNames());
            // Never "Partially aut": as wide as its longest text. Measured
            // once: sizing each of a large layout's cluster lists to its
            // contents cost a third of showing the layout's form.
            drs->setMinimumWidth(drsWidth());
            drs->setProperty(kKeepsWidth, true);
            drs->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
            drs->setCurrentIndex(int(c.drs));
            connect(drs, &QComboBox::currentIndexChanged, this, [this, id = c.id.str()](int v) {
                edit<Cluster>(id, QStringLiteral("drs"), tr("Change DRS"),
                              [&](Cluster &x) { x.drs = static_cast<DrsLevel>(v); });
            });
            l->addWidget(drs);
        }
        auto *ha = new QCheckBox(tr("HA"), row);
        ha->setChecked(c.ha);
        connect(ha, &QCheckBox::toggled, this, [this, id = c.id.str()](bool v) {
            edit<Cluster>(id, QStringLiteral("ha"), tr("Change HA"), [&](Cluster &x) { x.ha = v; });
        });
        l->addWidget(ha);
        auto *remove = new QPushButton(Theme::icon(QStringLiteral("delete")), QString(), row);
        remove->setToolTip(tr("Delete this cluster (its hosts stay, in no cluster)"));
        connect(remove, &QPushButton::clicked, this, [this, c] {
            mUndoStack->push(new DeleteObjectsCommand(
                mDocument, ChangeBuilder(mDocument->topology(), mDocument->index())
                               .remove({c.id.str()}, ChangeBuilder::GuestPolicy::Unplace, tr("Delete Cluster"))));
        });
        l->addStretch(1);
        l->addWidget(remove);
        addRow(QString(), row);
    }
    auto *add = new QPushButton(Theme::icon(QStringLiteral("cluster")), tr("Add cluster"), mForm);
    connect(add, &QPushButton::clicked, this, [this] {
        const Topology &top = mDocument->topology();
        NameAllocator names(top, mDocument->index());
        ChangeBuilder build(top, mDocument->index());
        const Cluster c = build.newCluster(names);
        mUndoStack->push(new AddObjectsCommand(mDocument, build.add(c, tr("Add Cluster"))));
    });
    mLayout->addRow(add);
    auto *hint = new QLabel(tr("Select an object on the canvas to edit it."), mForm);
    hint->setWordWrap(true);
    hint->setEnabled(false);
    mLayout->addRow(hint);
}

void InspectorPanel::buildCircuit(const Circuit &c)
{
    mTitle->setText(mShowName ? shown(c.id.str(), c.id.str()) : tr("Circuit %1").arg(c.id.str()));
    addRow(tr("Id"), new QLabel(shownId(c.id.str()), mForm));
    addRow(tr("Name"), nameEdit(
                           c.name,
                           [this, id = c.id.str()](const QString &v) {
                               edit<Circuit>(id, QStringLiteral("name"), tr("Rename Circuit"),
                                             [&](Circuit &x) { x.name = v; });
                           },
                           c.id.str()));
}

namespace {

// A checkable list of circuits; calls apply with the checked ones.
QListWidget *circuitChecks(const Topology &t,
                           const QVector<CircuitId> &checked,
                           QWidget *parent,
                           const std::function<QString(const QString &, const QString &)> &shown,
                           std::function<void(QVector<CircuitId>)> apply)
{
    auto *list = new QListWidget(parent);
    list->setMaximumHeight(90);
    for (const Circuit &c : t.circuits) {
        auto *item = new QListWidgetItem(shown ? shown(c.id.str(), c.name) : c.name, list);
        item->setData(Qt::UserRole, c.id.str());
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(c.id) ? Qt::Checked : Qt::Unchecked);
    }
    QObject::connect(list, &QListWidget::itemChanged, list, [list, apply] {
        QVector<CircuitId> out;
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->checkState() == Qt::Checked)
                out.append(CircuitId(list->item(i)->data(Qt::UserRole).toString()));
        }
        apply(out);
    });
    return list;
}

} // namespace

void InspectorPanel::buildRack(const Rack &r)
{
    mTitle->setText(mShowName ? shown(r.id.str(), r.id.str()) : tr("Rack %1").arg(r.id.str()));
    addRow(tr("Id"), new QLabel(shownId(r.id.str()), mForm));
    addRow(tr("Name"), nameEdit(
                           r.name,
                           [this, id = r.id.str()](const QString &v) {
                               edit<Rack>(id, QStringLiteral("name"), tr("Rename Rack"), [&](Rack &x) { x.name = v; });
                           },
                           r.id.str()));
    int highest = 1;
    for (const Host &h : mDocument->topology().hosts) {
        if (h.rack == r.id)
            highest = std::max(highest, h.unit + h.heightU - 1);
    }
    addRow(tr("Units"), spin(r.units > 0 ? r.units : Limits::kDefaultRackUnits, highest, Limits::kMaxRackUnits,
                             tr(" U"), [this, id = r.id.str()](int v) {
                                 edit<Rack>(id, QStringLiteral("units"), tr("Change Rack Height"),
                                            [&](Rack &x) { x.units = v; });
                             }));
    addRow(tr("Circuits"), circuitChecks(mDocument->topology(), r.circuits, mForm, mShowName,
                                         [this, id = r.id.str()](QVector<CircuitId> v) {
                                             edit<Rack>(id, QStringLiteral("circuits"), tr("Change Rack Feeds"),
                                                        [&](Rack &x) { x.circuits = v; });
                                         }));
}

void InspectorPanel::buildHost(const Host &h)
{
    const Topology &t = mDocument->topology();
    mTitle->setText(mShowName ? shown(h.id.str(), h.id.str()) : tr("Host %1").arg(h.id.str()));
    addRow(tr("Id"), new QLabel(shownId(h.id.str()), mForm));
    addRow(tr("Name"), nameEdit(
                           h.name,
                           [this, id = h.id.str()](const QString &v) {
                               edit<Host>(id, QStringLiteral("name"), tr("Rename Host"), [&](Host &x) { x.name = v; });
                           },
                           h.id.str()));
    auto *cluster = new QComboBox(mForm);
    cluster->addItem(tr("(no cluster)"), QString());
    for (const Cluster &c : t.clusters)
        cluster->addItem(shown(c.id.str(), c.name), c.id.str());
    cluster->setCurrentIndex(std::max(0, cluster->findData(h.cluster.str())));
    connect(cluster, &QComboBox::currentIndexChanged, this, [this, id = h.id.str(), cluster] {
        const ClusterId value(cluster->currentData().toString());
        edit<Host>(id, QStringLiteral("cluster"), tr("Change Host Cluster"), [&](Host &x) { x.cluster = value; });
    });
    addRow(tr("Cluster"), cluster);
    // A racked host grows upwards from its unit: at most to the rack's top.
    int maxHeight = Limits::kMaxHeightU;
    if (const int rackPos = mDocument->index().rack(h.rack); rackPos >= 0 && h.unit > 0) {
        const int units = t.racks.at(rackPos).units > 0 ? t.racks.at(rackPos).units : Limits::kDefaultRackUnits;
        maxHeight = std::max(h.heightU, std::min(maxHeight, units - h.unit + 1));
    }
    addRow(tr("Height"), spin(h.heightU, 1, maxHeight, tr(" U"), [this, id = h.id.str()](int v) {
               const int pos = mDocument->index().host(HostId(id));
               if (pos < 0)
                   return;
               const Host &now = mDocument->topology().hosts.at(pos);
               QString why;
               if (now.unit > 0
                   && !ChangeBuilder(mDocument->topology(), mDocument->index())
                           .unitsFree(now.rack, now.unit, v, {id}, &why)) {
                   showRefusal(tr("%1 cannot be %2U high: %3").arg(now.name).arg(v).arg(why));
                   QTimer::singleShot(0, this, &InspectorPanel::rebuild);
                   return;
               }
               edit<Host>(id, QStringLiteral("height"), tr("Change Host Height"), [&](Host &x) { x.heightU = v; });
           }));
    addRow(tr("CPU model"),
           nameEdit(h.cpuModel.isEmpty() ? QString() : h.cpuModel, [this, id = h.id.str()](const QString &v) {
               edit<Host>(id, QStringLiteral("cpu"), tr("Change CPU Model"), [&](Host &x) { x.cpuModel = v; });
           }));
    addRow(tr("Cores"), spin(h.cores, 0, Limits::kMaxCores, QString(), [this, id = h.id.str()](int v) {
               edit<Host>(id, QStringLiteral("cores"), tr("Change Cores"), [&](Host &x) { x.cores = v; });
           }));
    addRow(tr("Memory"), spin(h.memoryGb, 0, Limits::kMaxHostMemoryGb, tr(" GB"), [this, id = h.id.str()](int v) {
               edit<Host>(id, QStringLiteral("memory"), tr("Change Host Memory"), [&](Host &x) { x.memoryGb = v; });
           }));
    addRow(tr("Power"), circuitChecks(t, h.power, mForm, mShowName, [this, id = h.id.str()](QVector<CircuitId> v) {
               edit<Host>(id, QStringLiteral("power"), tr("Change Host Power"), [&](Host &x) { x.power = v; });
           }));
    addSection(tr("NICs"));
    auto *table = new QTableWidget(static_cast<int>(h.nics.size()), 2 + 7, mForm);
    // Short headers keep the table within the dock; the full traffic name is
    // the header's tooltip.
    table->setHorizontalHeaderItem(0, new QTableWidgetItem(tr("Name")));
    table->setHorizontalHeaderItem(1, new QTableWidgetItem(tr("Gbps")));
    for (int k = 0; k < 7; ++k) {
        static const char *const kShort[] = {QT_TR_NOOP("Mgmt"), QT_TR_NOOP("vMo"), QT_TR_NOOP("LM"), QT_TR_NOOP("VM"),
                                             QT_TR_NOOP("Stor"), QT_TR_NOOP("FT"),  QT_TR_NOOP("Bkp")};
        auto *header = new QTableWidgetItem(tr(kShort[k]));
        header->setToolTip(Names::traffic(kAllTraffic[k]));
        table->setHorizontalHeaderItem(2 + k, header);
    }
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    for (int r = 0; r < h.nics.size(); ++r) {
        const Nic &n = h.nics.at(r);
        table->setItem(r, 0, new QTableWidgetItem(n.name));
        table->setItem(r, 1, new QTableWidgetItem(QString::number(n.gbps)));
        for (int k = 0; k < 7; ++k) {
            auto *item = new QTableWidgetItem;
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(n.carries(kAllTraffic[k]) ? Qt::Checked : Qt::Unchecked);
            table->setItem(r, 2 + k, item);
        }
    }
    // The other hypervisor's migration traffic means nothing here: hide its
    // column unless a NIC carries it (then it stays visible to be cleared).
    const Traffic foreign = t.header.platform.hypervisor == Hypervisor::VSphere ? Traffic::LiveMigration
                                                                                : Traffic::VMotion;
    const bool foreignUsed = std::any_of(h.nics.cbegin(), h.nics.cend(),
                                         [&](const Nic &n) { return n.carries(foreign); });
    for (int k = 0; k < 7; ++k) {
        if (kAllTraffic[k] == foreign && !foreignUsed)
            table->setColumnHidden(2 + k, true);
        if (kAllTraffic[k] == Traffic::FtLogging && t.header.platform.hypervisor == Hypervisor::HyperV
            && std::none_of(h.nics.cbegin(), h.nics.cend(), [](const Nic &n) { return n.carries(Traffic::FtLogging); }))
            table->setColumnHidden(2 + k, true);
    }
    // Every NIC visible at once: no scroll bar inside the inspector's own.
    table->resizeRowsToContents();
    table->setFixedHeight(table->horizontalHeader()->sizeHint().height() + table->verticalHeader()->length()
                          + 2 * table->frameWidth() + table->horizontalScrollBar()->sizeHint().height());
    connect(table, &QTableWidget::itemChanged, this, [this, id = h.id.str()](QTableWidgetItem *changed) {
        const int r = changed->row();
        const int column = changed->column();
        const QString text = changed->text().trimmed();
        const bool checked = changed->checkState() == Qt::Checked;
        if (column == 0 && text.isEmpty()) {
            showRefusal(tr("A NIC needs a name."));
            return;
        }
        bool ok = true;
        const int gbps = column == 1 ? text.toInt(&ok) : 0;
        if (!ok || (column == 1 && (gbps < 1 || gbps > Limits::kMaxNicGbps))) {
            showRefusal(tr("NIC speed is a whole number of Gbps from 1 to %1.").arg(Limits::kMaxNicGbps));
            return;
        }
        edit<Host>(id, QStringLiteral("nic%1:%2").arg(r).arg(column), tr("Change NIC"), [&](Host &x) {
            if (r < 0 || r >= x.nics.size())
                return;
            Nic &n = x.nics[r];
            if (column == 0) {
                n.name = text;
            } else if (column == 1) {
                n.gbps = gbps;
            } else {
                const TrafficSet b = bit(kAllTraffic[column - 2]);
                n.traffic = checked ? (n.traffic | b) : (n.traffic & ~b);
            }
        });
    });
    mLayout->addRow(table);
    auto *nicButtons = new QWidget(mForm);
    auto *nicRow = new QHBoxLayout(nicButtons);
    nicRow->setContentsMargins(0, 0, 0, 0);
    auto *addNic = new QPushButton(Theme::icon(QStringLiteral("nic")), tr("Add NIC"), nicButtons);
    addNic->setObjectName(QStringLiteral("addNic"));
    connect(addNic, &QPushButton::clicked, this, [this, id = h.id.str()] {
        const Change change = ChangeBuilder(mDocument->topology(), mDocument->index()).addNic(HostId(id));
        if (!change.isEmpty())
            mUndoStack->push(new EditObjectCommand(mDocument, change, QString()));
    });
    nicRow->addWidget(addNic);
    if (!h.nics.isEmpty()) {
        auto *removeNic = new QPushButton(Theme::icon(QStringLiteral("delete")), tr("Remove NIC"), nicButtons);
        removeNic->setObjectName(QStringLiteral("removeNic"));
        removeNic->setToolTip(tr("Remove the selected NIC (the last one when none is selected)"));
        connect(removeNic, &QPushButton::clicked, this, [this, id = h.id.str(), table] {
            const int row = table->currentRow();
            edit<Host>(id, QStringLiteral("nics"), tr("Remove NIC"), [&](Host &x) {
                if (!x.nics.isEmpty())
                    x.nics.removeAt(row >= 0 && row < x.nics.size() ? row : x.nics.size() - 1);
            });
        });
        nicRow->addWidget(removeNic);
    }
    nicRow->addStretch(1);
    mLayout->addRow(nicButtons);
}

void InspectorPanel::buildGuest(const Guest &g)
{
    // Every handler edits the guest shown when the user acts (mId), and
    // every field has a refresher: the form is updated in place when the
    // guest changes or another guest with the same rows is shown.
    const Topology &t = mDocument->topology();
    const auto onRefresh = [this](const std::function<void(const Guest &)> &update) {
        mRefreshers << [this, update] {
            if (const Guest *now = shownGuest())
                update(*now);
        };
    };
    onRefresh([this](const Guest &x) {
        mTitle->setText(mShowName ? shown(x.id.str(), x.id.str()) : tr("Guest %1").arg(x.id.str()));
    });
    auto *idLabel = new QLabel(mForm);
    onRefresh([this, idLabel](const Guest &x) { idLabel->setText(shownId(x.id.str())); });
    addRow(tr("Id"), idLabel);
    QLineEdit *name = nameEdit(
        g.name,
        [this](const QString &v) {
            edit<Guest>(mId, QStringLiteral("name"), tr("Rename Guest"), [&](Guest &x) { x.name = v; });
        },
        g.id.str());
    onRefresh([this, name](const Guest &x) {
        const QString text = shown(x.id.str(), x.name);
        if (name->text() != text)
            name->setText(text);
    });
    addRow(tr("Name"), name);
    auto *product = new QComboBox(mForm);
    for (const Product &p : Catalog::builtin().products())
        product->addItem(Theme::icon(p.id), p.name, p.id);
    onRefresh([product](const Guest &x) {
        const QSignalBlocker quiet(product);
        product->setCurrentIndex(std::max(0, product->findData(x.product)));
    });
    connect(product, &QComboBox::currentIndexChanged, this, [this, product] {
        const QString value = product->currentData().toString();
        edit<Guest>(mId, QStringLiteral("product"), tr("Change Product"), [&](Guest &x) { x.product = value; });
    });
    addRow(tr("Product"), product);
    auto *host = new QComboBox(mForm);
    host->setModel(hostModel());
    onRefresh([host](const Guest &x) {
        const QSignalBlocker quiet(host);
        host->setCurrentIndex(std::max(0, host->findData(x.host.str())));
    });
    connect(host, &QComboBox::currentIndexChanged, this, [this, host] {
        const HostId value(host->currentData().toString());
        edit<Guest>(mId, QStringLiteral("host"), tr("Move Guest"), [&](Guest &x) { x.host = value; });
    });
    addRow(tr("Host"), host);
    QSpinBox *vcpu = spin(g.vcpu, 1, Limits::kMaxGuestVcpu, QString(), [this](int v) {
        edit<Guest>(mId, QStringLiteral("vcpu"), tr("Change vCPU"), [&](Guest &x) { x.vcpu = v; });
    });
    onRefresh([vcpu](const Guest &x) {
        const QSignalBlocker quiet(vcpu);
        vcpu->setValue(x.vcpu);
    });
    addRow(tr("vCPU"), vcpu);
    QSpinBox *memory = spin(g.memoryGb, 1, Limits::kMaxGuestMemoryGb, tr(" GB"), [this](int v) {
        edit<Guest>(mId, QStringLiteral("memory"), tr("Change Guest Memory"), [&](Guest &x) { x.memoryGb = v; });
    });
    onRefresh([memory](const Guest &x) {
        const QSignalBlocker quiet(memory);
        memory->setValue(x.memoryGb);
    });
    addRow(tr("Memory"), memory);
    const bool vsphere = t.header.platform.hypervisor == Hypervisor::VSphere;
    auto *ft = new QCheckBox(vsphere ? tr("Fault Tolerance") : tr("Fault Tolerance (vSphere only)"), mForm);
    onRefresh([ft, vsphere](const Guest &x) {
        const QSignalBlocker quiet(ft);
        ft->setEnabled(x.ft || vsphere);
        ft->setChecked(x.ft);
    });
    connect(ft, &QCheckBox::toggled, this, [this](bool v) {
        edit<Guest>(mId, QStringLiteral("ft"), v ? tr("Enable FT") : tr("Disable FT"), [&](Guest &x) { x.ft = v; });
    });
    addRow(tr("FT"), ft);
    auto *mac = new QComboBox(mForm);
    mac->addItems({tr("Dynamic"), tr("Static")});
    onRefresh([mac](const Guest &x) {
        const QSignalBlocker quiet(mac);
        mac->setCurrentIndex(x.mac == MacMode::Static ? 1 : 0);
    });
    connect(mac, &QComboBox::currentIndexChanged, this, [this](int i) {
        edit<Guest>(mId, QStringLiteral("mac"), tr("Change MAC"),
                    [&](Guest &x) { x.mac = i == 1 ? MacMode::Static : MacMode::Dynamic; });
    });
    addRow(tr("MAC address"), mac);
    if (Catalog::builtin().product(g.product)) {
        auto *note = new QLabel(mForm);
        onRefresh([note](const Guest &x) {
            const Product *p = Catalog::builtin().product(x.product);
            if (!p)
                return;
            note->setText(tr("Catalog starting point: %1 vCPU, %2 GB. Not vendor sizing: size from the vendor's "
                             "Virtualization Technical Reference.")
                              .arg(p->vcpu)
                              .arg(p->memoryGb));
        });
        note->setWordWrap(true);
        note->setEnabled(false);
        mLayout->addRow(note);
    }
    // The guest's groups, last: a section and a row pair per group, made
    // again when the guest shown has another number of groups (the form is
    // kept for other guests); each row finds its group by its place among
    // the guest's groups when it shows or edits it.
    struct GroupRows
    {
        int count = -1;
        QVector<QWidget *> widgets; // one per row, for QFormLayout::removeRow
        QVector<std::function<void(const Guest &)>> refreshers;
    };
    auto rows = std::make_shared<GroupRows>();
    onRefresh([this, rows](const Guest &x) {
        const TopologyIndex &index = mDocument->index();
        const auto groups = index.groupsOfGuest(index.guest(x.id));
        const auto groupAt = [this](const Guest &of, int k) {
            const auto list = mDocument->index().groupsOfGuest(mDocument->index().guest(of.id));
            return k < list.size() ? mDocument->topology().groups.at(list.at(k)).id.str() : QString();
        };
        if (groups.size() != rows->count) {
            for (QWidget *w : std::as_const(rows->widgets))
                mLayout->removeRow(w);
            rows->widgets.clear();
            rows->refreshers.clear();
            rows->count = static_cast<int>(groups.size());
            if (!groups.isEmpty()) {
                addSection(tr("Groups"));
                rows->widgets << mLayout->itemAt(mLayout->rowCount() - 1, QFormLayout::SpanningRole)->widget();
            }
            for (int k = 0; k < groups.size(); ++k) {
                auto *roleLabel = new QLabel(mForm);
                roleLabel->setWordWrap(true);
                QLineEdit *groupName = nameEdit(
                    QString(),
                    [this, groupAt, k](const QString &v) {
                        const Guest *now = shownGuest();
                        const QString id = now ? groupAt(*now, k) : QString();
                        if (!id.isEmpty())
                            edit<Group>(id, QStringLiteral("name"), tr("Rename Group"),
                                        [&](Group &group) { group.name = v; });
                    },
                    mDocument->topology().groups.at(groups.at(k)).id.str());
                groupName->installEventFilter(this); // Ctrl+Z: see eventFilter()
                rows->refreshers << [this, groupAt, k, roleLabel, groupName](const Guest &of) {
                    const QString id = groupAt(of, k);
                    const int at = mDocument->index().group(GroupId(id));
                    if (at < 0)
                        return;
                    const Group &grp = mDocument->topology().groups.at(at);
                    const QString role = grp.kind == GroupKind::Switchover
                                           ? (grp.members.first() == of.id ? tr("primary") : tr("backup"))
                                           : tr("pool member");
                    roleLabel->setText(
                        tr("%1, %2 of %3").arg(Names::groupKind(grp.kind), role).arg(grp.members.size()));
                    const QString text = shown(id, grp.name);
                    if (groupName->text() != text)
                        groupName->setText(text);
                };
                addRow(tr("Group"), groupName);
                addRow(QString(), roleLabel);
                rows->widgets << groupName << roleLabel;
            }
        }
        for (const auto &update : std::as_const(rows->refreshers))
            update(x);
    });
    for (const auto &update : std::as_const(mRefreshers))
        update();
}

} // namespace td
