#include "document.h"

#include "invariants.h"
#include "model/erase.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <type_traits>
#include <variant>

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

// Whether no object of the change was renamed, nor a guest given another
// product: the words of the findings about unchanged subjects stay right.
bool namesKeptBy(const Change &change)
{
    for (const ObjectEdit &e : change.edits) {
        if (!e.before || !e.after)
            continue; // added or removed: the findings naming it change their subjects
        const bool kept = std::visit(
            [&e](const auto &before) {
                using T = std::decay_t<decltype(before)>;
                const T &after = std::get<T>(*e.after);
                if constexpr (std::is_same_v<T, Guest>)
                    return before.name == after.name && before.product == after.product;
                else
                    return before.name == after.name;
            },
            *e.before);
        if (!kept)
            return false;
    }
    return true;
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
    dirty.namesKept = namesKeptBy(change);
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
    int applied = 0;
    int failed = 0;
    if (!applyObjectEdits(change.edits, applied, failed)) {
        undoEdits(change, applied);
        const ObjectEdit &e = change.edits.at(failed);
        if (error)
            *error = tr("%1 was refused: %2 %3 is not as the edit expects (it was made against an older "
                        "state of the layout)")
                         .arg(change.text, kindName(e.kind()), e.id());
        return false;
    }
    for (const LayoutEdit &e : change.layout)
        applyLayout(e);
    if (change.headerAfter)
        mTopology.header = *change.headerAfter;
    if (!change.waivers.isEmpty())
        std::swap(mTopology.waivers, waivers);
    if (change.scenariosAfter)
        mTopology.scenarios = *change.scenariosAfter;
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
    int applied = 0;
    int failed = 0;
    applyObjectEdits(inverse.edits, applied, failed);
    for (const LayoutEdit &e : inverse.layout)
        applyLayout(e);
    if (inverse.headerAfter)
        mTopology.header = *inverse.headerAfter;
    if (inverse.scenariosAfter)
        mTopology.scenarios = *inverse.scenariosAfter;
}

namespace {

// Applies object edits to a topology whose index describes it as it was
// before the change. Edits are taken in runs: consecutive removals (or
// additions) of one kind are checked first, then done in one pass over the
// list, so that deleting or pasting a hundred guests among 10,000 moves each
// element once, not a hundred times. Each run brings the index in step
// (TopologyIndex::removing, inserted, replace*), so ids are looked up in it.
// Only a change of an object's id leaves the index stale (rebuilt at the
// end); from then on ids are looked up in the index while a list has had
// nothing inserted or removed, else by scanning, and `present` records the
// ids the change added or removed since.
class EditApplier final
{
public:
    EditApplier(Topology &topology, TopologyIndex &index) : mTopology(topology), mIndex(index) {}

    // The end of the run that starts at edit `from`.
    static int runEnd(const QVector<ObjectEdit> &edits, int from)
    {
        const ObjectEdit &first = edits.at(from);
        if (first.before.has_value() == first.after.has_value())
            return from + 1; // a replacement: on its own
        int end = from + 1;
        while (end < edits.size() && edits.at(end).kind() == first.kind()
               && edits.at(end).before.has_value() == first.before.has_value()
               && edits.at(end).after.has_value() == first.after.has_value())
            ++end;
        return end;
    }

    // Applies edits [from, end) of one run; false (the topology untouched by
    // this run) when one of them does not fit.
    bool apply(const QVector<ObjectEdit> &edits, int from, int end)
    {
        mFailed = from;
        bool ok = true;
        const ObjectEdit &first = edits.at(from);
        std::visit(
            [&](const auto &sample) {
                using T = std::decay_t<decltype(sample)>;
                QVector<T> &list = listOf<T>(mTopology);
                if (first.before && first.after)
                    ok = replace(list, first);
                else if (first.after)
                    ok = insert(list, edits, from, end);
                else
                    ok = remove(list, edits, from, end);
            },
            first.after ? *first.after : *first.before);
        return ok;
    }

    // Whether the index must be rebuilt (an id changed).
    bool stale() const { return mStale; }
    // The edit that did not fit, after apply() returned false.
    int failed() const { return mFailed; }

private:
    static unsigned bit(ObjectKind kind) { return 1u << static_cast<unsigned>(kind); }

    template <typename T>
    int position(const QVector<T> &list, ObjectKind kind, const QString &id) const
    {
        if (!(mShifted & bit(kind)) && !mPresent.contains(id)) {
            // Untouched by this change in a list nothing moved in: the index
            // still knows where it is.
            const int pos = mIndex.indexOf(kind, id);
            if (pos >= 0 && pos < list.size() && list.at(pos).id.str() == id)
                return pos;
            return -1;
        }
        for (int i = 0; i < list.size(); ++i) {
            if (list.at(i).id.str() == id)
                return i;
        }
        return -1;
    }

    bool taken(const QString &id) const
    {
        const auto it = mPresent.constFind(id);
        return it != mPresent.constEnd() ? it.value() : mIndex.find(id) != nullptr;
    }

