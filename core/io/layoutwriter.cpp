#include "io/layoutwriter.h"

#include "io/limits.h"
#include "io/names.h"
#include "io/yamltext.h"

#include <QAnyStringView>
#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QStringList>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace td {

namespace {

// The comments of the object being written, and which of them are written
// already: what is left at the object's end (a comment on a key that is no
// longer written) is written there, so that no comment is ever lost.
class Scope
{
public:
    explicit Scope(const Comments &comments) : mComments(comments.isEmpty() ? nullptr : &comments)
    {
        if (mComments)
            mUsed.resize(mComments->notes.size());
    }
    const CommentNote *take(QAnyStringView key)
    {
        if (!mComments)
            return nullptr;
        for (qsizetype i = 0; i < mComments->notes.size(); ++i) {
            if (QAnyStringView(mComments->notes.at(i).key) == key) {
                mUsed[i] = true;
                return &mComments->notes.at(i);
            }
        }
        return nullptr;
    }
    // Notes not taken yet, the object's own ("") last.
    template <typename F>
    void forRest(F f)
    {
        if (!mComments)
            return;
        for (qsizetype i = 0; i < mComments->notes.size(); ++i) {
            if (!mUsed.at(i) && !mComments->notes.at(i).key.isEmpty())
                f(mComments->notes.at(i));
        }
    }

private:
    const Comments *mComments;
    QVector<bool> mUsed;
};

// Builds the file text; one instance per write. A line is written from its
// pieces straight into the UTF-8 buffer: no QString is built per line.
class Out
{
public:
    using Pieces = std::initializer_list<QAnyStringView>;

    void line(int indent, Pieces pieces)
    {
        spaces(indent);
        for (const QAnyStringView &p : pieces)
            p.visit([this](auto v) { put(v); });
        mText.append('\n');
    }
    // Comment lines and blank lines, at indent.
    void lines(int indent, const QStringList &lines)
    {
        for (const QString &l : lines) {
            if (l.isEmpty())
                mText.append('\n');
            else
                line(indent, {l});
        }
    }
    // A line of the pieces, which start with key; its comments around it. A
    // block value (a list or a mapping written below) closes its own
    // comments: see end().
    const CommentNote *keyLine(Scope &scope, int indent, QAnyStringView key, Pieces pieces, bool blockValue = false)
    {
        const CommentNote *note = scope.take(key);
        if (!note) {
            line(indent, pieces);
            return nullptr;
        }
        lines(indent, note->before);
        spaces(indent);
        for (const QAnyStringView &p : pieces)
            p.visit([this](auto v) { put(v); });
        put(QStringView(note->after));
        mText.append('\n');
        if (!blockValue)
            lines(indent, note->end);
        return note;
    }
    void end(int indent, const CommentNote *note)
    {
        if (note)
            lines(indent, note->end);
    }
    void field(Scope &scope, int indent, const char *key, QAnyStringView value)
    {
        keyLine(scope, indent, QLatin1String(key), {QLatin1String(key), u": ", value});
    }
    void text(Scope &scope, int indent, const char *key, const QString &value)
    {
        field(scope, indent, key, yamlScalar(value));
    }
    void number(Scope &scope, int indent, const char *key, int value)
    {
        char digits[16];
        const auto r = std::to_chars(digits, digits + sizeof digits, value);
        field(scope, indent, key, QLatin1String(digits, r.ptr - digits));
    }
    void extras(Scope &scope, int indent, const Extras &extras)
    {
        for (const Extra &e : extras)
            keyLine(scope, indent, e.key, {yamlScalar(e.key), u": ", e.yaml});
    }
    // "- " before the first key of a list item, with the item's comments and the key's.
    void item(Scope &scope, int indent, const char *key, QAnyStringView value)
    {
        const CommentNote *itemNote = scope.take(QStringView());
        const CommentNote *keyNote = scope.take(QLatin1String(key));
        if (itemNote)
            lines(indent, itemNote->before);
        if (keyNote)
            lines(indent, keyNote->before);
        line(indent, {u"- ", QLatin1String(key), u": ", value, itemNote ? QStringView(itemNote->after) : QStringView(),
                      keyNote ? QStringView(keyNote->after) : QStringView()});
        if (keyNote)
            lines(indent + 2, keyNote->end);
    }
    // The end of an object whose keys are at indent: comments on keys that
    // were not written, then the comments closing the object.
    void finish(Scope &scope, int indent, const Comments &comments)
    {
        scope.forRest([&](const CommentNote &n) {
            lines(indent, n.before);
            if (!n.after.isEmpty())
                line(indent, {n.after.trimmed()});
            lines(indent, n.end);
        });
        if (const CommentNote *own = comments.find(QStringView()))
            lines(indent, own->end);
    }
    // A flow list of texts: "[a, b, c]".
    template <typename List, typename F>
    static QString flowList(const List &list, F text)
    {
        QString out;
        out.reserve(2 + list.size() * 8);
        out += QLatin1Char('[');
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (i > 0)
                out += QLatin1String(", ");
            out += text(list.at(i));
        }
        out += QLatin1Char(']');
        return out;
    }
    template <typename IdList>
    static QString idList(const IdList &ids)
    {
        return flowList(ids, [](const auto &id) { return yamlScalar(id.str(), true); });
    }
    QByteArray take() { return std::move(mText); }
    void reserve(qsizetype n) { mText.reserve(n); }

private:
    // UTF-8 of a piece: ASCII is copied as it is, anything else goes
    // through Qt's encoder.
    char *grow(qsizetype n)
    {
        const qsizetype at = mText.size();
        mText.resize(at + n);
        return mText.data() + at;
    }
    void spaces(int n) { std::memset(grow(n), ' ', size_t(n)); }
    void put(QStringView v)
    {
        const qsizetype start = mText.size();
        char *to = grow(v.size());
        for (const QChar c : v) {
            if (c.unicode() >= 0x80) {
                mText.truncate(start);
                mText.append(v.toUtf8());
                return;
            }
            *to++ = char(c.unicode());
        }
    }
    void put(QLatin1String v)
    {
        const qsizetype start = mText.size();
        char *to = grow(v.size());
        for (const char c : v) {
            if (static_cast<unsigned char>(c) >= 0x80) {
                mText.truncate(start);
                mText.append(QString(v).toUtf8());
                return;
            }
            *to++ = c;
        }
    }
    void put(QUtf8StringView v) { mText.append(v.data(), v.size()); }

