#include "io/layoutreader.h"

#include "catalog/catalog.h"
#include "invariants.h"
#include "io/comments.h"
#include "io/flowyaml.h"
#include "io/limits.h"
#include "io/names.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QVarLengthArray>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <new>
#include <sys/stat.h>

namespace td {

namespace {

// Thrown inside the reader, turned into LoadResult::error at the top.
struct Failure
{
    int line;
    int column;
    QString text;
};

QString tr(const char *text)
{
    return QCoreApplication::translate("td::LayoutReader", text);
}

QString shorten(const QString &text)
{
    return text.size() > 60 ? text.left(57) + QStringLiteral("...") : text;
}

QString quoted(const QString &text)
{
    return QLatin1Char('\'') + shorten(text) + QLatin1Char('\'');
}

// A reference to an id, checked once every list is read.
struct PendingRef
{
    QString id;
    ObjectKind expected;
    YAML::Mark mark;
};

// Where the first byte that is not valid UTF-8 (or a NUL) is; -1 if none.
qsizetype firstBadByte(const QByteArray &data)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data.constData());
    const qsizetype n = data.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
            return i;
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        unsigned minimum = 0;
        unsigned code = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            minimum = 0x80;
            code = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            minimum = 0x800;
            code = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            minimum = 0x10000;
            code = c & 0x07;
        } else {
            return i;
        }
        if (i + extra >= n)
            return i;
        for (int k = 1; k <= extra; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
            code = (code << 6) | (p[i + k] & 0x3F);
        }
        if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return i;
        i += extra + 1;
    }
    return -1;
}

// The keys of one mapping, to find a duplicate or a missing key. A mapping
// has a handful of keys: a short list searched in place, without the
// allocations of a hash; a hash only past 16 keys, so that a hostile mapping
// of many keys stays linear.
class KeySet
{
public:
    bool contains(QByteArrayView key) const
    {
        if (!mMany.isEmpty())
            return mMany.contains(key.toByteArray());
        return std::find(mFew.begin(), mFew.end(), key) != mFew.end();
    }
    void insert(const QByteArray &key)
    {
        if (mMany.isEmpty() && mFew.size() < kFew) {
            mFew.append(key);
            return;
        }
        if (mMany.isEmpty()) {
            for (const QByteArray &k : mFew)
                mMany.insert(k);
        }
        mMany.insert(key);
    }

private:
    static constexpr int kFew = 16;
    QVarLengthArray<QByteArray, kFew> mFew;
    QSet<QByteArray> mMany;
};

class Reader
{
public:
    explicit Reader(LoadResult &result, const QString &fileName, CommentCollector &notes, const QByteArray &data)
        : mResult(result), mFile(fileName), mCatalog(Catalog::builtin()), mNotes(notes), mData(data)
    {}

    void read(const YAML::Node &root);

private:
    [[noreturn]] void fail(const YAML::Mark &mark, const QString &text) const
    {
        throw Failure{mark.is_null() ? 0 : mark.line + 1, mark.is_null() ? 0 : mark.column + 1, text};
    }
    void warn(const YAML::Mark &mark, const QString &text)
    {
        Diagnostic d;
        d.level = Diagnostic::Level::Warning;
        d.file = mFile;
        d.line = mark.is_null() ? 0 : mark.line + 1;
        d.column = mark.is_null() ? 0 : mark.column + 1;
        d.text = text;
        mResult.warnings.append(d);
    }

    static QString typeName(const YAML::Node &node)
    {
        switch (node.Type()) {
        case YAML::NodeType::Map: return tr("a mapping");
        case YAML::NodeType::Sequence: return tr("a list");
        case YAML::NodeType::Null: return tr("nothing");
        default: return tr("text");
        }
    }

    void requireMap(const YAML::Node &node, const QString &what) const
    {
        if (!node.IsMap())
            fail(node.Mark(), tr("%1 must be a mapping (key: value), found %2").arg(what, typeName(node)));
    }
    void requireList(const YAML::Node &node, const QString &key) const
    {
        if (!node.IsSequence())
            fail(node.Mark(), tr("'%1' must be a list, found %2").arg(key, typeName(node)));
    }

    QString text(const YAML::Node &node, const QString &key, bool allowEmpty = false) const
    {
        if (!node.IsScalar())
            fail(node.Mark(), tr("'%1' must be text, found %2").arg(key, typeName(node)));
        charge(node);
        const std::string &scalar = node.Scalar();
        // Four bytes at most per character: longer is too long before converting it.
        if (scalar.size() > size_t(4) * Limits::kMaxTextLength)
            tooLong(node, key, static_cast<qint64>(scalar.size()));
        QString value = QString::fromStdString(scalar);
        if (value.size() > Limits::kMaxTextLength)
            tooLong(node, key, value.size());
        if (!allowEmpty && value.trimmed().isEmpty())
            fail(node.Mark(), tr("'%1' must not be empty").arg(key));
        return value;
    }

    [[noreturn]] void tooLong(const YAML::Node &node, const QString &key, qint64 size) const
    {
        fail(node.Mark(),
             tr("'%1' is %2 long, longer than the %3 characters an id, a name or a "
                "text value may have")
                 .arg(key, size > 4 * Limits::kMaxTextLength ? tr("%1 bytes").arg(size) : tr("%1 characters").arg(size))
                 .arg(Limits::kMaxTextLength));
    }

    // Every scalar the reader converts counts, aliases expanded: a long
    // text repeated through aliases is refused before it fills the memory.
    void charge(const YAML::Node &node) const
    {
        mBytes += static_cast<qint64>(node.Scalar().size());
        if (mBytes > Limits::kMaxExpandedBytes)
            fail(node.Mark(), expandedTooLarge());
    }
    static QString expandedTooLarge()
    {
        return tr("the file expands to more than %1 MiB of text (through aliases?); a layout may "
                  "not be that large")
            .arg(Limits::kMaxExpandedBytes / (1024 * 1024));
    }

    // An explicit tag (!!str, !foo) means nothing to a layout: said, not obeyed.
    void checkTag(const YAML::Node &node)
    {
        const std::string &tag = node.Tag();
        if (tag.empty() || tag == "?" || tag == "!")
            return;
        QString shownTag = QString::fromStdString(tag);
        if (shownTag.startsWith(QLatin1String("tag:yaml.org,2002:")))
            shownTag = QStringLiteral("!!") + shownTag.mid(18);
        warn(node.Mark(), tr("the tag %1 is ignored: the value is read as the key expects, and "
                             "saving drops the tag")
                              .arg(quoted(shownTag)));
    }

