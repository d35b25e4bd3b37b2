#include "whatif/whatifstate.h"

#include "document.h"

namespace td {

WhatIfState::WhatIfState(Document *document, QObject *parent) : QObject(parent), mDocument(document)
{
    // The analysis holds references into the document's topology and index:
    // drop it before they change, rebuild it on first use after.
    auto follow = [this] {
        mAnalysis.reset();
        if (!mActive)
            return;
        QStringList kept;
        for (const QString &id : std::as_const(mFailed)) {
            if (canFail(id))
                kept << id;
        }
        mFailed = kept;
        recompute();
    };
    connect(document, &Document::aboutToReset, this, [this] { mAnalysis.reset(); });
    connect(document, &Document::resetDone, this, [this] {
        mAnalysis.reset();
        mFailed.clear();
        setActive(false);
        mResult.reset();
        emit scenarioChanged();
    });
    connect(document, &Document::changed, this, follow);
}

WhatIfState::~WhatIfState() = default;

const FailureAnalysis &WhatIfState::analysis() const
{
    if (!mAnalysis)
        mAnalysis = std::make_unique<FailureAnalysis>(mDocument->topology(), mDocument->index());
    return *mAnalysis;
}

bool WhatIfState::canFail(const QString &id) const
{
    const TopologyIndex &index = mDocument->index();
    return index.host(HostId(id)) >= 0 || index.rack(RackId(id)) >= 0 || index.circuit(CircuitId(id)) >= 0;
}

void WhatIfState::setActive(bool active)
{
    if (active == mActive)
        return;
    mActive = active;
    if (active)
        recompute();
    emit activeChanged(active);
    emit scenarioChanged();
}

void WhatIfState::setFailed(const QStringList &ids)
{
    QStringList kept;
    for (const QString &id : ids) {
        if (canFail(id) && !kept.contains(id))
            kept << id;
    }
    mFailed = kept;
    if (!mActive) {
        setActive(true); // computes and announces
        return;
    }
    recompute();
    emit scenarioChanged();
}

void WhatIfState::toggle(const QString &id)
{
    QStringList ids = mFailed;
    if (!ids.removeOne(id))
        ids << id;
    setFailed(ids);
}

void WhatIfState::recompute()
{
    QString error;
    mResult = analysis().run(mFailed, &error);
    if (!mResult) {
        // Every id was checked: a refusal here is a bug, never shown as a
        // partial scenario.
        qWarning("what-if: %s", qPrintable(error));
        mResult = ScenarioResult{};
    }
}

QString WhatIfState::sentence(const std::function<QString(const QString &id)> &nameOf) const
{
    if (!result())
        return {};
    if (mFailed.isEmpty())
        return tr("What if it fails? Click hosts, racks or circuits to fail them; click again to restore.");
    return analysis().sentence(*mResult, nameOf);
}

} // namespace td
