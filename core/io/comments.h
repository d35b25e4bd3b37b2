#pragma once

#include "model/topology.h"

#include <QByteArray>
#include <QString>
#include <QVector>

#include <limits>

namespace td {

// A line of a layout file that is blank or holds a comment, as the reader's
// comment scanner found it (yaml-cpp drops comments, so they are found in
// the text: quoted scalars, block scalars and '#' inside text are skipped).
struct ScannedLine
{
    enum class Kind { Blank, Comment, EndOfLine };
    int line = 0; // 0-based, like yaml-cpp's marks
    Kind kind = Kind::Blank;
    int column = 0;      // of the '#'
    QString text;        // from the '#', trailing spaces removed
    QString gap;         // EndOfLine: the spaces between the value and the '#'
    bool inFlow = false; // inside a [...] or {...} that spans lines
    int firstLine = -1;  // a run of blank lines is one entry, from firstLine to line
};

// Every blank and comment line of a file, and where document markers are.
struct SourceScan
{
    QVector<ScannedLine> lines;   // in line order
    QVector<int> documentMarkers; // 0-based lines of '---' outside any scalar
    QVector<int> documentEnds;    // 0-based lines of '...' outside any scalar
    qint64 nodes = 0;             // scalars, collections, list items and comments written (aliases not expanded)
    int nodesLimitLine = -1;      // 0-based line where nodes passed the limit given; -1 if not
    int nodesLimitColumn = -1;

    // Stops counting nodes (and scanning) once they pass maxNodes. A comment
    // line counts as a node (it costs as much memory).
    static SourceScan of(const QByteArray &data, qint64 maxNodes = std::numeric_limits<qint64>::max());
};

// Whose comments a place in the file belongs to: the object is found by
// its list and index once the whole file is read.
struct CommentTarget
{
    enum class Owner : quint8 {
        Header,
        Platform,
        Circuit,
        Rack,
        Cluster,
        Host,
        Nic,
        Guest,
        Group,
        Layout,
        Scenario,
        Waiver
    };
    Owner owner = Owner::Header;
    int index = 0; // in its list (the host's index for a NIC)
    int sub = 0;   // the NIC's index in its host
    QString key;   // "" = the object itself
};

// Collects where every key and list item of the file is while the reader
// reads it, then attaches each comment and blank line to what it
// annotates: full-line comments (and the blank lines among them) lead the
// next key or list item; an end-of-line comment trails the key on its line;
// comments indented deeper than what follows them close the block they are
// indented in (an object, a list, the file).
class CommentCollector final
{
public:
    explicit CommentCollector(SourceScan scan);

    // False when the file has no comment and no blank line: then nothing
    // needs to be recorded.
    bool active() const { return mActive; }

    static constexpr int kDocument = 0;
    // A block (list or mapping) inside parent; its end comments go to end.key's
    // `end` (with key "" for an object's own block). Its column is the column
    // of the first key or item recorded in it.
    int openBlock(int parent, const CommentTarget &end);
    // A key, or a list item (key ""), at line and column (0-based), in block.
    void place(int line, int column, int block, const CommentTarget &target);

    void attach(Topology &topology) const;

private:
    struct Block
    {
        int parent = -1;
        int column = -1;
        CommentTarget end;
    };
    struct Place
    {
        int line = 0;
        int column = 0;
        int block = 0;
        CommentTarget target;
    };
    SourceScan mScan;
    bool mActive = false;
    QVector<Block> mBlocks;
    QVector<Place> mPlaces;
};

} // namespace td