    int integer(const YAML::Node &node, const QString &key, int min, int max) const
    {
        if (node.IsScalar() && node.Scalar().size() <= 32) {
            charge(node);
            bool ok = false;
            const qlonglong v = QByteArray::fromStdString(node.Scalar()).toLongLong(&ok, 10);
            if (ok && v >= min && v <= max)
                return static_cast<int>(v);
        }
        fail(node.Mark(),
             tr("'%1' must be a whole number from %2 to %3, found %4").arg(key).arg(min).arg(max).arg(shown(node)));
    }

    double number(const YAML::Node &node, const QString &key) const
    {
        if (node.IsScalar() && node.Scalar().size() <= 64) {
            charge(node);
            bool ok = false;
            const double v = QByteArray::fromStdString(node.Scalar()).toDouble(&ok);
            if (ok && std::isfinite(v) && std::fabs(v) <= 1e9)
                return v;
        }
        fail(node.Mark(), tr("'%1' must be a number, found %2").arg(key, shown(node)));
    }

    bool boolean(const YAML::Node &node, const QString &key) const
    {
        if (node.IsScalar()) {
            charge(node);
            const std::string &s = node.Scalar();
            if (s == "true" || s == "True" || s == "TRUE")
                return true;
            if (s == "false" || s == "False" || s == "FALSE")
                return false;
        }
        fail(node.Mark(), tr("'%1' must be true or false, found %2").arg(key, shown(node)));
    }

    template <typename E, size_t N>
    E choice(const YAML::Node &node, const QString &key, const std::pair<const char *, E> (&options)[N]) const
    {
        if (node.IsScalar()) {
            charge(node);
            for (const auto &option : options) {
                if (node.Scalar() == option.first)
                    return option.second;
            }
        }
        QStringList names;
        for (const auto &option : options)
            names << QString::fromLatin1(option.first);
        fail(node.Mark(), tr("unknown value %1 for '%2' (expected one of: %3)")
                              .arg(shown(node), key, names.join(QStringLiteral(", "))));
    }

    // Every value the reader visits counts; aliases make a small file expand
    // to many values, and this bounds the time and memory that can take.
    void count(const YAML::Node &node)
    {
        if (++mVisited > Limits::kMaxValues)
            fail(node.Mark(), tr("the file expands to more than %1 values (through aliases?); a layout "
                                 "may not be that large")
                                  .arg(Limits::kMaxValues));
        checkTag(node);
    }

    QString shown(const YAML::Node &node) const
    {
        if (node.IsScalar()) {
            QString s = QString::fromStdString(node.Scalar());
            if (s.size() > 60)
                s = s.left(57) + QStringLiteral("...");
            return quoted(s);
        }
        return typeName(node);
    }

    QString id(const YAML::Node &node, const QString &key) const
    {
        const QString value = text(node, key);
        if (!isValidId(value))
            fail(node.Mark(), tr("%1 is not a valid id (use lowercase letters, digits, '.', '_' "
                                 "and '-', starting with a letter or digit)")
                                  .arg(shown(node)));
        return value;
    }

    QString ref(const YAML::Node &node, const QString &key, ObjectKind kind)
    {
        const QString value = id(node, key);
        mRefs.append(PendingRef{value, kind, node.Mark()});
        return value;
    }

    template <typename IdT>
    QVector<IdT> refList(const YAML::Node &node, const QString &key, ObjectKind kind)
    {
        requireList(node, key);
        // A list reached again through an alias is the same list: it counts
        // its values again, but is not read again.
        const qint64 place = (qint64(node.Mark().pos) << 3) | qint64(kind);
        const auto cached = mRefLists.constFind(place);
        if (!node.Mark().is_null() && cached != mRefLists.constEnd()) {
            mVisited += cached->size();
            count(node);
            QVector<IdT> out;
            out.reserve(cached->size());
            for (const QString &value : *cached)
                out.append(IdT(value));
            return out;
        }
        QVector<IdT> out;
        QStringList values;
        QSet<QString> seen;
        for (const auto &item : node) {
            count(item);
            const QString value = ref(item, key, kind);
            if (seen.contains(value))
                fail(item.Mark(), tr("%1 is listed twice in '%2'").arg(quoted(value), key));
            seen.insert(value);
            out.append(IdT(value));
            values.append(value);
        }
        if (!node.Mark().is_null())
            mRefLists.insert(place, values);
        return out;
    }

    // Calls handle(key, value) for every entry; checks duplicate keys.
    // Returns the keys.
    template <typename F>
    KeySet entries(const YAML::Node &map, F handle)
    {
        KeySet seen;
        for (auto it = map.begin(); it != map.end(); ++it) {
            const YAML::Node k = it->first;
            count(k);
            if (!k.IsScalar())
                fail(k.Mark(), tr("a key must be text, found %1").arg(typeName(k)));
            if (k.Scalar().size() > size_t(Limits::kMaxKeyBytes))
                fail(k.Mark(), tr("a key of %1 bytes is longer than the %2 a layout key may have")
                                   .arg(k.Scalar().size())
                                   .arg(Limits::kMaxKeyBytes));
            charge(k);
            const QByteArray key = QByteArray::fromStdString(k.Scalar());
            if (seen.contains(key))
                fail(k.Mark(), tr("duplicate key %1").arg(quoted(QString::fromUtf8(key))));
            seen.insert(key);
            const YAML::Node v = it->second;
            checkTag(v);
            if (mScope.record && mNotes.active())
                mNotes.place(k.Mark().line, k.Mark().column, mScope.block,
                             CommentTarget{mScope.owner, mScope.index, mScope.sub, QString::fromUtf8(key)});
            handle(key, k, v);
        }
        return seen;
    }

