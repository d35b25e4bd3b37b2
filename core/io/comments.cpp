#include "io/comments.h"

#include <QSet>

#include <algorithm>
#include <cstring>

namespace td {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

// The text of a comment: from its '#' to the end of the line, without the
// spaces at the end.
QString commentText(const char *begin, const char *end)
{
    while (end > begin && (isSpace(end[-1]) || end[-1] == '\r'))
        --end;
    return QString::fromUtf8(begin, end - begin);
}

} // namespace

SourceScan SourceScan::of(const QByteArray &data, qint64 maxNodes)
{
    SourceScan scan;
    enum class Quote { None, Single, Double };
    Quote quote = Quote::None;
    int flow = 0;             // depth of [ and {
    bool blockScalar = false; // inside a | or > scalar
    int blockParent = 0;      // its content is indented deeper than this
    const char *p = data.constData();
    const char *const dataEnd = p + data.size();
    if (data.startsWith("\xEF\xBB\xBF"))
        p += 3;
    int lineNo = 0;
    for (;; ++lineNo) {
        const char *lineEnd = static_cast<const char *>(memchr(p, '\n', dataEnd - p));
        if (!lineEnd)
            lineEnd = dataEnd;
        const char *end = lineEnd;
        if (end > p && end[-1] == '\r')
            --end;
        const char *next = lineEnd == dataEnd ? dataEnd : lineEnd + 1;
        int indent = 0;
        while (p + indent < end && p[indent] == ' ')
            ++indent;
        const bool blank = p + indent == end || std::all_of(p + indent, end, [](char c) { return isSpace(c); });
        if (blockScalar) {
            if (blank || indent > blockParent) {
                if (lineEnd == dataEnd)
                    break;
                p = next;
                continue;
            }
            blockScalar = false;
        }
        int pos = 0;
        const int length = static_cast<int>(end - p);
        if (quote == Quote::None) {
            if (blank) {
                if (flow == 0 && lineEnd != dataEnd) {
                    if (!scan.lines.isEmpty() && scan.lines.last().kind == ScannedLine::Kind::Blank
                        && scan.lines.last().line == lineNo - 1)
                        scan.lines.last().line = lineNo; // one entry for a run
                    else
                        scan.lines.append(ScannedLine{lineNo, ScannedLine::Kind::Blank, 0, {}, {}, false, lineNo});
                }
                if (lineEnd == dataEnd)
                    break;
                p = next;
                continue;
            }
            if (p[indent] == '#') {
                if (++scan.nodes > maxNodes) {
                    scan.nodesLimitLine = lineNo;
                    scan.nodesLimitColumn = indent;
                    return scan;
                }
                scan.lines.append(ScannedLine{
                    lineNo, ScannedLine::Kind::Comment, indent, commentText(p + indent, end), {}, flow > 0, lineNo});
                if (lineEnd == dataEnd)
                    break;
                p = next;
                continue;
            }
            if (indent == 0 && p[0] == '%') { // a directive, perhaps with a comment
                for (int k = 1; k + 1 < length; ++k) {
                    if (isSpace(p[k]) && p[k + 1] == '#') {
                        int gapStart = k;
                        while (gapStart > 0 && isSpace(p[gapStart - 1]))
                            --gapStart;
                        scan.lines.append(
                            ScannedLine{lineNo, ScannedLine::Kind::EndOfLine, k + 1, commentText(p + k + 1, end),
                                        QString::fromLatin1(p + gapStart, k + 1 - gapStart), false, lineNo});
                        break;
                    }
                }
                if (lineEnd == dataEnd)
                    break;
                p = next;
                continue;
            }
            if (indent == 0 && length >= 3 && (memcmp(p, "---", 3) == 0 || memcmp(p, "...", 3) == 0)
                && (length == 3 || isSpace(p[3]))) {
                (p[0] == '-' ? scan.documentMarkers : scan.documentEnds).append(lineNo);
                pos = 3;
                flow = 0;
            } else {
                pos = indent;
            }
        }
        bool tokenStart = quote == Quote::None;
        int tokenColumn = pos;
        int parentColumn = indent;
        while (pos < length) {
            const char c = p[pos];
            if (quote == Quote::Double) {
                if (c == '\\')
                    pos += 2;
                else {
                    if (c == '"')
                        quote = Quote::None;
                    ++pos;
                }
                continue;
            }
            if (quote == Quote::Single) {
                if (c == '\'') {
                    if (pos + 1 < length && p[pos + 1] == '\'') {
                        pos += 2;
                        continue;
                    }
                    quote = Quote::None;
                }
                ++pos;
                continue;
            }
            if (isSpace(c)) {
                ++pos;
                continue;
            }
            if (c == '#' && (pos == 0 || isSpace(p[pos - 1]))) {
                int gapStart = pos;
                while (gapStart > 0 && isSpace(p[gapStart - 1]))
                    --gapStart;
                scan.lines.append(ScannedLine{lineNo, ScannedLine::Kind::EndOfLine, pos, commentText(p + pos, end),
                                              QString::fromLatin1(p + gapStart, pos - gapStart), flow > 0, lineNo});
                break;
            }
            const bool separated = pos + 1 >= length || isSpace(p[pos + 1]);
            if (flow > 0 && (c == ',' || c == '[' || c == '{' || c == ']' || c == '}')) {
                if (c == '[' || c == '{') {
                    ++flow;
                    ++scan.nodes;
                } else if (c != ',')
                    --flow;
                tokenStart = true;
                ++pos;
                continue;
            }
            if (tokenStart) {
                if (++scan.nodes > maxNodes) {
                    scan.nodesLimitLine = lineNo;
                    scan.nodesLimitColumn = pos;
                    return scan;
                }
                if (c == '"' || c == '\'') {
                    quote = c == '"' ? Quote::Double : Quote::Single;
                    tokenStart = false;
                    tokenColumn = pos;
                    ++pos;
                    continue;
                }
                if (flow == 0 && (c == '|' || c == '>')) {
                    blockScalar = true;
                    blockParent = parentColumn;
                    // Skip the indicators; a comment may follow.
                    while (pos < length && !isSpace(p[pos]))
                        ++pos;
                    tokenStart = false;
                    continue;
                }
                if (c == '[' || c == '{') {
                    ++flow;
                    ++pos;
                    continue;
                }
                if ((c == '-' || c == '?' || c == ':') && separated) {
                    if (c == '-')
                        parentColumn = pos;
                    ++pos;
                    continue;
                }
                if (c == '&' || c == '!') { // an anchor or a tag: the value follows
                    while (pos < length && !isSpace(p[pos])
                           && !(flow > 0 && (p[pos] == ',' || p[pos] == ']' || p[pos] == '}')))
                        ++pos;
                    continue;
                }
                tokenStart = false;
                tokenColumn = pos;
                ++pos;
                continue;
            }
            if (c == ':' && (separated || (flow > 0 && pos + 1 < length && strchr(",[]{}", p[pos + 1])))) {
                parentColumn = tokenColumn;
                tokenStart = true;
                ++pos;
                continue;
            }
            ++pos;
        }
        if (lineEnd == dataEnd)
            break;
        p = next;
    }
    return scan;
}