    QByteArray mText;
};

QString trafficList(TrafficSet set)
{
    QStringList parts;
    for (Traffic t : kAllTraffic) {
        if (set & bit(t))
            parts << Names::traffic(t);
    }
    return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
}

template <typename List, typename F>
void writeList(Out &out, Scope &top, const char *key, const List &list, F writeItem)
{
    if (list.isEmpty()) {
        out.keyLine(top, 0, QLatin1String(key), {QLatin1String(key), u": []"});
        return;
    }
    const CommentNote *note = out.keyLine(top, 0, QLatin1String(key), {QLatin1String(key), u":"}, true);
    for (const auto &item : list) {
        Scope scope(item.comments);
        writeItem(item, scope);
        out.finish(scope, 4, item.comments);
    }
    out.end(2, note);
}

} // namespace

QByteArray LayoutWriter::write(const Topology &t)
{
    Out out;
    out.reserve(256 + t.hosts.size() * 400 + t.guests.size() * 140 + t.groups.size() * 100);
    const Platform &p = t.header.platform;
    Scope top(t.header.comments);
    const CommentNote *file = top.take(QStringView());
    if (file)
        out.lines(0, file->before);
    out.field(top, 0, "format", QStringLiteral("1"));
    out.text(top, 0, "name", t.header.name);
    {
        const CommentNote *note = out.keyLine(top, 0, u"platform", {u"platform:"}, true);
        Scope scope(p.comments);
        out.field(scope, 2, "hypervisor", Names::hypervisor(p.hypervisor));
        out.field(scope, 2, "version", QLatin1Char('"') + p.version + QLatin1Char('"'));
        if (p.hypervisor == Hypervisor::VSphere)
            out.field(scope, 2, "edition", Names::edition(p.edition));
        out.field(scope, 2, "licensing", Names::licensing(p.licensing));
        out.extras(scope, 2, p.extras);
        out.finish(scope, 2, p.comments);
        out.end(2, note);
    }

    writeList(out, top, "circuits", t.circuits, [&](const Circuit &c, Scope &s) {
        out.item(s, 2, "id", yamlScalar(c.id.str()));
        out.text(s, 4, "name", c.name);
        out.extras(s, 4, c.extras);
    });
    writeList(out, top, "racks", t.racks, [&](const Rack &r, Scope &s) {
        out.item(s, 2, "id", yamlScalar(r.id.str()));
        out.text(s, 4, "name", r.name);
        if (!r.circuits.isEmpty())
            out.field(s, 4, "circuits", Out::idList(r.circuits));
        if (r.units > 0)
            out.number(s, 4, "units", r.units);
        out.extras(s, 4, r.extras);
    });
    writeList(out, top, "clusters", t.clusters, [&](const Cluster &c, Scope &s) {
        out.item(s, 2, "id", yamlScalar(c.id.str()));
        out.text(s, 4, "name", c.name);
        if (p.hypervisor == Hypervisor::VSphere || c.drs != DrsLevel::FullyAutomated)
            out.field(s, 4, "drs", Names::drs(c.drs));
        out.field(s, 4, "ha", c.ha ? QStringLiteral("true") : QStringLiteral("false"));
        out.extras(s, 4, c.extras);
    });
    writeList(out, top, "hosts", t.hosts, [&](const Host &h, Scope &s) {
        out.item(s, 2, "id", yamlScalar(h.id.str()));
        out.text(s, 4, "name", h.name);
        if (!h.rack.isNull())
            out.field(s, 4, "rack", yamlScalar(h.rack.str()));
        if (h.unit > 0)
            out.number(s, 4, "unit", h.unit);
        if (h.heightU != 1)
            out.number(s, 4, "height_u", h.heightU);
        if (!h.cluster.isNull())
            out.field(s, 4, "cluster", yamlScalar(h.cluster.str()));
        if (!h.power.isEmpty())
            out.field(s, 4, "power", Out::idList(h.power));
        if (!h.cpuModel.isEmpty())
            out.text(s, 4, "cpu_model", h.cpuModel);
        if (h.cores > 0)
            out.number(s, 4, "cores", h.cores);
        if (h.memoryGb > 0)
            out.number(s, 4, "memory_gb", h.memoryGb);
        if (!h.nics.isEmpty()) {
            const CommentNote *note = out.keyLine(s, 4, u"nics", {u"nics:"}, true);
            for (const Nic &n : h.nics) {
                Scope ns(n.comments);
                out.item(ns, 6, "name", yamlScalar(n.name));
                if (n.gbps > 0)
                    out.number(ns, 8, "gbps", n.gbps);
                out.field(ns, 8, "traffic", trafficList(n.traffic));
                out.extras(ns, 8, n.extras);
                out.finish(ns, 8, n.comments);
            }
            out.end(6, note);
        }
        out.extras(s, 4, h.extras);
    });
    writeList(out, top, "guests", t.guests, [&](const Guest &g, Scope &s) {
        out.item(s, 2, "id", yamlScalar(g.id.str()));
        out.text(s, 4, "name", g.name);
        out.field(s, 4, "product", yamlScalar(g.product));
        if (!g.host.isNull())
            out.field(s, 4, "host", yamlScalar(g.host.str()));
        out.number(s, 4, "vcpu", g.vcpu);
        out.number(s, 4, "memory_gb", g.memoryGb);
        if (g.ft)
            out.field(s, 4, "ft", QStringLiteral("true"));
        if (g.mac != MacMode::Dynamic)
            out.field(s, 4, "mac", Names::mac(g.mac));
        out.extras(s, 4, g.extras);
    });
    writeList(out, top, "groups", t.groups, [&](const Group &g, Scope &s) {
        out.item(s, 2, "id", yamlScalar(g.id.str()));
        out.text(s, 4, "name", g.name);
        out.field(s, 4, "kind", Names::groupKind(g.kind));
        out.field(s, 4, "members", Out::idList(g.members));
        out.extras(s, 4, g.extras);
    });
    // Scenarios: after groups, in document order; left out when there is none.
    if (!t.scenarios.isEmpty()) {
        writeList(out, top, "scenarios", t.scenarios, [&](const Scenario &sc, Scope &s) {
            out.item(s, 2, "name", yamlScalar(sc.name));
            out.field(s, 4, "fail", Out::flowList(sc.fail, [](const QString &id) { return yamlScalar(id, true); }));
            out.extras(s, 4, sc.extras);
        });
    }
    // Waivers: after groups (and scenarios), in document order; left out when there is none.
    if (!t.waivers.isEmpty()) {
        writeList(out, top, "waivers", t.waivers, [&](const Waiver &w, Scope &s) {
            out.item(s, 2, "rule", yamlScalar(w.rule));
            out.field(s, 4, "subjects",
                      Out::flowList(w.subjects, [](const QString &id) { return yamlScalar(id, true); }));
            out.text(s, 4, "reason", w.reason);
            out.extras(s, 4, w.extras);
        });
    }
    if (!t.layout.isEmpty()) {
        const CommentNote *note = out.keyLine(top, 0, u"layout", {u"layout:"}, true);
        for (const LayoutEntry &e : t.layout) {
            QString more;
            for (const Extra &x : e.extras)
                more += QStringLiteral(", ") + yamlScalar(x.key, true) + QStringLiteral(": ") + x.yaml;
            Scope es(e.comments);
            out.keyLine(es, 2, QStringView(),
                        {yamlScalar(e.id), u": {x: ", yamlNumber(e.x), u", y: ", yamlNumber(e.y), more, u"}"});
            out.finish(es, 2, Comments());
        }
        out.end(2, note);
    }
    out.extras(top, 0, t.header.extras);
    out.finish(top, 0, Comments());
    if (file)
        out.lines(0, file->end);
    return out.take();
}