    void unknownKey(const YAML::Node &key, const YAML::Node &value, const QString &where, Extras &extras)
    {
        const QString name = QString::fromStdString(key.Scalar());
        if (name == QLatin1String("<<"))
            warn(key.Mark(), tr("merge key '<<' in %1: its entries are not merged into this mapping "
                                "(write the keys out; the '<<' entry is kept as an unknown key)")
                                 .arg(where));
        else
            warn(key.Mark(), tr("unknown key %1 in %2 (kept as it is)").arg(quoted(name), where));
        QString yaml;
        QString error;
        bool tooLong = false;
        if (!FlowYaml::write(value, yaml, &error, Limits::kMaxExpandedBytes - mBytes, &tooLong)) {
            if (tooLong)
                fail(value.Mark(), expandedTooLarge());
            fail(value.Mark(), tr("the value of unknown key %1 cannot be kept: %2").arg(quoted(name), error));
        }
        mBytes += yaml.size();
        extras.append(Extra{name, yaml});
    }

    void require(const YAML::Node &map,
                 const KeySet &seen,
                 std::initializer_list<const char *> keys,
                 const QString &what) const
    {
        for (const char *key : keys) {
            if (!seen.contains(QByteArrayView(key)))
                fail(map.Mark(), tr("%1 has no '%2' (required)").arg(what, QString::fromLatin1(key)));
        }
    }

    void defineId(const QString &value, const YAML::Mark &mark)
    {
        if (mResult.lineOfId.contains(value))
            fail(mark, tr("duplicate id %1 (first defined on line %2); ids must be unique across "
                          "all lists")
                           .arg(quoted(value))
                           .arg(mResult.lineOfId.value(value)));
        mResult.lineOfId.insert(value, mark.line + 1);
        mIdMarks.insert(value, mark);
        mKinds.insert(value, mCurrentKind);
    }

    void readHeader(const YAML::Node &root);
    void readPlatform(const YAML::Node &node);
    void readCircuit(const YAML::Node &node);
    void readRack(const YAML::Node &node);
    void readCluster(const YAML::Node &node);
    void readHost(const YAML::Node &node);
    Nic readNic(const YAML::Node &node);
    void readGuest(const YAML::Node &node);
    void readGroup(const YAML::Node &node);
    void readScenarios(const YAML::Node &node);
    void readLayout(const YAML::Node &node);
    void readWaivers(const YAML::Node &node);
    void readWaiver(const YAML::Node &node);
    void resolve();

    template <typename F>
    void readList(const YAML::Node &node, const char *key, ObjectKind kind, F readItem)
    {
        if (node.IsNull())
            return;
        requireList(node, QString::fromLatin1(key));
        mCurrentKind = kind;
        const CommentTarget::Owner owner = ownerOf(kind);
        const int list = mNotes.openBlock(CommentCollector::kDocument,
                                          CommentTarget{CommentTarget::Owner::Header, 0, 0, QString::fromLatin1(key)});
        for (const auto &item : node) {
            count(item);
            const int index = static_cast<int>(sizeOf(kind));
            const Scope scope = openItem(item, list, owner, index, 0);
            (this->*readItem)(item);
            mScope = scope;
        }
    }

    // Where the comments of the keys being read go (see CommentCollector).
    struct Scope
    {
        int block = CommentCollector::kDocument;
        CommentTarget::Owner owner = CommentTarget::Owner::Header;
        int index = 0;
        int sub = 0;
        bool record = true;
    };

    static CommentTarget::Owner ownerOf(ObjectKind kind)
    {
        using Owner = CommentTarget::Owner;
        switch (kind) {
        case ObjectKind::Circuit: return Owner::Circuit;
        case ObjectKind::Rack: return Owner::Rack;
        case ObjectKind::Cluster: return Owner::Cluster;
        case ObjectKind::Host: return Owner::Host;
        case ObjectKind::Guest: return Owner::Guest;
        case ObjectKind::Group: return Owner::Group;
        }
        return Owner::Header;
    }
    qsizetype sizeOf(ObjectKind kind) const
    {
        const Topology &t = mResult.topology;
        switch (kind) {
        case ObjectKind::Circuit: return t.circuits.size();
        case ObjectKind::Rack: return t.racks.size();
        case ObjectKind::Cluster: return t.clusters.size();
        case ObjectKind::Host: return t.hosts.size();
        case ObjectKind::Guest: return t.guests.size();
        case ObjectKind::Group: return t.groups.size();
        }
        return 0;
    }

    // The column of a list item's '-' (yaml-cpp marks the item's first key).
    int itemColumn(const YAML::Mark &mark) const
    {
        if (mark.is_null() || mark.line < 0)
            return 0;
        if (mLineStarts.isEmpty()) {
            mLineStarts.append(0);
            for (qsizetype i = 0; i < mData.size(); ++i) {
                if (mData.at(i) == '\n')
                    mLineStarts.append(i + 1);
            }
        }
        if (mark.line >= mLineStarts.size())
            return mark.column;
        const qsizetype start = mLineStarts.at(mark.line);
        qsizetype i = start + mark.column - 1;
        while (i >= start && i < mData.size() && mData.at(i) == ' ')
            --i;
        if (i >= start && i < mData.size() && mData.at(i) == '-')
            return static_cast<int>(i - start);
        return mark.column;
    }

    // Records a list item and makes its keys the current scope; returns the
    // scope to restore after reading it.
    Scope openItem(const YAML::Node &item, int list, CommentTarget::Owner owner, int index, int sub)
    {
        const Scope saved = mScope;
        if (!mNotes.active())
            return saved;
        const CommentTarget target{owner, index, sub, QString()};
        mNotes.place(item.Mark().line, itemColumn(item.Mark()), list, target);
        mScope = Scope{mNotes.openBlock(list, target), owner, index, sub, true};
        return saved;
    }

    LoadResult &mResult;
    mutable qint64 mBytes = 0;
    qint64 mVisited = 0;
    QString mFile;
    const Catalog &mCatalog;
    QVector<PendingRef> mRefs;
    QHash<qint64, QStringList> mRefLists;                 // read reference lists, by place in the file
    QHash<int, std::pair<TrafficSet, int>> mTrafficLists; // read traffic lists, and their sizes
    QHash<QString, ObjectKind> mKinds;
    QHash<QString, YAML::Mark> mIdMarks;
    ObjectKind mCurrentKind = ObjectKind::Circuit;
    QVector<std::pair<QString, YAML::Mark>> mLayoutMarks;
    QVector<YAML::Mark> mGroupMarks;           // the members value of each group
    QVector<QVector<YAML::Mark>> mMemberMarks; // each member of each group
    QVector<YAML::Mark> mHostUnitMarks;
    QVector<std::pair<QString, YAML::Mark>> mScenarioRefs; // each id a scenario fails
    QVector<YAML::Mark> mGuestProductMarks;
    CommentCollector &mNotes;
    const QByteArray &mData;
    mutable QVector<qsizetype> mLineStarts;
    Scope mScope;
};

