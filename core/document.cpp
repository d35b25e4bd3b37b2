#include "document.h"

namespace td {

namespace {

template <typename T>
QVector<T> &listOf(Topology &t);
template <>
QVector<Circuit> &listOf<Circuit>(Topology &t) { return t.circuits; }
template <>
QVector<Rack> &listOf<Rack>(Topology &t) { return t.racks; }
template <>
QVector<Cluster> &listOf<Cluster>(Topology &t) { return t.clusters; }
template <>
QVector<Host> &listOf<Host>(Topology &t) { return t.hosts; }
template <>
QVector<Guest> &listOf<Guest>(Topology &t) { return t.guests; }
template <>
QVector<Group> &listOf<Group>(Topology &t) { return t.groups; }

Touched touchedBy(const Change &change)
{
    Touched touched;
    touched.header = change.headerAfter.has_value();
    for (const ObjectEdit &e : change.edits)
        touched.objects.append({e.kind(), e.id()});
    return touched;
}

} // namespace

Document::Document(QObject *parent) : QObject(parent)
{
    reset(Topology());
}

Document::Document(Topology topology, QObject *parent) : QObject(parent)
{
    reset(std::move(topology));
}

void Document::reset(Topology topology)
{
    emit aboutToReset();
    mTopology = std::move(topology);
    mIndex.rebuild(mTopology);
    mValidator.run(mTopology, mIndex);
    emit resetDone();
}

FindingsDelta Document::apply(const Change &change)
{
    const FindingsDelta delta = applyQuietly(change);
    emit changed(change);
    if (!delta.isEmpty())
        emit findingsChanged(delta);
    return delta;
}

QVector<Finding> Document::preview(const Change &change)
{
    const QVector<Finding> before = change.headerAfter ? findings() : QVector<Finding>();
    const FindingsDelta delta = applyQuietly(change);
    QVector<Finding> added = delta.added;
    if (delta.reset) {
        // A header change re-ran everything: compare whole lists.
        added.clear();
        for (const Finding &f : findings()) {
            if (!before.contains(f))
                added.append(f);
        }
    }
    applyQuietly(change.inverted());
    return added;
}

FindingsDelta Document::applyQuietly(const Change &change)
{
    const Touched touched = touchedBy(change);
    DirtySet dirty;
    mValidator.addImpact(mTopology, mIndex, touched, dirty);
    bool rebuild = false;
    for (const ObjectEdit &e : change.edits)
        applyEdit(e, rebuild);
    for (const LayoutEdit &e : change.layout)
        applyLayout(e);
    if (change.headerAfter)
        mTopology.header = *change.headerAfter;
    if (rebuild)
        mIndex.rebuild(mTopology);
    mValidator.addImpact(mTopology, mIndex, touched, dirty);
    return mValidator.update(mTopology, mIndex, dirty);
}

void Document::applyEdit(const ObjectEdit &edit, bool &rebuild)
{
    const ObjectKind kind = edit.kind();
    const QString id = edit.id();
    // After an add or remove, positions shift: look ids up by scanning until
    // the index is rebuilt at the end of the change.
    auto position = [&](auto &list) -> int {
        if (!rebuild)
            return mIndex.indexOf(kind, id);
        for (int i = 0; i < list.size(); ++i) {
            if (list.at(i).id.str() == id)
                return i;
        }
        return -1;
    };
    std::visit(
        [&](const auto &sample) {
            using T = std::decay_t<decltype(sample)>;
            QVector<T> &list = listOf<T>(mTopology);
            if (edit.before && edit.after) {
                const int pos = position(list);
                Q_ASSERT(pos >= 0);
                if (pos < 0)
                    return;
                const T &after = std::get<T>(*edit.after);
                if constexpr (std::is_same_v<T, Guest>) {
                    if (!rebuild)
                        mIndex.replaceGuest(pos, list.at(pos), after);
                } else if constexpr (std::is_same_v<T, Host>) {
                    if (!rebuild)
                        mIndex.replaceHost(pos, list.at(pos), after);
                } else if constexpr (std::is_same_v<T, Group>) {
                    if (!rebuild)
                        mIndex.replaceGroup(pos, list.at(pos), after);
                } else {
                    rebuild = true;
                }
                if (list.at(pos).id != after.id)
                    rebuild = true;
                list[pos] = after;
            } else if (edit.after) {
                const T &after = std::get<T>(*edit.after);
                const int at = edit.index < 0 || edit.index > list.size()
                                   ? static_cast<int>(list.size())
                                   : edit.index;
                list.insert(at, after);
                rebuild = true;
            } else {
                const int pos = position(list);
                Q_ASSERT(pos >= 0);
                if (pos < 0)
                    return;
                list.removeAt(pos);
                rebuild = true;
            }
        },
        edit.after ? *edit.after : *edit.before);
}

void Document::applyLayout(const LayoutEdit &edit)
{
    QVector<LayoutEntry> &layout = mTopology.layout;
    int pos = -1;
    for (int i = 0; i < layout.size() && pos < 0; ++i) {
        if (layout.at(i).id == edit.id)
            pos = i;
    }
    if (edit.after && pos >= 0) {
        layout[pos] = *edit.after;
    } else if (edit.after) {
        const int at = edit.index < 0 || edit.index > layout.size() ? static_cast<int>(layout.size())
                                                                    : edit.index;
        layout.insert(at, *edit.after);
    } else if (pos >= 0) {
        layout.removeAt(pos);
    }
}

} // namespace td
