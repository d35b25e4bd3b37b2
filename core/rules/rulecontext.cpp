#include "rules/rulecontext.h"

#include <QCoreApplication>

#include <algorithm>

namespace td {

namespace {

// "a, b and c", built in one string: rules name the guests of every host
// and group an edit touches (a host's similar guests, again after each move).
// Into buffer, whose storage is reused when it is not shared; one name is
// not copied.
template <typename NameAt>
QStringView joinNames(qsizetype count, NameAt nameAt, const QString &andWord, QString &out)
{
    if (count == 0)
        return {};
    if (count == 1)
        return nameAt(0);
    qsizetype length = 2 * (count - 2) + 2 + andWord.size();
    for (qsizetype i = 0; i < count; ++i)
        length += nameAt(i).size();
    out.resize(length);
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

// count ids (idAt), then last when given, in a list made at its size.
template <typename IdAt>
QStringList idList(qsizetype count, IdAt idAt, const QString *last)
{
    QStringList ids(count + (last ? 1 : 0));
    QString *out = ids.data();
    for (qsizetype i = 0; i < count; ++i)
        out[i] = idAt(i);
    if (last)
        out[count] = *last;
    return ids;
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
    return idList(
        placed.size(),
        [this, placed](qsizetype i) -> const QString & { return topology.guests.at(placed.at(i).guest).id.str(); },
        nullptr);
}

QStringList RuleContext::groupSubjects(int groupPos, Span<Placed> placed, const QString &last) const
{
    return idList(
        placed.size() + 1,
        [this, placed, groupPos](qsizetype i) -> const QString & {
            return i == 0 ? topology.groups.at(groupPos).id.str() : topology.guests.at(placed.at(i - 1).guest).id.str();
        },
        &last);
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

QStringView RuleContext::placedGuestNames(Span<Placed> placed) const
{
    return joinNames(
        placed.size(),
        [this, placed](qsizetype i) -> const QString & { return topology.guests.at(placed.at(i).guest).name; },
        andWord(), mNames);
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
    if (names.size() == 1)
        return names.first();
    QString out;
    joinNames(
        names.size(), [&names](qsizetype i) -> const QString & { return names.at(i); }, translatedAnd(), out);
    return out;
}

QStringView RuleContext::guestNames(Span<int> guestPositions) const
{
    return joinNames(
        guestPositions.size(),
        [this, guestPositions](qsizetype i) -> const QString & {
            return topology.guests.at(guestPositions.at(i)).name;
        },
        andWord(), mNames);
}

QStringList RuleContext::guestIds(Span<int> guestPositions, const QString *last) const
{
    return idList(
        guestPositions.size(),
        [this, guestPositions](qsizetype i) -> const QString & {
            return topology.guests.at(guestPositions.at(i)).id.str();
        },
        last);
}

RuleContext::Number::Number(qint64 value)
{
    // Digits from the last: the magnitude as unsigned, so the smallest
    // qint64 has one too.
    quint64 magnitude = value < 0 ? 0 - static_cast<quint64>(value) : static_cast<quint64>(value);
    do {
        mText[--mFirst] = static_cast<char16_t>(u'0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (value < 0)
        mText[--mFirst] = u'-';
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
