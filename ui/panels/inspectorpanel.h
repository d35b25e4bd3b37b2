#pragma once

#include "model/topology.h"

#include <QFont>
#include <QWidget>

#include <functional>
#include <utility>

class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStandardItemModel;
class QUndoCommand;
class QUndoStack;
class QScrollArea;

namespace td {

class Document;
struct Change;

// Inspector dock content: every field of the selected object (FORMAT.md),
// with input checks; each change is one undo step (consecutive changes of
// one field merge). With nothing selected it shows the layout itself: name,
// platform and clusters. A guest's form is updated in place when the shown
// guest changes or another guest is shown (no rebuild of its 500-host list);
// Ctrl+Z in a field undoes the field's own typing while it is not committed,
// else the document.
class InspectorPanel final : public QWidget
{
    Q_OBJECT

public:
    InspectorPanel(Document *document, QUndoStack *undoStack, QWidget *parent = nullptr);
    ~InspectorPanel() override;

    // Shows the object with this id (empty: the layout).
    void showObject(const QString &id);
    // Hide names (presentation): shows every object's name and id as
    // shown(id, name) gives it (its generic label), and the name fields are
    // read-only while it is set: a label is not a name to edit. An empty
    // function shows and edits the real names again.
    void setNameMask(std::function<QString(const QString &id, const QString &name)> shown);
    bool hidesNames() const { return bool(mShowName); }
    const QString &shownId() const { return mId; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();
    // Shows the document's current state: fields updated in place when the
    // form has the same rows for the object now shown, else rebuilt.
    void refresh();
    // What decides the rows of a guest's form (empty: not a guest's form).
    QString guestStructure() const;
    const Guest *shownGuest() const;
    // Hosts as the guest form's host list shows them: one model for every
    // such list, made again only after hosts changed.
    QStandardItemModel *hostModel();
    static bool hasUncommittedText(QObject *field);
    bool shows(const Change &change) const;
    void buildHeader();
    int drsWidth();
    void buildCircuit(const Circuit &c);
    void buildRack(const Rack &r);
    void buildHost(const Host &h);
    void buildGuest(const Guest &g);
    // Edits the object with this id as it is when the user acts (never a copy
    // from when the panel was built): mutate changes it, then commit().
    template <typename T>
    void edit(const QString &id, const QString &field, const QString &text, const std::function<void(T &)> &mutate);
    void editHeader(const QString &text, const std::function<void(Header &)> &mutate);
    void commit(const Object &after, const QString &field, const QString &text);
    void push(QUndoCommand *command);
    void showRefusal(const QString &message);
    // A name field; with the object's id, it shows the label and is
    // read-only while names are hidden.
    QLineEdit *
    nameEdit(const QString &value, std::function<void(const QString &)> apply, const QString &id = QString());
    // A name or an id as it is shown (its label while names are hidden).
    QString shown(const QString &id, const QString &name) const { return mShowName ? mShowName(id, name) : name; }
    // An id as it is shown: ids are often names too, so hidden with them.
    QString shownId(const QString &id) const { return mShowName ? tr("(hidden)") : id; }
    QSpinBox *spin(int value, int min, int max, const QString &suffix, std::function<void(int)> apply);
    void addRow(const QString &label, QWidget *field);
    void addSection(const QString &title);

    Document *mDocument;
    QUndoStack *mUndoStack;
    QString mId;
    QWidget *mForm = nullptr;
    QFormLayout *mLayout = nullptr;
    // The layout's form, kept (hidden, without a parent: no one finds its
    // fields) while an object's form is shown: going back to it (nothing
    // selected, as after a delete) takes it again unless the header or a
    // cluster changed since it was built (a new one costs a frame at L).
    QWidget *mLayoutForm = nullptr;
    bool mLayoutFormStale = true;
    // The last guest's form, put aside in the same way when another kind of
    // form is shown, with its refreshers and guestStructure(): the next
    // guest with the same rows takes it (no new form of 500 hosts' list).
    QWidget *mGuestForm = nullptr;
    QVector<std::function<void()>> mGuestRefreshers;
    QString mGuestStructure;
    QScrollArea *mScroll;
    QLabel *mTitle;
    QLabel *mMessage;
    bool mApplying = false;
    QString mStructure;                         // guestStructure() of the form built
    QVector<std::function<void()>> mRefreshers; // set the form's fields from the document
    QStandardItemModel *mHostModel = nullptr;
    bool mHostModelStale = true;
    // The width of a cluster's DRS list for a font: measured once.
    std::pair<QFont, int> mDrsWidth;
    std::function<QString(const QString &, const QString &)> mShowName; // set while names are hidden
};

} // namespace td
