#include "panels/inspectorpanel.h"

#include "catalog/catalog.h"
#include "changebuilder.h"
#include "commands/changecommand.h"
#include "document.h"
#include "io/names.h"
#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QHeaderView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace td {

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
    mScroll = new QScrollArea(this);
    mScroll->setWidgetResizable(true);
    mScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    mScroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(mScroll);
    connect(document, &Document::changed, this, [this](const Change &change) {
        if (!mApplying && shows(change))
            rebuild();
    });
    connect(document, &Document::resetDone, this, [this] { showObject(QString()); });
    rebuild();
}

bool InspectorPanel::eventFilter(QObject *watched, QEvent *event)
{
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
    mId = id;
    rebuild();
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

void InspectorPanel::commit(const Object &after, const QString &field, const QString &text)
{
    const Change change = ChangeBuilder(mDocument->topology(), mDocument->index()).replace(after, text);
    if (change.isEmpty())
        return;
    mApplying = true;
    mUndoStack->push(new EditObjectCommand(mDocument, change, idOf(after) + QLatin1Char(':') + field));
    mApplying = false;
}

void InspectorPanel::commitHeader(const Header &after, const QString &text)
{
    const Change change = ChangeBuilder(mDocument->topology(), mDocument->index()).setHeader(after, text);
    if (change.isEmpty())
        return;
    mApplying = true;
    mUndoStack->push(new EditObjectCommand(mDocument, change, QString()));
    mApplying = false;
}

QWidget *InspectorPanel::nameEdit(const QString &value, std::function<void(const QString &)> apply)
{
    auto *edit = new QLineEdit(value, mForm);
    connect(edit, &QLineEdit::editingFinished, edit, [this, edit, value, apply] {
        const QString text = edit->text().trimmed();
        if (text.isEmpty()) {
            edit->setText(value);
            edit->setToolTip(tr("A name cannot be empty."));
            edit->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #d32f2f; }"));
            return;
        }
        edit->setStyleSheet(QString());
        if (text != value)
            apply(text);
    });
    return edit;
}

QWidget *InspectorPanel::spin(int value, int min, int max, const QString &suffix, std::function<void(int)> apply)
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
    delete mForm;
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
    for (QComboBox *combo : mForm->findChildren<QComboBox *>()) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(6);
    }
    mScroll->setWidget(mForm);
}