CommentCollector::CommentCollector(SourceScan scan) : mScan(std::move(scan)), mActive(!mScan.lines.isEmpty())
{
    mBlocks.append(Block{-1, 0, CommentTarget{CommentTarget::Owner::Header, 0, 0, QString()}});
}

int CommentCollector::openBlock(int parent, const CommentTarget &end)
{
    if (!mActive)
        return kDocument;
    mBlocks.append(Block{parent, -1, end});
    return static_cast<int>(mBlocks.size() - 1);
}

void CommentCollector::place(int line, int column, int block, const CommentTarget &target)
{
    if (!mActive)
        return;
    if (mBlocks[block].column < 0)
        mBlocks[block].column = column;
    mPlaces.append(Place{line, column, block, target});
}

namespace {

Comments &commentsOf(Topology &t, const CommentTarget &target)
{
    using Owner = CommentTarget::Owner;
    switch (target.owner) {
    case Owner::Header: return t.header.comments;
    case Owner::Platform: return t.header.platform.comments;
    case Owner::Circuit: return t.circuits[target.index].comments;
    case Owner::Rack: return t.racks[target.index].comments;
    case Owner::Cluster: return t.clusters[target.index].comments;
    case Owner::Host: return t.hosts[target.index].comments;
    case Owner::Nic: return t.hosts[target.index].nics[target.sub].comments;
    case Owner::Guest: return t.guests[target.index].comments;
    case Owner::Group: return t.groups[target.index].comments;
    case Owner::Layout: return t.layout[target.index].comments;
    case Owner::Scenario: return t.scenarios[target.index].comments;
    case Owner::Waiver: return t.waivers[target.index].comments;
    }
    return t.header.comments;
}

// Appends a line, keeping at most one blank line in a row.
void addLine(QStringList &lines, const QString &line)
{
    if (line.isEmpty() && !lines.isEmpty() && lines.last().isEmpty())
        return;
    lines.append(line);
}

void addAfter(CommentNote &note, const ScannedLine &s)
{
    if (note.after.isEmpty())
        note.after = (s.gap.isEmpty() ? QStringLiteral(" ") : s.gap) + s.text;
    else
        note.after += QLatin1Char(' ') + s.text;
}

} // namespace

