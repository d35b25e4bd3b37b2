#pragma once

#include "analysis/failureanalysis.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace td {

class Document;

// The what-if scenario of a window: which hosts, racks and circuits are
// failed, and what that does (FailureAnalysis::run). Never changes the
// document: it follows it (after an edit the same elements are failed again
// in the edited layout; elements that are gone drop out). Other views (the
// charts dock, the failures dock, the banner) read it and listen to
// scenarioChanged.
class WhatIfState final : public QObject
{
    Q_OBJECT

public:
    explicit WhatIfState(Document *document, QObject *parent = nullptr);
    ~WhatIfState() override;

    Document *document() const { return mDocument; }
    // What-if mode on: the canvas shows the scenario (it may be empty).
    bool isActive() const { return mActive; }
    void setActive(bool active);

    // The failed elements, in the order they were failed.
    QStringList failed() const { return mFailed; }
    bool isFailed(const QString &id) const { return mFailed.contains(id); }
    // Fails these elements (replacing the scenario); unknown ids and ids
    // that are not a host, rack or circuit are left out. Turns what-if on.
    void setFailed(const QStringList &ids);
    // Fails the element, or restores it if it was failed.
    void toggle(const QString &id);
    void clear() { setFailed({}); }

    // What the scenario does; nullptr when what-if is off. With nothing
    // failed, an empty scenario (nothing down).
    const ScenarioResult *result() const { return mActive && mResult ? &*mResult : nullptr; }
    // The analysis of the current document state (rebuilt after an edit).
    const FailureAnalysis &analysis() const;
    // One sentence for the banner; nameOf maps an id to the name to show.
    QString sentence(const std::function<QString(const QString &id)> &nameOf = {}) const;
    // Whether an id can be failed: a host, rack or circuit of the layout.
    bool canFail(const QString &id) const;

signals:
    void activeChanged(bool active);
    // The scenario or its result changed (also after an edit of the layout).
    void scenarioChanged();

private:
    void recompute();

    Document *mDocument;
    bool mActive = false;
    QStringList mFailed;
    std::optional<ScenarioResult> mResult;
    mutable std::unique_ptr<FailureAnalysis> mAnalysis;
};

} // namespace td