QString LayoutWriter::osErrorText(int errnum)
{
    auto tr = [](const char *text) { return QCoreApplication::translate("td::LayoutWriter", text); };
    switch (errnum) {
    case ENOSPC: return tr("the disk is full");
#ifdef EDQUOT
    case EDQUOT: return tr("the disk quota is exceeded");
#endif
    case EACCES:
    case EPERM: return tr("permission denied");
    case EROFS: return tr("the file system is read-only");
    case ENOENT: return tr("the folder does not exist");
    case ENOTDIR: return tr("a part of the path is not a folder");
    case EISDIR: return tr("it is a folder");
    case EIO: return tr("input/output error (the disk or the network may be failing)");
    case EFBIG: return tr("the file is too large for the file system");
    case ENAMETOOLONG: return tr("the file name is too long");
    case EMFILE:
    case ENFILE: return tr("too many files are open");
    case ETXTBSY:
    case EBUSY: return tr("the file is busy");
    default: break;
    }
    return QString::fromLocal8Bit(strerror(errnum));
}

bool LayoutWriter::writeFile(const Topology &topology, const QString &path, QString *error)
{
    auto tr = [](const char *text) { return QCoreApplication::translate("td::LayoutWriter", text); };
    auto failWith = [&](const QString &text) {
        if (error)
            *error = text;
        return false;
    };
    auto cannotWrite = [&](int errnum, const QFileDevice &file) {
        return failWith(tr("cannot write %1: %2").arg(path, errnum != 0 ? osErrorText(errnum) : file.errorString()));
    };
    const QByteArray data = write(topology);
    if (data.size() > Limits::kMaxFileBytes)
        return failWith(tr("cannot save %1: the layout would take %2 MiB, more than the %3 MiB a "
                           "layout file may have (it could not be opened again); the file is "
                           "left as it was")
                            .arg(path)
                            .arg(double(data.size()) / (1024 * 1024), 0, 'f', 1)
                            .arg(Limits::kMaxFileBytes / (1024 * 1024)));
    const QByteArray native = QFile::encodeName(path);
    struct stat st;
    const bool exists = ::stat(native.constData(), &st) == 0;
    if (exists) {
        if (S_ISDIR(st.st_mode))
            return failWith(tr("cannot write %1: it is a folder").arg(path));
        if (!S_ISREG(st.st_mode))
            return failWith(tr("cannot write %1: it is not a regular file").arg(path));
        // QSaveFile replaces the file through its folder, which would
        // overwrite a read-only file (always, as root): refuse instead.
        if ((st.st_mode & 0222) == 0 || ::access(native.constData(), W_OK) != 0)
            return failWith(tr("%1 is read-only").arg(path));
    }
    QSaveFile file(path);
    errno = 0;
    if (!file.open(QIODevice::WriteOnly))
        return cannotWrite(errno, file);
    if (exists) {
        // The new file takes the old one's mode, and its owner where we may.
        if (::fchmod(file.handle(), st.st_mode & 07777) != 0) {
            const int errnum = errno;
            file.cancelWriting();
            return cannotWrite(errnum, file);
        }
        if (::geteuid() == 0 && ::fchown(file.handle(), st.st_uid, st.st_gid) != 0) {
            const int errnum = errno;
            file.cancelWriting();
            return cannotWrite(errnum, file);
        }
    }
    errno = 0;
    if (file.write(data) != data.size() || !file.flush()) {
        const int errnum = errno;
        file.cancelWriting();
        return cannotWrite(errnum, file);
    }
    errno = 0;
    if (!file.commit())
        return cannotWrite(errno, file);
    return true;
}

} // namespace td