void CommentCollector::attach(Topology &topology) const
{
    if (!mActive)
        return;
    // Places in file order; for one line, the list item before its first key.
    QVector<Place> places = mPlaces;
    std::stable_sort(places.begin(), places.end(), [](const Place &a, const Place &b) { return a.line < b.line; });
    // A place reached twice (through an alias) counts once.
    {
        QSet<qint64> seen;
        QVector<Place> unique;
        unique.reserve(places.size());
        for (const Place &pl : places) {
            const qint64 k = (qint64(pl.line) << 32) | quint32(pl.column);
            if (!seen.contains(k)) {
                seen.insert(k);
                unique.append(pl);
            }
        }
        places = std::move(unique);
    }
    const CommentTarget fileTarget{CommentTarget::Owner::Header, 0, 0, QString()};
    auto noteOf = [&](const CommentTarget &target) -> CommentNote & {
        return commentsOf(topology, target).note(target.key);
    };
    // The index of the first place on a line after `line`.
    auto firstAfter = [&](int line) {
        return static_cast<int>(
            std::upper_bound(places.cbegin(), places.cend(), line, [](int l, const Place &pl) { return l < pl.line; })
            - places.cbegin());
    };
    auto chain = [&](int block) {
        QVector<int> out;
        for (; block >= 0; block = mBlocks.at(block).parent)
            out.append(block);
        return out;
    };

    const QVector<ScannedLine> &lines = mScan.lines;
    for (int i = 0; i < lines.size();) {
        const ScannedLine &s = lines.at(i);
        if (s.kind == ScannedLine::Kind::EndOfLine) {
            // The last key on its line, else the key whose value the line continues.
            const int after = firstAfter(s.line);
            if (after > 0)
                addAfter(noteOf(places.at(after - 1).target), s);
            else
                addLine(noteOf(fileTarget).before, s.text);
            ++i;
            continue;
        }
        // A run of blank and full-line comment lines with nothing between.
        int j = i + 1;
        while (j < lines.size() && lines.at(j).kind != ScannedLine::Kind::EndOfLine
               && lines.at(j).firstLine == lines.at(j - 1).line + 1)
            ++j;
        const int lastLine = lines.at(j - 1).line;
        const int nextIndex = firstAfter(lastLine);
        const Place *next = nextIndex < places.size() ? &places.at(nextIndex) : nullptr;
        const Place *prev = nextIndex > 0 ? &places.at(nextIndex - 1) : nullptr;
        // Blank lines count only where a key or an item follows them (not
        // inside a text that runs over several lines).
        const bool keepBlanks = next && next->line == lastLine + 1;
        if (!prev) {
            // The top of the file.
            QStringList &before = noteOf(fileTarget).before;
            for (int k = i; k < j; ++k) {
                if (lines.at(k).kind == ScannedLine::Kind::Comment)
                    addLine(before, lines.at(k).text);
                else if (keepBlanks && !before.isEmpty())
                    addLine(before, QString());
            }
            i = j;
            continue;
        }
        // Blocks that end between prev and next, innermost first.
        QVector<int> closing = chain(prev->block);
        if (next) {
            const QVector<int> open = chain(next->block);
            closing.erase(std::remove_if(closing.begin(), closing.end(), [&](int b) { return open.contains(b); }),
                          closing.end());
        }
        QStringList lead;
        QStringList *target = nullptr; // the end of a closing block, while comments close blocks
        int closingAt = 0;             // comments may only close this block or outer ones
        int blanks = 0;
        for (int k = i; k < j; ++k) {
            const ScannedLine &c = lines.at(k);
            if (c.kind == ScannedLine::Kind::Blank) {
                ++blanks;
                continue;
            }
            if (c.inFlow) {
                addAfter(noteOf(prev->target), c);
                blanks = 0;
                continue;
            }
            QStringList *into = &lead;
            if (target != &lead && (!next || c.column > next->column)) {
                for (int b = closingAt; b < closing.size(); ++b) {
                    const Block &block = mBlocks.at(closing.at(b));
                    if (block.column >= 0 && block.column <= c.column) {
                        into = &noteOf(block.end).end;
                        closingAt = b;
                        break;
                    }
                }
            }
            if (into == &lead)
                target = &lead;
            if (blanks > 0)
                addLine(*into, QString());
            blanks = 0;
            addLine(*into, c.text);
        }
        if (blanks > 0 && keepBlanks)
            addLine(lead, QString());
        if (!lead.isEmpty()) {
            if (next) {
                QStringList &before = noteOf(next->target).before;
                for (const QString &l : lead)
                    addLine(before, l);
            } else {
                QStringList &end = noteOf(fileTarget).end;
                for (const QString &l : lead)
                    addLine(end, l);
                while (!end.isEmpty() && end.last().isEmpty())
                    end.removeLast();
            }
        }
        i = j;
    }
}

} // namespace td