void Reader::read(const YAML::Node &root)
{
    if (!root.IsMap())
        fail(root.Mark(), tr("a layout file must be a mapping with 'format', 'name' and "
                             "'platform' at the top, found %1")
                              .arg(typeName(root)));
    Topology &t = mResult.topology;
    // Read the format first: a newer file is refused before anything else.
    for (auto it = root.begin(); it != root.end(); ++it) {
        const YAML::Node k = it->first;
        const YAML::Node v = it->second;
        if (k.IsScalar() && k.Scalar() == "format" && v.IsScalar()) {
            const QByteArray f = QByteArray::fromStdString(v.Scalar()).trimmed();
            bool ok = false;
            const qlonglong n = f.toLongLong(&ok);
            const bool huge = !ok && !f.isEmpty()
                           && std::all_of(f.cbegin(), f.cend(), [](char c) { return c >= '0' && c <= '9'; });
            if ((ok && n > 1) || huge)
                fail(v.Mark(), tr("this file is format %1, newer than this program reads (format 1); open it "
                                  "with a newer Topology Designer")
                                   .arg(shorten(QString::fromLatin1(f))));
        }
    }
    YAML::Node lists[7];
    YAML::Node scenarios;
    YAML::Node waivers;
    const KeySet seen = entries(root, [&](const QByteArray &key, const YAML::Node &k, const YAML::Node &v) {
        if (key == "format") {
            if (v.IsScalar()) {
                bool ok = false;
                const qlonglong f = QByteArray::fromStdString(v.Scalar()).toLongLong(&ok);
                if (ok && f > 1)
                    fail(v.Mark(), tr("this file is format %1, newer than this program reads "
                                      "(format 1); open it with a newer Topology Designer")
                                       .arg(f));
            }
            integer(v, QStringLiteral("format"), 1, 1);
        } else if (key == "name") {
            t.header.name = text(v, QStringLiteral("name"));
        } else if (key == "platform") {
            readPlatform(v);
        } else if (key == "circuits") {
            lists[0] = v;
        } else if (key == "racks") {
            lists[1] = v;
        } else if (key == "clusters") {
            lists[2] = v;
        } else if (key == "hosts") {
            lists[3] = v;
        } else if (key == "guests") {
            lists[4] = v;
        } else if (key == "groups") {
            lists[5] = v;
        } else if (key == "scenarios") {
            scenarios = v;
        } else if (key == "waivers") {
            waivers = v;
        } else if (key == "layout") {
            lists[6] = v;
        } else {
            unknownKey(k, v, tr("the layout"), t.header.extras);
        }
    });
    require(root, seen, {"format", "name", "platform"}, tr("the layout"));

    readList(lists[0], "circuits", ObjectKind::Circuit, &Reader::readCircuit);
    readList(lists[1], "racks", ObjectKind::Rack, &Reader::readRack);
    readList(lists[2], "clusters", ObjectKind::Cluster, &Reader::readCluster);
    readList(lists[3], "hosts", ObjectKind::Host, &Reader::readHost);
    readList(lists[4], "guests", ObjectKind::Guest, &Reader::readGuest);
    readList(lists[5], "groups", ObjectKind::Group, &Reader::readGroup);
    if (scenarios.IsDefined() && !scenarios.IsNull())
        readScenarios(scenarios);
    if (waivers.IsDefined())
        readWaivers(waivers);
    if (lists[6].IsDefined() && !lists[6].IsNull())
        readLayout(lists[6]);
    resolve();
}

void Reader::readPlatform(const YAML::Node &node)
{
    requireMap(node, QStringLiteral("'platform'"));
    Platform &p = mResult.topology.header.platform;
    const Scope saved = mScope;
    mScope = Scope{mNotes.openBlock(CommentCollector::kDocument,
                                    CommentTarget{CommentTarget::Owner::Platform, 0, 0, QString()}),
                   CommentTarget::Owner::Platform, 0, 0, true};
    YAML::Node version;
    YAML::Node edition;
    const KeySet seen = entries(node, [&](const QByteArray &key, const YAML::Node &k, const YAML::Node &v) {
        if (key == "hypervisor") {
            static const std::pair<const char *, Hypervisor> kOptions[] = {{"vsphere", Hypervisor::VSphere},
                                                                           {"hyperv", Hypervisor::HyperV}};
            p.hypervisor = choice(v, QStringLiteral("hypervisor"), kOptions);
        } else if (key == "version") {
            version = v;
        } else if (key == "edition") {
            static const std::pair<const char *, Edition> kOptions[] = {{"standard", Edition::Standard},
                                                                        {"enterprise", Edition::Enterprise},
                                                                        {"enterprise-plus", Edition::EnterprisePlus}};
            p.edition = choice(v, QStringLiteral("edition"), kOptions);
            edition = v;
        } else if (key == "licensing") {
            static const std::pair<const char *, Licensing> kOptions[] = {{"host-id", Licensing::LegacyHostId},
                                                                          {"cloud", Licensing::Cloud}};
            p.licensing = choice(v, QStringLiteral("licensing"), kOptions);
        } else {
            unknownKey(k, v, tr("'platform'"), p.extras);
        }
    });
    mScope = saved;
    require(node, seen, {"hypervisor"}, tr("'platform'"));
    const PlatformLimits &limits = mCatalog.limits();
    const QStringList &versions = p.hypervisor == Hypervisor::VSphere ? limits.vsphereVersions : limits.hypervVersions;
    if (!seen.contains("version")) {
        p.version = versions.last();
        warn(node.Mark(), tr("'platform' has no 'version'; assuming %1").arg(p.version));
    } else {
        p.version = text(version, QStringLiteral("version"));
        if (!versions.contains(p.version))
            fail(version.Mark(), tr("unknown %1 version %2 (expected one of: %3)")
                                     .arg(p.hypervisor == Hypervisor::VSphere ? tr("vSphere") : tr("Hyper-V"),
                                          shown(version), versions.join(QStringLiteral(", "))));
    }
    if (p.hypervisor == Hypervisor::HyperV && seen.contains("edition")) {
        warn(edition.Mark(), tr("'edition' applies to vSphere only; ignored for Hyper-V"));
        p.edition = Edition::EnterprisePlus;
    }
}