    template <typename T>
    bool replace(QVector<T> &list, const ObjectEdit &edit)
    {
        const ObjectKind kind = edit.kind();
        const T &before = std::get<T>(*edit.before);
        const T &after = std::get<T>(*edit.after);
        const int pos = position(list, kind, before.id.str());
        if (pos < 0 || !(list.at(pos) == before))
            return false;
        if (before.id != after.id) {
            if (taken(after.id.str()))
                return false;
            mPresent.insert(before.id.str(), false);
            mPresent.insert(after.id.str(), true);
            mStale = true;
        } else if (!mStale) {
            // Relations kept in step while the index is otherwise current.
            if constexpr (std::is_same_v<T, Guest>)
                mIndex.replaceGuest(pos, before, after);
            else if constexpr (std::is_same_v<T, Host>)
                mIndex.replaceHost(pos, before, after);
            else if constexpr (std::is_same_v<T, Group>)
                mIndex.replaceGroup(pos, before, after);
            else if constexpr (std::is_same_v<T, Rack>)
                mIndex.replaceRack(pos, before, after);
            // Circuits and clusters refer to nothing: same id, same relations.
        }
        list[pos] = after;
        return true;
    }

    template <typename T>
    bool insert(QVector<T> &list, const QVector<ObjectEdit> &edits, int from, int end)
    {
        // Each edit's index counts in the list as the earlier edits left it
        // (-1 or past the end: at the end). Where each one ends up once all
        // are in: later insertions at or before it push it along.
        const int size = static_cast<int>(list.size());
        const int count = end - from;
        QVector<int> at(count);
        QSet<QString> ids;
        for (int j = 0; j < count; ++j) {
            const ObjectEdit &e = edits.at(from + j);
            const QString id = e.id();
            if (taken(id) || ids.contains(id)) {
                mFailed = from + j;
                return false;
            }
            ids.insert(id);
            const int now = size + j;
            at[j] = e.index < 0 || e.index > now ? now : e.index;
        }
        QVector<std::pair<int, int>> final; // (final position, edit)
        final.reserve(count);
        bool appends = true;
        for (int j = 0; j < count; ++j) {
            int pos = at.at(j);
            for (int l = j + 1; l < count; ++l) {
                if (at.at(l) <= pos)
                    ++pos;
            }
            appends = appends && at.at(j) == size + j;
            final.append({pos, j});
        }
        if (appends) {
            list.reserve(size + count);
            for (int j = 0; j < count; ++j)
                list.append(std::get<T>(*edits.at(from + j).after));
        } else {
            std::sort(final.begin(), final.end());
            QVector<T> merged;
            merged.reserve(size + count);
            int old = 0;
            int next = 0;
            for (int f = 0; f < size + count; ++f) {
                if (next < count && final.at(next).first == f)
                    merged.append(std::get<T>(*edits.at(from + final.at(next++).second).after));
                else
                    merged.append(std::move(list[old++]));
            }
            list = std::move(merged);
        }
        if (mStale) {
            for (const QString &id : std::as_const(ids))
                mPresent.insert(id, true);
            mShifted |= bit(edits.at(from).kind());
        } else {
            QVector<int> positions;
            positions.reserve(count);
            for (const auto &[pos, edit] : std::as_const(final))
                positions.append(pos);
            std::sort(positions.begin(), positions.end());
            mIndex.inserted(mTopology, edits.at(from).kind(), positions);
        }
        return true;
    }

    template <typename T>
    bool remove(QVector<T> &list, const QVector<ObjectEdit> &edits, int from, int end)
    {
        const ObjectKind kind = edits.at(from).kind();
        QVector<int> positions;
        positions.reserve(end - from);
        for (int j = from; j < end; ++j) {
            const T &before = std::get<T>(*edits.at(j).before);
            const int pos = position(list, kind, before.id.str());
            if (pos < 0 || !(list.at(pos) == before)) {
                mFailed = j;
                return false;
            }
            positions.append(pos);
        }
        std::sort(positions.begin(), positions.end());
        if (std::adjacent_find(positions.cbegin(), positions.cend()) != positions.cend())
            return false; // the same object removed twice
        if (!mStale)
            mIndex.removing(mTopology, kind, positions);
        eraseAt(list, positions);
        if (mStale) {
            for (int j = from; j < end; ++j)
                mPresent.insert(edits.at(j).id(), false);
            mShifted |= bit(kind);
        }
        return true;
    }

    Topology &mTopology;
    TopologyIndex &mIndex;
    QHash<QString, bool> mPresent;
    unsigned mShifted = 0;
    bool mStale = false;
    int mFailed = -1;
};

} // namespace

bool Document::applyObjectEdits(const QVector<ObjectEdit> &edits, int &applied, int &failed)
{
    EditApplier applier(mTopology, mIndex);
    applied = 0;
    bool ok = true;
    while (applied < edits.size()) {
        const int end = EditApplier::runEnd(edits, applied);
        if (!applier.apply(edits, applied, end)) {
            failed = applier.failed();
            ok = false;
            break;
        }
        applied = end;
    }
    if (applier.stale())
        mIndex.rebuild(mTopology);
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
