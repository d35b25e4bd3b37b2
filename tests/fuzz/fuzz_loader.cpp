// libFuzzer target for the layout loader (see CMakeLists.txt for how to run it).
//
// Properties checked for every input:
//  - LayoutReader::read never crashes, hangs or runs out of memory (the
//    sanitizers, -timeout and -rss_limit_mb catch those);
//  - a refused input gets an error with a place (line, column >= 0) and a text;
//  - an accepted input round-trips: write, read back (must load), write again
//    (must give the same bytes).
//
// No QCoreApplication is needed: the built-in catalog is read from a Qt
// resource with QFile, which works without an application object.

#include "io/layoutreader.h"
#include "io/layoutwriter.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>

namespace {

void dump(const char *title, const QByteArray &bytes)
{
    std::fprintf(stderr, "---- %s (%lld bytes) ----\n%.*s\n---- end ----\n", title,
                 static_cast<long long>(bytes.size()), static_cast<int>(bytes.size()), bytes.constData());
}

[[noreturn]] void failed(const char *what)
{
    std::fprintf(stderr, "fuzz_loader: %s\n", what);
    std::fflush(stderr);
    __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // A copy, as QFile::readAll would give (size-aware, NUL-terminated).
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const td::LoadResult first = td::LayoutReader::read(input, QStringLiteral("fuzz.topo.yaml"));
    if (!first.ok()) {
        const td::Diagnostic &e = *first.error;
        if (e.line < 0 || e.column < 0 || e.text.trimmed().isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(e.toString()));
            failed("an error without a place or a text");
        }
        return 0;
    }

    const QByteArray written = td::LayoutWriter::write(first.topology);
    const td::LoadResult second = td::LayoutReader::read(written, QStringLiteral("written.topo.yaml"));
    if (!second.ok()) {
        dump("written", written);
        std::fprintf(stderr, "%s\n", qPrintable(second.error->toString()));
        failed("what the writer wrote does not load");
    }
    const QByteArray rewritten = td::LayoutWriter::write(second.topology);
    if (rewritten != written) {
        dump("written", written);
        dump("rewritten", rewritten);
        failed("writing what was read back gives different bytes");
    }
    return 0;
}