void Reader::readCircuit(const YAML::Node &node)
{
    requireMap(node, tr("a circuit"));
    Circuit c;
    const KeySet seen = entries(node, [&](const QByteArray &key, const YAML::Node &k, const YAML::Node &v) {
        if (key == "id") {
            c.id = CircuitId(id(v, QStringLiteral("id")));
            defineId(c.id.str(), v.Mark());
        } else if (key == "name") {
            c.name = text(v, QStringLiteral("name"));
        } else {
            unknownKey(k, v, tr("a circuit"), c.extras);
        }
    });
    require(node, seen, {"id", "name"}, tr("this circuit"));
    mResult.topology.circuits.append(std::move(c));
}

void Reader::readRack(const YAML::Node &node)
{
    requireMap(node, tr("a rack"));
    Rack r;
    const KeySet seen = entries(node, [&](const QByteArray &key, const YAML::Node &k, const YAML::Node &v) {
        if (key == "id") {
            r.id = RackId(id(v, QStringLiteral("id")));
            defineId(r.id.str(), v.Mark());
        } else if (key == "name") {
            r.name = text(v, QStringLiteral("name"));
        } else if (key == "circuits") {
            r.circuits = refList<CircuitId>(v, QStringLiteral("circuits"), ObjectKind::Circuit);
        } else if (key == "units") {
            r.units = integer(v, QStringLiteral("units"), 1, 100);
        } else {
            unknownKey(k, v, tr("a rack"), r.extras);
        }
    });
    require(node, seen, {"id", "name"}, tr("this rack"));
    mResult.topology.racks.append(std::move(r));
}

void Reader::readCluster(const YAML::Node &node)
{
    requireMap(node, tr("a cluster"));
    Cluster c;
    const KeySet seen = entries(node, [&](const QByteArray &key, const YAML::Node &k, const YAML::Node &v) {
        if (key == "id") {
            c.id = ClusterId(id(v, QStringLiteral("id")));
            defineId(c.id.str(), v.Mark());
        } else if (key == "name") {
            c.name = text(v, QStringLiteral("name"));
        } else if (key == "drs") {
            static const std::pair<const char *, DrsLevel> kOptions[] = {{"off", DrsLevel::Off},
                                                                         {"manual", DrsLevel::Manual},
                                                                         {"partially-automated",
                                                                          DrsLevel::PartiallyAutomated},
                                                                         {"fully-automated", DrsLevel::FullyAutomated}};
            c.drs = choice(v, QStringLiteral("drs"), kOptions);
        } else if (key == "ha") {
            c.ha = boolean(v, QStringLiteral("ha"));
        } else {
            unknownKey(k, v, tr("a cluster"), c.extras);
        }
    });
    require(node, seen, {"id", "name"}, tr("this cluster"));
    mResult.topology.clusters.append(std::move(c));
}

Nic Reader::readNic(const YAML::Node &node)
{
    requireMap(node, tr("a NIC"));
    Nic n;
    const KeySet seen = entries(node, [&](const QByteArray &key, const YAML::Node &k, const YAML::Node &v) {
        if (key == "name") {
            n.name = text(v, QStringLiteral("name"));
        } else if (key == "gbps") {
            n.gbps = integer(v, QStringLiteral("gbps"), 1, 100000);
        } else if (key == "traffic") {
            requireList(v, QStringLiteral("traffic"));
            // A list reached again through an alias counts, but is not read again.
            const auto cached = v.Mark().is_null() ? mTrafficLists.constEnd() : mTrafficLists.constFind(v.Mark().pos);
            if (cached != mTrafficLists.constEnd()) {
                mVisited += cached->second;
                count(v);
                n.traffic = cached->first;
                return;
            }
            int items = 0;
            for (const auto &item : v) {
                ++items;
                count(item);
                bool found = false;
                if (item.IsScalar())
                    charge(item);
                static const std::vector<std::string> kNames = [] {
                    std::vector<std::string> names;
                    for (Traffic t : kAllTraffic)
                        names.push_back(Names::traffic(t).toStdString());
                    return names;
                }();
                for (size_t i = 0; i < std::size(kAllTraffic); ++i) {
                    const Traffic t = kAllTraffic[i];
                    if (item.IsScalar() && item.Scalar() == kNames[i]) {
                        n.traffic |= bit(t);
                        found = true;
                    }
                }
                if (!found) {
                    QStringList all;
                    for (Traffic t : kAllTraffic)
                        all << Names::traffic(t);
                    fail(item.Mark(), tr("unknown traffic type %1 (expected any of: %2)")
                                          .arg(shown(item), all.join(QStringLiteral(", "))));
                }
            }
            if (!v.Mark().is_null())
                mTrafficLists.insert(v.Mark().pos, {n.traffic, items});
        } else {
            unknownKey(k, v, tr("a NIC"), n.extras);
        }
    });
    require(node, seen, {"name"}, tr("this NIC"));
    return n;
}

void Reader::readHost(const YAML::Node &node)
{
    requireMap(node, tr("a host"));
    Host h;
    YAML::Mark unitMark;
    const KeySet seen = entries(node, [&](const QByteArray &key, const YAML::Node &k, const YAML::Node &v) {
        if (key == "id") {
            h.id = HostId(id(v, QStringLiteral("id")));
            defineId(h.id.str(), v.Mark());
        } else if (key == "name") {
            h.name = text(v, QStringLiteral("name"));
        } else if (key == "rack") {
            h.rack = RackId(ref(v, QStringLiteral("rack"), ObjectKind::Rack));
        } else if (key == "unit") {
            h.unit = integer(v, QStringLiteral("unit"), 1, 100);
            unitMark = v.Mark();
        } else if (key == "height_u") {
            h.heightU = integer(v, QStringLiteral("height_u"), 1, 20);
        } else if (key == "cluster") {
            h.cluster = ClusterId(ref(v, QStringLiteral("cluster"), ObjectKind::Cluster));
        } else if (key == "power") {
            h.power = refList<CircuitId>(v, QStringLiteral("power"), ObjectKind::Circuit);
        } else if (key == "cpu_model") {
            h.cpuModel = text(v, QStringLiteral("cpu_model"), true);
        } else if (key == "cores") {
            h.cores = integer(v, QStringLiteral("cores"), 1, 4096);
        } else if (key == "memory_gb") {
            h.memoryGb = integer(v, QStringLiteral("memory_gb"), 1, 1048576);
        } else if (key == "nics") {
            requireList(v, QStringLiteral("nics"));
            QSet<QString> names;
            const int hostIndex = static_cast<int>(mResult.topology.hosts.size());
            const int list = mNotes.openBlock(mScope.block, CommentTarget{CommentTarget::Owner::Host, hostIndex, 0,
                                                                          QStringLiteral("nics")});
            for (const auto &item : v) {
                count(item);
                const Scope saved = openItem(item, list, CommentTarget::Owner::Nic, hostIndex,
                                             static_cast<int>(h.nics.size()));
                Nic nic = readNic(item);
                mScope = saved;
                if (names.contains(nic.name))
                    fail(item.IsMap() && item["name"] ? item["name"].Mark() : item.Mark(),
                         tr("NIC %1 is listed twice on this host").arg(quoted(nic.name)));
                names.insert(nic.name);
                h.nics.append(std::move(nic));
            }
        } else {
            unknownKey(k, v, tr("a host"), h.extras);
        }
    });
    require(node, seen, {"id", "name"}, tr("this host"));
    mHostUnitMarks.append(unitMark);
    mResult.topology.hosts.append(std::move(h));
}

