#pragma once

#include <QHash>
#include <QString>

namespace td {

// A typed id: a host id cannot be passed where a rack id is expected.
// The text is the id as written in the layout file.
template <typename Tag>
class Id final
{
public:
    Id() = default;
    explicit Id(QString value) : mValue(std::move(value)) {}

    const QString &str() const { return mValue; }
    bool isNull() const { return mValue.isEmpty(); }

    friend bool operator==(const Id &a, const Id &b) { return a.mValue == b.mValue; }
    friend bool operator!=(const Id &a, const Id &b) { return a.mValue != b.mValue; }
    friend bool operator<(const Id &a, const Id &b) { return a.mValue < b.mValue; }
    friend size_t qHash(const Id &id, size_t seed = 0) { return qHash(id.mValue, seed); }

private:
    QString mValue;
};

struct CircuitTag;
struct RackTag;
struct ClusterTag;
struct HostTag;
struct GuestTag;
struct GroupTag;

using CircuitId = Id<CircuitTag>;
using RackId = Id<RackTag>;
using ClusterId = Id<ClusterTag>;
using HostId = Id<HostTag>;
using GuestId = Id<GuestTag>;
using GroupId = Id<GroupTag>;

// True when text is a valid id: [a-z0-9][a-z0-9._-]*
bool isValidId(const QString &text);

} // namespace td
