#include "rules/rulecontext.h"

#include <QCoreApplication>

#include <algorithm>

namespace td {

namespace {

// "a, b and c", built in one string: rules name the guests of every host
// and group an edit touches (a host's similar guests, again after each move).
template <typename NameAt>
QString joinNames(qsizetype count, NameAt nameAt, const QString &andWord)
{
    if (count == 0)
        return {};
    if (count == 1)
        return nameAt(0);
    qsizetype length = 2 * (count - 2) + 2 + andWord.size();
    for (qsizetype i = 0; i < count; ++i)
        length += nameAt(i).size();
    QString out(length, Qt::Uninitialized);
    QChar *at = out.data();
    const auto put = [&at](QStringView text) {
        std::copy(text.begin(), text.end(), at);
        at += text.size();
    };
    for (qsizetype i = 0; i + 1 < count; ++i) {
        if (i > 0)
            put(u", ");
        put(nameAt(i));
    }
    put(u" ");
    put(andWord);
    put(u" ");
    put(nameAt(count - 1));
    Q_ASSERT(at == out.constData() + out.size());
    return out;
}

QString translatedAnd()
{
    return QCoreApplication::translate("td::RuleContext", "and");
}

} // namespace

QVector<int> RuleContext::hostsOf(int clusterPos) const
{
    QVector<int> out = index.hostsInCluster(clusterPos);
    std::sort(out.begin(), out.end());
    return out;
}

bool RuleContext::inSwitchoverGroup(int guestPos) const
{
    for (int g : index.groupsOfGuest(guestPos)) {
        if (topology.groups.at(g).kind == GroupKind::Switchover)
            return true;
    }
    return false;
}

QStringList RuleContext::placedGuestIds(Span<Placed> placed) const
{
    QStringList ids;
    for (const Placed &p : placed)
        ids << topology.guests.at(p.guest).id.str();
    return ids;
}

QStringList RuleContext::groupSubjects(int groupPos, Span<Placed> placed, const QString &last) const
{
    QStringList ids;
    ids.reserve(placed.size() + 2);
    ids << topology.groups.at(groupPos).id.str();
    for (const Placed &p : placed)
        ids << topology.guests.at(p.guest).id.str();
    ids << last;
    return ids;
}

bool RuleContext::allDown(const Failure &failure, Span<int> hostPositions) const
{
    if (hostPositions.isEmpty() || failure.pos < 0)
        return false;
    for (int h : hostPositions) {
        if (!FailureDomains::down(h, mResolver.host(h).domain, failure))
            return false;
    }
    return true;
}

QString RuleContext::placedGuestNames(Span<Placed> placed) const
{
    return joinNames(
        placed.size(),
        [this, placed](qsizetype i) -> const QString & { return topology.guests.at(placed.at(i).guest).name; },
        andWord());
}

const Finding *RuleContext::keptFinding(const QStringList &subjects) const
{
    if (!namesKept || !previous)
        return nullptr;
    for (const Finding &f : *previous) {
        if (f.subjects == subjects)
            return &f;
    }
    return nullptr;
}

QString RuleContext::nameList(const QStringList &names)
{
    return joinNames(
        names.size(), [&names](qsizetype i) -> const QString & { return names.at(i); }, translatedAnd());
}

QString RuleContext::guestNames(Span<int> guestPositions) const
{
    return joinNames(
        guestPositions.size(),
        [this, guestPositions](qsizetype i) -> const QString & {
            return topology.guests.at(guestPositions.at(i)).name;
        },
        andWord());
}

QStringList RuleContext::guestIds(Span<int> guestPositions) const
{
    QStringList ids;
    ids.reserve(guestPositions.size() + 1); // the rules often add one more
    for (int g : guestPositions)
        ids << topology.guests.at(g).id.str();
    return ids;
}

const QString &RuleContext::andWord() const
{
    if (mAnd.isNull())
        mAnd = translatedAnd();
    return mAnd;
}

const MessageFormat &RuleContext::format(const char *text, int argCount, MessageFormat::Arg kind) const
{
    RuleCache::Format &f = mCache.formats[kind == MessageFormat::Arg::Multi ? 0 : 1][text];
    if (f.run != mResolver.run()) {
        QString translated = QCoreApplication::translate("td::Rule", text);
        if (f.run == 0 || translated != f.translated) {
            f.format = MessageFormat(translated, argCount, kind);
            f.translated = std::move(translated);
        }
        f.run = mResolver.run();
    }
    return f.format;
}

} // namespace td