void Reader::readGuest(const YAML::Node &node)
{
    requireMap(node, tr("a guest"));
    Guest g;
    YAML::Mark productMark;
    bool vcpuGiven = false;
    bool memoryGiven = false;
    const KeySet seen = entries(node, [&](const QByteArray &key, const YAML::Node &k, const YAML::Node &v) {
        if (key == "id") {
            g.id = GuestId(id(v, QStringLiteral("id")));
            defineId(g.id.str(), v.Mark());
        } else if (key == "name") {
            g.name = text(v, QStringLiteral("name"));
        } else if (key == "product") {
            g.product = text(v, QStringLiteral("product"));
            productMark = v.Mark();
        } else if (key == "host") {
            g.host = HostId(ref(v, QStringLiteral("host"), ObjectKind::Host));
        } else if (key == "vcpu") {
            g.vcpu = integer(v, QStringLiteral("vcpu"), 1, 768);
            vcpuGiven = true;
        } else if (key == "memory_gb") {
            g.memoryGb = integer(v, QStringLiteral("memory_gb"), 1, 24576);
            memoryGiven = true;
        } else if (key == "ft") {
            g.ft = boolean(v, QStringLiteral("ft"));
        } else if (key == "mac") {
            static const std::pair<const char *, MacMode> kOptions[] = {{"dynamic", MacMode::Dynamic},
                                                                        {"static", MacMode::Static}};
            g.mac = choice(v, QStringLiteral("mac"), kOptions);
        } else {
            unknownKey(k, v, tr("a guest"), g.extras);
        }
    });
    require(node, seen, {"id", "name", "product"}, tr("this guest"));
    const Product *product = mCatalog.product(g.product);
    if (!product) {
        QStringList ids;
        for (const Product &p : mCatalog.products())
            ids << p.id;
        fail(productMark,
             tr("unknown product %1 (expected one of: %2)").arg(quoted(g.product), ids.join(QStringLiteral(", "))));
    }
    if (!vcpuGiven)
        g.vcpu = product->vcpu;
    if (!memoryGiven)
        g.memoryGb = product->memoryGb;
    mResult.topology.guests.append(std::move(g));
}

void Reader::readGroup(const YAML::Node &node)
{
    requireMap(node, tr("a group"));
    Group g;
    YAML::Mark membersMark;
    QVector<YAML::Mark> memberMarks;
    const KeySet seen = entries(node, [&](const QByteArray &key, const YAML::Node &k, const YAML::Node &v) {
        if (key == "id") {
            g.id = GroupId(id(v, QStringLiteral("id")));
            defineId(g.id.str(), v.Mark());
        } else if (key == "name") {
            g.name = text(v, QStringLiteral("name"));
        } else if (key == "kind") {
            static const std::pair<const char *, GroupKind> kOptions[] = {{"switchover", GroupKind::Switchover},
                                                                          {"pool", GroupKind::Pool}};
            g.kind = choice(v, QStringLiteral("kind"), kOptions);
        } else if (key == "members") {
            g.members = refList<GuestId>(v, QStringLiteral("members"), ObjectKind::Guest);
            membersMark = v.Mark();
            for (const auto &item : v)
                memberMarks.append(item.Mark());
        } else {
            unknownKey(k, v, tr("a group"), g.extras);
        }
    });
    require(node, seen, {"id", "name", "kind", "members"}, tr("this group"));
    mGroupMarks.append(membersMark);
    mMemberMarks.append(memberMarks);
    mResult.topology.groups.append(std::move(g));
}

void Reader::readScenarios(const YAML::Node &node)
{
    requireList(node, QStringLiteral("scenarios"));
    const int list = mNotes.openBlock(CommentCollector::kDocument,
                                      CommentTarget{CommentTarget::Owner::Header, 0, 0, QStringLiteral("scenarios")});
    for (const auto &item : node) {
        count(item);
        const Scope scope = openItem(item, list, CommentTarget::Owner::Scenario,
                                     static_cast<int>(mResult.topology.scenarios.size()), 0);
        requireMap(item, tr("a scenario"));
        Scenario sc;
        const KeySet seen = entries(item, [&](const QByteArray &key, const YAML::Node &k, const YAML::Node &v) {
            if (key == "name") {
                sc.name = text(v, QStringLiteral("name"));
            } else if (key == "fail") {
                requireList(v, QStringLiteral("fail"));
                for (const auto &failed : v) {
                    count(failed);
                    const QString value = id(failed, QStringLiteral("fail"));
                    if (sc.fail.contains(value))
                        fail(failed.Mark(), tr("%1 is listed twice in 'fail'").arg(quoted(value)));
                    sc.fail.append(value);
                    mScenarioRefs.append({value, failed.Mark()});
                }
            } else {
                unknownKey(k, v, tr("a scenario"), sc.extras);
            }
        });
        require(item, seen, {"name", "fail"}, tr("this scenario"));
        mResult.topology.scenarios.append(std::move(sc));
        mScope = scope;
    }
}

