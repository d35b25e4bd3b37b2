#include "document.h"

#include "invariants.h"

#include <algorithm>

namespace td {

namespace {

Touched touchedBy(const Change &change)
{
    Touched touched;
    touched.header = change.headerAfter.has_value();
    touched.waivers = !change.waivers.isEmpty();
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

FindingsDelta Document::apply(const Change &change, QString *error)
{
    FindingsDelta delta;
    QString why;
    if (!applyQuietly(change, delta, &why)) {
        if (error)
            *error = why;
        emit refused(why);
        return delta;
    }
    emit changed(change);
    if (!delta.isEmpty())
        emit findingsChanged(delta);
    return delta;
}

QVector<Finding> Document::preview(const Change &change)
{
    const QVector<Finding> before = change.headerAfter ? findings() : QVector<Finding>();
    FindingsDelta delta;
    if (!applyQuietly(change, delta, nullptr))
        return {};
    QVector<Finding> added = delta.added;
    if (delta.reset) {
        // A header change re-ran everything: compare whole lists.
        added.clear();
        for (const Finding &f : findings()) {
            if (!before.contains(f))
                added.append(f);
        }
    }
    FindingsDelta undone;
    applyQuietly(change.inverted(), undone, nullptr);
    // A waived finding is accepted already: nothing new to warn about.
    added.erase(std::remove_if(added.begin(), added.end(), [](const Finding &f) { return f.isWaived(); }), added.end());
    return added;
}

bool Document::applyQuietly(const Change &change, FindingsDelta &delta, QString *error)
{
    const Touched touched = touchedBy(change);
    DirtySet dirty;
    mValidator.addImpact(mTopology, mIndex, touched, dirty);
    if (!applyEdits(change, error))
        return false;
    mValidator.addImpact(mTopology, mIndex, touched, dirty);
    delta = mValidator.update(mTopology, mIndex, dirty);
    return true;
}

bool Document::applyEdits(const Change &change, QString *error)
{
    for (const ObjectEdit &e : change.edits) {
        if (e.after && !isValidId(idOf(*e.after))) {
            if (error)
                *error = tr("%1 was refused: '%2' is not a valid id").arg(change.text, idOf(*e.after));
            return false;
        }
    }
    // Waiver edits are checked on a copy first: they are refused before
    // anything else is touched.
    QVector<Waiver> waivers;
    if (!change.waivers.isEmpty()) {
        waivers = mTopology.waivers;
        for (const WaiverEdit &e : change.waivers) {
            if (!applyWaiver(waivers, e)) {
                if (error)
                    *error = tr("%1 was refused: the waiver is not as the edit expects (it was made against an "
                                "older state of the layout)")
                                 .arg(change.text);
                return false;
            }
        }
        for (const WaiverEdit &e : change.waivers) {
            if (!e.after)
                continue;
            if (const auto why = Invariants::checkWaiver(*e.after)) {
                if (error)
                    *error = tr("%1 was refused: %2").arg(change.text, *why);
                return false;
            }
        }
    }
    if (change.scenariosAfter && change.scenariosBefore && mTopology.scenarios != *change.scenariosBefore) {
        if (error)
            *error = tr("%1 was refused: the scenarios are not as the edit expects (it was made against an older "
                        "state of the layout)")
                         .arg(change.text);
        return false;
    }
    const QStringList referrers = Invariants::referrersOf(mTopology, mIndex, change);
    bool rebuild = false;
    int applied = 0;
    for (const ObjectEdit &e : change.edits) {
        if (!applyEdit(e, rebuild)) {
            if (rebuild)
                mIndex.rebuild(mTopology);
            undoEdits(change, applied);
            if (error)
                *error = tr("%1 was refused: %2 %3 is not as the edit expects (it was made against an older "
                            "state of the layout)")
                             .arg(change.text, kindName(e.kind()), e.id());
            return false;
        }
        ++applied;
    }
    for (const LayoutEdit &e : change.layout)
        applyLayout(e);
    if (change.headerAfter)
        mTopology.header = *change.headerAfter;
    if (!change.waivers.isEmpty())
        std::swap(mTopology.waivers, waivers);
    if (change.scenariosAfter)
        mTopology.scenarios = *change.scenariosAfter;
    if (rebuild)
        mIndex.rebuild(mTopology);
    if (const auto violation = Invariants::checkChange(mTopology, mIndex, change, referrers)) {
        undoEdits(change, applied);
        if (!change.waivers.isEmpty())
            std::swap(mTopology.waivers, waivers);
        if (error) {
            const QString what = change.text.isEmpty() ? tr("The edit") : change.text;
            *error = tr("%1 was refused: %2").arg(what, violation->message);
        }
        return false;
    }
    return true;
}

void Document::undoEdits(const Change &change, int appliedEdits)
{
    // The inverse of the first appliedEdits edits, with the layout and header
    // when every edit was applied.
    Change undo;
    undo.edits = change.edits.mid(0, appliedEdits);
    if (appliedEdits == change.edits.size()) {
        undo.layout = change.layout;
        undo.headerBefore = change.headerBefore;
        undo.headerAfter = change.headerAfter;
        undo.scenariosBefore = change.scenariosBefore;
        undo.scenariosAfter = change.scenariosAfter;
    }
    const Change inverse = undo.inverted();
    bool rebuild = false;
    for (const ObjectEdit &e : inverse.edits)
        applyEdit(e, rebuild);
    for (const LayoutEdit &e : inverse.layout)
        applyLayout(e);
    if (inverse.headerAfter)
        mTopology.header = *inverse.headerAfter;
    if (inverse.scenariosAfter)
        mTopology.scenarios = *inverse.scenariosAfter;
    if (rebuild)
        mIndex.rebuild(mTopology);
}

bool Document::applyEdit(const ObjectEdit &edit, bool &rebuild)
{
    const ObjectKind kind = edit.kind();
    const QString id = edit.id();
    // After an add or remove, positions shift: look ids up by scanning until
    // the index is rebuilt at the end of the change.
    auto position = [&](auto &list) -> int {
        if (!rebuild) {
            const int pos = mIndex.indexOf(kind, id);
            return pos < list.size() ? pos : -1;
        }
        for (int i = 0; i < list.size(); ++i) {
            if (list.at(i).id.str() == id)
                return i;
        }
        return -1;
    };
    bool ok = true;
    std::visit(
        [&](const auto &sample) {
            using T = std::decay_t<decltype(sample)>;
            QVector<T> &list = listOf<T>(mTopology);
            if (edit.before && edit.after) {
                const int pos = position(list);
                if (pos < 0 || !(list.at(pos) == std::get<T>(*edit.before))) {
                    ok = false;
                    return;
                }
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
                // A new id must be free (an id removed earlier in the change is).
                if (position(list) >= 0 || (!rebuild && mIndex.find(id))) {
                    ok = false;
                    return;
                }
                if (rebuild) {
                    const auto taken = [&](const auto &other) {
                        return std::any_of(other.cbegin(), other.cend(),
                                           [&](const auto &o) { return o.id.str() == id; });
                    };
                    if (taken(mTopology.circuits) || taken(mTopology.racks) || taken(mTopology.clusters)
                        || taken(mTopology.hosts) || taken(mTopology.guests) || taken(mTopology.groups)) {
                        ok = false;
                        return;
                    }
                }
                const int at = edit.index < 0 || edit.index > list.size() ? static_cast<int>(list.size()) : edit.index;
                list.insert(at, after);
                rebuild = true;
            } else {
                const int pos = position(list);
                if (pos < 0 || !(list.at(pos) == std::get<T>(*edit.before))) {
                    ok = false;
                    return;
                }
                list.removeAt(pos);
                rebuild = true;
            }
        },
        edit.after ? *edit.after : *edit.before);
    return ok;
}

bool Document::applyWaiver(QVector<Waiver> &waivers, const WaiverEdit &edit)
{
    const int size = static_cast<int>(waivers.size());
    if (!edit.before) {
        if (!edit.after)
            return false;
        waivers.insert(edit.index < 0 || edit.index > size ? size : edit.index, *edit.after);
        return true;
    }
    if (edit.index < 0 || edit.index >= size || !(waivers.at(edit.index) == *edit.before))
        return false;
    if (edit.after)
        waivers[edit.index] = *edit.after;
    else
        waivers.removeAt(edit.index);
    return true;
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
        const int at = edit.index < 0 || edit.index > layout.size() ? static_cast<int>(layout.size()) : edit.index;
        layout.insert(at, *edit.after);
    } else if (pos >= 0) {
        layout.removeAt(pos);
    }
}

} // namespace td