void InspectorPanel::buildHeader()
{
    const Header h = mDocument->topology().header;
    mTitle->setText(tr("Layout"));
    addRow(tr("Name"), nameEdit(h.name, [this, h](const QString &v) {
               Header after = h;
               after.name = v;
               commitHeader(after, tr("Rename Layout"));
           }));
    auto *hypervisor = new QComboBox(mForm);
    hypervisor->addItem(tr("VMware vSphere"), int(Hypervisor::VSphere));
    hypervisor->addItem(tr("Microsoft Hyper-V"), int(Hypervisor::HyperV));
    hypervisor->setCurrentIndex(h.platform.hypervisor == Hypervisor::VSphere ? 0 : 1);
    connect(hypervisor, &QComboBox::currentIndexChanged, this, [this, h](int i) {
        Header after = h;
        after.platform.hypervisor = i == 0 ? Hypervisor::VSphere : Hypervisor::HyperV;
        const PlatformLimits &l = Catalog::builtin().limits();
        after.platform.version = (i == 0 ? l.vsphereVersions : l.hypervVersions).last();
        commitHeader(after, tr("Change Hypervisor"));
    });
    addRow(tr("Hypervisor"), hypervisor);
    auto *version = new QComboBox(mForm);
    const PlatformLimits &limits = Catalog::builtin().limits();
    version->addItems(h.platform.hypervisor == Hypervisor::VSphere ? limits.vsphereVersions : limits.hypervVersions);
    version->setCurrentText(h.platform.version);
    connect(version, &QComboBox::currentTextChanged, this, [this, h](const QString &v) {
        Header after = h;
        after.platform.version = v;
        commitHeader(after, tr("Change Version"));
    });
    addRow(tr("Version"), version);
    if (h.platform.hypervisor == Hypervisor::VSphere) {
        auto *edition = new QComboBox(mForm);
        edition->addItems({tr("Standard"), tr("Enterprise"), tr("Enterprise Plus")});
        edition->setCurrentIndex(int(h.platform.edition));
        connect(edition, &QComboBox::currentIndexChanged, this, [this, h](int i) {
            Header after = h;
            after.platform.edition = static_cast<Edition>(i);
            commitHeader(after, tr("Change Edition"));
        });
        addRow(tr("Edition"), edition);
    }
    auto *licensing = new QComboBox(mForm);
    licensing->addItems({tr("Host ID (CPUID + MAC)"), tr("Virtual cloud enforcement")});
    licensing->setCurrentIndex(h.platform.licensing == Licensing::LegacyHostId ? 0 : 1);
    connect(licensing, &QComboBox::currentIndexChanged, this, [this, h](int i) {
        Header after = h;
        after.platform.licensing = i == 0 ? Licensing::LegacyHostId : Licensing::Cloud;
        commitHeader(after, tr("Change Licensing"));
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
        addRow(c.id.str(), nameEdit(c.name, [this, c](const QString &v) {
            Cluster after = c;
            after.name = v;
            commit(after, QStringLiteral("name"), tr("Rename Cluster"));
        }));
        if (h.platform.hypervisor == Hypervisor::VSphere) {
            auto *drs = new QComboBox(row);
            drs->addItems({tr("DRS off"), tr("Manual"), tr("Partially automated"), tr("Fully automated")});
            drs->setCurrentIndex(int(c.drs));
            connect(drs, &QComboBox::currentIndexChanged, this, [this, c](int v) {
                Cluster after = c;
                after.drs = static_cast<DrsLevel>(v);
                commit(after, QStringLiteral("drs"), tr("Change DRS"));
            });
            l->addWidget(drs);
        }
        auto *ha = new QCheckBox(tr("HA"), row);
        ha->setChecked(c.ha);
        connect(ha, &QCheckBox::toggled, this, [this, c](bool v) {
            Cluster after = c;
            after.ha = v;
            commit(after, QStringLiteral("ha"), tr("Change HA"));
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
        Cluster c;
        int n = static_cast<int>(top.clusters.size()) + 1;
        while (mDocument->index().find(QStringLiteral("cluster-%1").arg(n)))
            ++n;
        c.id = ClusterId(QStringLiteral("cluster-%1").arg(n));
        c.name = QStringLiteral("CLUSTER-%1").arg(n, 2, 10, QLatin1Char('0'));
        mUndoStack->push(new AddObjectsCommand(
            mDocument, ChangeBuilder(top, mDocument->index()).add(c, tr("Add Cluster"))));
    });
    mLayout->addRow(add);
    auto *hint = new QLabel(tr("Select an object on the canvas to edit it."), mForm);
    hint->setWordWrap(true);
    hint->setEnabled(false);
    mLayout->addRow(hint);
}

void InspectorPanel::buildCircuit(const Circuit &c)
{
    mTitle->setText(tr("Circuit %1").arg(c.id.str()));
    addRow(tr("Id"), new QLabel(c.id.str(), mForm));
    addRow(tr("Name"), nameEdit(c.name, [this, c](const QString &v) {
               Circuit after = c;
               after.name = v;
               commit(after, QStringLiteral("name"), tr("Rename Circuit"));
           }));
}

namespace {

// A checkable list of circuits; calls apply with the checked ones.
QListWidget *circuitChecks(const Topology &t, const QVector<CircuitId> &checked, QWidget *parent,
                           std::function<void(QVector<CircuitId>)> apply)
{
    auto *list = new QListWidget(parent);
    list->setMaximumHeight(90);
    for (const Circuit &c : t.circuits) {
        auto *item = new QListWidgetItem(c.name, list);
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
    mTitle->setText(tr("Rack %1").arg(r.id.str()));
    addRow(tr("Id"), new QLabel(r.id.str(), mForm));
    addRow(tr("Name"), nameEdit(r.name, [this, r](const QString &v) {
               Rack after = r;
               after.name = v;
               commit(after, QStringLiteral("name"), tr("Rename Rack"));
           }));
    int highest = 1;
    for (const Host &h : mDocument->topology().hosts) {
        if (h.rack == r.id)
            highest = std::max(highest, h.unit + h.heightU - 1);
    }
    addRow(tr("Units"), spin(r.units > 0 ? r.units : 42, highest, 100, tr(" U"), [this, r](int v) {
               Rack after = r;
               after.units = v;
               commit(after, QStringLiteral("units"), tr("Change Rack Height"));
           }));
    addRow(tr("Circuits"), circuitChecks(mDocument->topology(), r.circuits, mForm, [this, r](QVector<CircuitId> v) {
               Rack after = r;
               after.circuits = v;
               commit(after, QStringLiteral("circuits"), tr("Change Rack Feeds"));
           }));
}

void InspectorPanel::buildHost(const Host &h)
{
    const Topology &t = mDocument->topology();
    mTitle->setText(tr("Host %1").arg(h.id.str()));
    addRow(tr("Id"), new QLabel(h.id.str(), mForm));
    addRow(tr("Name"), nameEdit(h.name, [this, h](const QString &v) {
               Host after = h;
               after.name = v;
               commit(after, QStringLiteral("name"), tr("Rename Host"));
           }));
    auto *cluster = new QComboBox(mForm);
    cluster->addItem(tr("(no cluster)"), QString());
    for (const Cluster &c : t.clusters)
        cluster->addItem(c.name, c.id.str());
    cluster->setCurrentIndex(std::max(0, cluster->findData(h.cluster.str())));
    connect(cluster, &QComboBox::currentIndexChanged, this, [this, h, cluster] {
        Host after = h;
        after.cluster = ClusterId(cluster->currentData().toString());
        commit(after, QStringLiteral("cluster"), tr("Change Host Cluster"));
    });
    addRow(tr("Cluster"), cluster);
    addRow(tr("Height"), spin(h.heightU, 1, 20, tr(" U"), [this, h](int v) {
               Host after = h;
               after.heightU = v;
               commit(after, QStringLiteral("height"), tr("Change Host Height"));
           }));
    addRow(tr("CPU model"), nameEdit(h.cpuModel.isEmpty() ? QString() : h.cpuModel, [this, h](const QString &v) {
               Host after = h;
               after.cpuModel = v;
               commit(after, QStringLiteral("cpu"), tr("Change CPU Model"));
           }));
    addRow(tr("Cores"), spin(h.cores, 0, 4096, QString(), [this, h](int v) {
               Host after = h;
               after.cores = v;
               commit(after, QStringLiteral("cores"), tr("Change Cores"));
           }));
    addRow(tr("Memory"), spin(h.memoryGb, 0, 1048576, tr(" GB"), [this, h](int v) {
               Host after = h;
               after.memoryGb = v;
               commit(after, QStringLiteral("memory"), tr("Change Host Memory"));
           }));
    addRow(tr("Power"), circuitChecks(t, h.power, mForm, [this, h](QVector<CircuitId> v) {
               Host after = h;
               after.power = v;
               commit(after, QStringLiteral("power"), tr("Change Host Power"));
           }));
    addSection(tr("NICs"));
    auto *table = new QTableWidget(static_cast<int>(h.nics.size()), 2 + 7, mForm);
    QStringList headers{tr("Name"), tr("Gbps")};
    for (Traffic tt : kAllTraffic)
        headers << Names::traffic(tt);
    table->setHorizontalHeaderLabels(headers);
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
    const bool foreignUsed = std::any_of(h.nics.cbegin(), h.nics.cend(), [&](const Nic &n) { return n.carries(foreign); });
    for (int k = 0; k < 7; ++k) {
        if (kAllTraffic[k] == foreign && !foreignUsed)
            table->setColumnHidden(2 + k, true);
        if (kAllTraffic[k] == Traffic::FtLogging && t.header.platform.hypervisor == Hypervisor::HyperV
            && std::none_of(h.nics.cbegin(), h.nics.cend(), [](const Nic &n) { return n.carries(Traffic::FtLogging); }))
            table->setColumnHidden(2 + k, true);
    }
    table->setMinimumHeight(60 + 24 * static_cast<int>(h.nics.size()));
    connect(table, &QTableWidget::itemChanged, this, [this, h, table](QTableWidgetItem *changed) {
        Host after = h;
        const int r = changed->row();
        if (r < 0 || r >= after.nics.size())
            return;
        Nic &n = after.nics[r];
        if (changed->column() == 0) {
            const QString name = changed->text().trimmed();
            if (name.isEmpty())
                return;
            n.name = name;
        } else if (changed->column() == 1) {
            bool ok = false;
            const int g = changed->text().toInt(&ok);
            if (!ok || g < 0 || g > 100000)
                return;
            n.gbps = g;
        } else {
            const TrafficSet b = bit(kAllTraffic[changed->column() - 2]);
            n.traffic = changed->checkState() == Qt::Checked ? (n.traffic | b) : (n.traffic & ~b);
        }
        commit(after, QStringLiteral("nic%1:%2").arg(r).arg(changed->column()), tr("Change NIC"));
        Q_UNUSED(table);
    });
    mLayout->addRow(table);
    if (!h.nics.isEmpty()) {
        auto *removeNic = new QPushButton(Theme::icon(QStringLiteral("delete")), tr("Remove last NIC"), mForm);
        connect(removeNic, &QPushButton::clicked, this, [this, h] {
            Host after = h;
            after.nics.removeLast();
            commit(after, QStringLiteral("nics"), tr("Remove NIC"));
        });
        mLayout->addRow(removeNic);
    }
}

void InspectorPanel::buildGuest(const Guest &g)
{
    const Topology &t = mDocument->topology();
    mTitle->setText(tr("Guest %1").arg(g.id.str()));
    addRow(tr("Id"), new QLabel(g.id.str(), mForm));
    addRow(tr("Name"), nameEdit(g.name, [this, g](const QString &v) {
               Guest after = g;
               after.name = v;
               commit(after, QStringLiteral("name"), tr("Rename Guest"));
           }));
    auto *product = new QComboBox(mForm);
    for (const Product &p : Catalog::builtin().products())
        product->addItem(Theme::icon(p.id), p.name, p.id);
    product->setCurrentIndex(std::max(0, product->findData(g.product)));
    connect(product, &QComboBox::currentIndexChanged, this, [this, g, product] {
        Guest after = g;
        after.product = product->currentData().toString();
        commit(after, QStringLiteral("product"), tr("Change Product"));
    });
    addRow(tr("Product"), product);
    auto *host = new QComboBox(mForm);
    host->addItem(tr("(not placed)"), QString());
    for (const Host &h : t.hosts)
        host->addItem(h.name, h.id.str());
    host->setCurrentIndex(std::max(0, host->findData(g.host.str())));
    connect(host, &QComboBox::currentIndexChanged, this, [this, g, host] {
        Guest after = g;
        after.host = HostId(host->currentData().toString());
        commit(after, QStringLiteral("host"), tr("Move Guest"));
    });
    addRow(tr("Host"), host);
    addRow(tr("vCPU"), spin(g.vcpu, 1, 768, QString(), [this, g](int v) {
               Guest after = g;
               after.vcpu = v;
               commit(after, QStringLiteral("vcpu"), tr("Change vCPU"));
           }));
    addRow(tr("Memory"), spin(g.memoryGb, 1, 24576, tr(" GB"), [this, g](int v) {
               Guest after = g;
               after.memoryGb = v;
               commit(after, QStringLiteral("memory"), tr("Change Guest Memory"));
           }));
    auto *ft = new QCheckBox(t.header.platform.hypervisor == Hypervisor::VSphere ? tr("Fault Tolerance")
                                                                             : tr("Fault Tolerance (vSphere only)"),
                             mForm);
    ft->setEnabled(g.ft || t.header.platform.hypervisor == Hypervisor::VSphere);
    ft->setChecked(g.ft);
    connect(ft, &QCheckBox::toggled, this, [this, g](bool v) {
        Guest after = g;
        after.ft = v;
        commit(after, QStringLiteral("ft"), v ? tr("Enable FT") : tr("Disable FT"));
    });
    addRow(tr("FT"), ft);
    auto *mac = new QComboBox(mForm);
    mac->addItems({tr("Dynamic"), tr("Static")});
    mac->setCurrentIndex(g.mac == MacMode::Static ? 1 : 0);
    connect(mac, &QComboBox::currentIndexChanged, this, [this, g](int i) {
        Guest after = g;
        after.mac = i == 1 ? MacMode::Static : MacMode::Dynamic;
        commit(after, QStringLiteral("mac"), tr("Change MAC"));
    });
    addRow(tr("MAC address"), mac);
    const Product *p = Catalog::builtin().product(g.product);
    if (p) {
        auto *note = new QLabel(tr("Catalog starting point: %1 vCPU, %2 GB. Not vendor sizing: size from the vendor's "
                                   "Virtualization Technical Reference.")
                                    .arg(p->vcpu)
                                    .arg(p->memoryGb),
                                mForm);
        note->setWordWrap(true);
        note->setEnabled(false);
        mLayout->addRow(note);
    }
    const int pos = mDocument->index().guest(g.id);
    if (pos >= 0 && !mDocument->index().groupsOfGuest(pos).isEmpty()) {
        addSection(tr("Groups"));
        for (int gp : mDocument->index().groupsOfGuest(pos)) {
            const Group &grp = t.groups.at(gp);
            QString role = grp.kind == GroupKind::Switchover
                               ? (grp.members.first() == g.id ? tr("primary") : tr("backup"))
                               : tr("pool member");
            addRow(grp.name, new QLabel(tr("%1, %2 of %3").arg(Names::groupKind(grp.kind), role).arg(grp.members.size()),
                                        mForm));
        }
    }
}

} // namespace td