void Reader::readWaivers(const YAML::Node &node)
{
    if (node.IsNull())
        return;
    requireList(node, QStringLiteral("waivers"));
    const int list = mNotes.openBlock(CommentCollector::kDocument,
                                      CommentTarget{CommentTarget::Owner::Header, 0, 0, QStringLiteral("waivers")});
    for (const auto &item : node) {
        count(item);
        const int index = static_cast<int>(mResult.topology.waivers.size());
        const Scope scope = openItem(item, list, CommentTarget::Owner::Waiver, index, 0);
        readWaiver(item);
        mScope = scope;
    }
}

void Reader::readWaiver(const YAML::Node &node)
{
    // The rule and the subjects are kept as written: an unknown rule or a
    // subject that does not exist makes the waiver unused, not the file bad.
    requireMap(node, tr("a waiver"));
    Waiver w;
    const KeySet seen = entries(node, [&](const QByteArray &key, const YAML::Node &k, const YAML::Node &v) {
        if (key == "rule") {
            w.rule = text(v, QStringLiteral("rule"));
        } else if (key == "subjects") {
            requireList(v, QStringLiteral("subjects"));
            for (const auto &item : v) {
                count(item);
                w.subjects.append(text(item, QStringLiteral("subjects")));
            }
            if (w.subjects.isEmpty())
                fail(v.Mark(), tr("a waiver's 'subjects' lists the ids of the finding it waives: at least one"));
        } else if (key == "reason") {
            if (v.IsNull() || (v.IsScalar() && QString::fromStdString(v.Scalar()).trimmed().isEmpty()))
                fail(v.IsNull() ? k.Mark() : v.Mark(),
                     tr("a waiver's 'reason' must not be empty: say why the finding is accepted"));
            w.reason = text(v, QStringLiteral("reason"));
        } else {
            unknownKey(k, v, tr("a waiver"), w.extras);
        }
    });
    if (!seen.contains(QByteArrayLiteral("reason")))
        fail(node.Mark(), tr("this waiver has no 'reason' (required: say why the finding is accepted)"));
    require(node, seen, {"rule", "subjects"}, tr("this waiver"));
    mResult.topology.waivers.append(std::move(w));
}

void Reader::readLayout(const YAML::Node &node)
{
    requireMap(node, QStringLiteral("'layout'"));
    const int block = mNotes.openBlock(CommentCollector::kDocument,
                                       CommentTarget{CommentTarget::Owner::Header, 0, 0, QStringLiteral("layout")});
    const Scope saved = mScope;
    mScope.record = false;
    entries(node, [&](const QByteArray &key, const YAML::Node &k, const YAML::Node &v) {
        if (mNotes.active())
            mNotes.place(k.Mark().line, k.Mark().column, block,
                         CommentTarget{CommentTarget::Owner::Layout, static_cast<int>(mResult.topology.layout.size()),
                                       0, QString()});
        LayoutEntry e;
        e.id = QString::fromUtf8(key);
        if (!isValidId(e.id))
            fail(k.Mark(), tr("%1 is not a valid id").arg(quoted(e.id)));
        requireMap(v, tr("a layout position"));
        const KeySet seen = entries(v, [&](const QByteArray &pk, const YAML::Node &pkNode, const YAML::Node &pv) {
            if (pk == "x")
                e.x = number(pv, QStringLiteral("x"));
            else if (pk == "y")
                e.y = number(pv, QStringLiteral("y"));
            else
                unknownKey(pkNode, pv, tr("a layout position"), e.extras);
        });
        require(v, seen, {"x", "y"}, tr("this layout position"));
        mLayoutMarks.append({e.id, k.Mark()});
        mResult.topology.layout.append(std::move(e));
    });
    mScope = saved;
}

void Reader::resolve()
{
    for (const PendingRef &r : mRefs) {
        const auto it = mKinds.constFind(r.id);
        if (it == mKinds.constEnd())
            fail(r.mark, tr("refers to %1 %2, which does not exist").arg(kindName(r.expected), quoted(shorten(r.id))));
        if (it.value() != r.expected)
            fail(r.mark, tr("%1 is a %2, not a %3").arg(quoted(r.id), kindName(it.value()), kindName(r.expected)));
    }
    // A scenario fails hosts, racks and circuits (FORMAT.md "scenarios:").
    for (const auto &[failed, mark] : mScenarioRefs) {
        const auto it = mKinds.constFind(failed);
        if (it == mKinds.constEnd())
            fail(mark, tr("the scenario fails %1, which does not exist").arg(quoted(shorten(failed))));
        if (it.value() != ObjectKind::Host && it.value() != ObjectKind::Rack && it.value() != ObjectKind::Circuit)
            fail(mark, tr("the scenario fails %1, a %2: a scenario fails hosts, racks and circuits")
                           .arg(quoted(failed), kindName(it.value())));
    }
    // Everything an edit must keep too (Invariants: one check for the loader
    // and the document), placed where the file says it: a host's unit, a
    // group's members or the member listed, else the object's id.
    const Topology &t = mResult.topology;
    const QVector<Violation> broken = Invariants::check(t, TopologyIndex(t));
    if (!broken.isEmpty()) {
        const Violation &v = broken.first();
        if (v.kind == ObjectKind::Host && v.key == QLatin1String("unit") && v.pos >= 0)
            fail(mHostUnitMarks.at(v.pos), v.message);
        if (v.kind == ObjectKind::Group && v.key == QLatin1String("members") && v.pos >= 0)
            fail(v.item >= 0 ? mMemberMarks.at(v.pos).at(v.item) : mGroupMarks.at(v.pos), v.message);
        YAML::Mark mark = mIdMarks.value(v.id);
        if (v.header || !mIdMarks.contains(v.id)) {
            mark.line = 0; // the layout as a whole: its first line
            mark.column = 0;
        }
        if (v.header || v.id.isEmpty())
            fail(mark, v.message);
        fail(mark, tr("%1 %2: %3").arg(kindName(v.kind), quoted(v.id), v.message));
    }
    for (const auto &[layoutId, mark] : mLayoutMarks) {
        if (!mKinds.contains(layoutId))
            warn(mark, tr("layout position for %1, which does not exist (kept as it is)").arg(quoted(layoutId)));
    }
}

} // namespace

