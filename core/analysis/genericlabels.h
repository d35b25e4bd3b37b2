#pragma once

#include "catalog/catalog.h"
#include "model/topology.h"

#include <QHash>
#include <QRegularExpression>
#include <QString>

namespace td {

// Generic labels that stand for real names when a layout is shown to an
// audience ("hide names"): hosts "Host 1", "Host 2", ...; guests by product
// and a letter, "CIC Server A", "CIC Server B", ... (catalog product names;
// "VM A" for a product the catalog does not know); racks "Rack 1",
// circuits "Circuit 1", clusters "Cluster 1", switchover pairs "Switchover
// pair 1" and pools "Pool 1". Numbers and letters follow document order
// (per kind; per product for guests), so the same layout always gets the
// same labels. The designer and the reports use this one mapping.
class GenericLabels final
{
public:
    GenericLabels() = default;
    explicit GenericLabels(const Topology &topology, const Catalog &catalog = Catalog::builtin());

    // The label of an object's id; empty for an id it does not know.
    QString label(const QString &id) const { return mLabels.value(id); }
    // The label, or fallback for an id it does not know.
    QString label(const QString &id, const QString &fallback) const { return mLabels.value(id, fallback); }
    // A shorter label for tight spots (chips): guests by the product's
    // name prefix ("IC A", "MEDIA B"), others as label().
    QString shortLabel(const QString &id) const { return mShort.value(id, mLabels.value(id)); }
    // text with every real name and id of a labelled object replaced by its
    // label (whole words only: "IC1" in "IC10" stays; longest names first).
    QString apply(const QString &text) const;
    int size() const { return static_cast<int>(mLabels.size()); }

    // Spreadsheet-style letters: 0 -> A, 25 -> Z, 26 -> AA, ...
    static QString letters(int index);

private:
    QHash<QString, QString> mLabels;  // id -> label
    QHash<QString, QString> mShort;   // guest id -> short label
    QHash<QString, QString> mReplace; // real name or id -> label
    QRegularExpression mPattern;
};

} // namespace td