LoadResult LayoutReader::read(const QByteArray &data, const QString &fileName)
{
    LoadResult result;
    auto setError = [&](int line, int column, const QString &text) {
        Diagnostic d;
        d.file = fileName;
        d.line = line;
        d.column = column;
        d.text = text;
        result.topology = Topology();
        result.lineOfId.clear();
        result.error = d;
    };
    if (data.size() > Limits::kMaxFileBytes) {
        setError(0, 0,
                 tr("the file is %1 MiB, larger than the %2 MiB a layout may have")
                     .arg(data.size() / (1024 * 1024))
                     .arg(Limits::kMaxFileBytes / (1024 * 1024)));
        return result;
    }
    const qsizetype bad = firstBadByte(data);
    if (bad >= 0) {
        const QByteArray before = data.left(bad);
        const int line = static_cast<int>(before.count('\n')) + 1;
        const int column = static_cast<int>(bad - (before.lastIndexOf('\n') + 1)) + 1;
        const unsigned char c = static_cast<unsigned char>(data.at(bad));
        setError(line, column,
                 c == 0     ? tr("the file holds a NUL byte: not a text file")
                 : c < 0x80 ? tr("the file holds control character 0x%1: not a layout text file")
                                  .arg(int(c), 2, 16, QLatin1Char('0'))
                            : tr("the file is not valid UTF-8 text"));
        return result;
    }
    try {
        SourceScan scan = SourceScan::of(data, Limits::kMaxNodes);
        if (scan.nodesLimitLine >= 0) {
            setError(scan.nodesLimitLine + 1, scan.nodesLimitColumn + 1,
                     tr("the file holds more than %1 values; a layout may not be that large").arg(Limits::kMaxNodes));
            return result;
        }
        const std::vector<YAML::Node> documents = YAML::LoadAll(data.toStdString());
        const YAML::Node root = documents.empty() ? YAML::Node() : documents.front();
        const auto extra = std::find_if(documents.begin() + (documents.empty() ? 0 : 1), documents.end(),
                                        [](const YAML::Node &d) { return d.IsDefined() && !d.IsNull(); });
        if (extra != documents.end()) {
            // Point at the '---' that starts the second document.
            YAML::Mark at = extra->Mark();
            const int firstLine = root.Mark().is_null() ? 0 : root.Mark().line;
            for (int marker : scan.documentMarkers) {
                if (marker > firstLine) {
                    at = YAML::Mark();
                    at.line = marker;
                    at.column = 0;
                    break;
                }
            }
            setError(at.is_null() ? 0 : at.line + 1, at.is_null() ? 0 : at.column + 1,
                     tr("a second YAML document starts here: a layout file holds one document "
                        "(remove this '---' and what follows it, or make it a file of its own)"));
            return result;
        }
        if (!root.IsDefined() || root.IsNull()) {
            setError(1, 1, tr("the file is empty: a layout needs 'format', 'name' and 'platform'"));
            return result;
        }
        CommentCollector notes(std::move(scan));
        Reader reader(result, fileName, notes, data);
        reader.read(root);
        notes.attach(result.topology);
    } catch (const Failure &f) {
        setError(f.line, f.column, f.text);
    } catch (const YAML::DeepRecursion &e) {
        setError(e.mark.is_null() ? 0 : e.mark.line + 1, e.mark.is_null() ? 0 : e.mark.column + 1,
                 tr("the file is nested too deeply (more than %1 levels)").arg(Limits::kMaxDepth));
    } catch (const YAML::ParserException &e) {
        // A tab in the indentation is the commonest cause and yaml-cpp does
        // not say so: point at the first one up to the error.
        const int errorLine = e.mark.is_null() ? -1 : e.mark.line;
        const QList<QByteArray> lines = data.split('\n');
        for (int i = 0; i < lines.size() && i <= errorLine; ++i) {
            const QByteArray &l = lines.at(i);
            int k = 0;
            while (k < l.size() && (l.at(k) == ' ' || l.at(k) == '\t')) {
                if (l.at(k) == '\t' && k + 1 < l.size() && l.trimmed().size() > 0 && !l.trimmed().startsWith('#')) {
                    setError(i + 1, k + 1, tr("YAML syntax: a tab in the indentation (YAML indents with spaces only)"));
                    return result;
                }
                ++k;
            }
        }
        const QString what = e.msg.empty() ? tr("YAML syntax error") : QString::fromStdString(e.msg);
        setError(e.mark.is_null() ? 0 : e.mark.line + 1, e.mark.is_null() ? 0 : e.mark.column + 1,
                 tr("YAML syntax: %1").arg(what));
    } catch (const YAML::Exception &e) {
        setError(e.mark.is_null() ? 0 : e.mark.line + 1, e.mark.is_null() ? 0 : e.mark.column + 1,
                 tr("YAML: %1").arg(QString::fromStdString(e.msg)));
    } catch (const std::bad_alloc &) {
        setError(0, 0, tr("the file needs more memory than is available"));
    } catch (const std::exception &e) {
        setError(0, 0, tr("cannot read the file: %1").arg(QString::fromLocal8Bit(e.what())));
    }
    return result;
}

LoadResult LayoutReader::readFile(const QString &path)
{
    QFile file(path);
    LoadResult result;
    auto fail = [&](const QString &text) {
        Diagnostic d;
        d.file = path;
        d.text = text;
        result.error = d;
        return result;
    };
    // Look before opening: opening a FIFO for reading blocks until a writer
    // comes, and a device can be read forever.
    struct stat st;
    const QByteArray native = QFile::encodeName(path);
    if (::stat(native.constData(), &st) != 0) {
        const int err = errno;
        return fail(err == ENOENT ? tr("cannot open: no such file")
                                  : tr("cannot open: %1").arg(QString::fromLocal8Bit(strerror(err))));
    }
    if (S_ISDIR(st.st_mode))
        return fail(tr("is a folder, not a layout file"));
    if (!S_ISREG(st.st_mode))
        return fail(tr("is not a regular file (%1): a layout is read from a file only")
                        .arg(S_ISFIFO(st.st_mode)                         ? tr("a FIFO")
                             : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? tr("a device")
                             : S_ISSOCK(st.st_mode)                       ? tr("a socket")
                                                                          : tr("a special file")));
    if (st.st_size > Limits::kMaxFileBytes)
        return fail(tr("the file is %1 MiB, larger than the %2 MiB a layout may have")
                        .arg(st.st_size / (1024 * 1024))
                        .arg(Limits::kMaxFileBytes / (1024 * 1024)));
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("cannot open: %1").arg(file.errorString()));
    const QByteArray data = file.read(Limits::kMaxFileBytes + 1);
    return read(data, path);
}

} // namespace td
