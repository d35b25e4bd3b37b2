// Core benchmark at the reference scale "L" of DESIGN.md: prints load (and the
// raw yaml-cpp parse of the same file), save, full validation, live
// revalidation after one guest move, and peak memory. Not a pass/fail test:
// the machines are shared and noisy; read the figures.
#include "benchutil.h"
#include "changebuilder.h"
#include "document.h"
#include "invariants.h"
#include "io/layoutreader.h"
#include "io/layoutwriter.h"
#include "rules/validator.h"
#include "topologygenerator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace td;
using namespace td::bench;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 5;

    QElapsedTimer gen;
    gen.start();
    const Topology topology = test::generateTopology(test::GeneratorParams::large(), 42);
    std::printf("layout L: %lld clusters, %lld hosts, %lld racks, %lld circuits, %lld guests, %lld groups (generated "
                "in %.0f ms)\n",
                static_cast<long long>(topology.clusters.size()), static_cast<long long>(topology.hosts.size()),
                static_cast<long long>(topology.racks.size()), static_cast<long long>(topology.circuits.size()),
                static_cast<long long>(topology.guests.size()), static_cast<long long>(topology.groups.size()),
                ms(gen.nsecsElapsed()));

    QByteArray file;
    const double save = medianWallMs(runs, [&] { file = LayoutWriter::write(topology); });
    // bench_core RUNS FILE: also keep the L layout, e.g. to open it in the designer.
    if (argc > 2) {
        QString error;
        if (!LayoutWriter::writeFile(topology, QString::fromLocal8Bit(argv[2]), &error))
            std::printf("cannot write %s: %s\n", argv[2], qPrintable(error));
    }
    // What Save does: the text, then an atomic replace of the file on disk.
    QTemporaryDir dir;
    const QString savedPath = dir.filePath(QStringLiteral("L.topo.yaml"));
    QString saveError;
    bool savedOk = true;
    const double saveFile = medianWallMs(runs, [&] {
        savedOk = LayoutWriter::writeFile(topology, savedPath, &saveError) && savedOk;
    });
    const QByteArray again = LayoutWriter::write(LayoutReader::read(file, QStringLiteral("L")).topology);
    std::printf("file size: %.2f MiB\n", file.size() / 1048576.0);
    std::printf("save: %.1f ms (goal <= 50 ms), re-save byte-identical: %s\n", save, again == file ? "yes" : "NO");
    std::printf("save to a file (atomic replace): %.1f ms (goal <= 50 ms)%s\n", saveFile,
                savedOk ? "" : qPrintable(QStringLiteral(", FAILED: ") + saveError));

    const std::string text = file.toStdString();
    const double parse = medianWallMs(runs, [&] { YAML::Node n = YAML::Load(text); });
    LoadResult loaded;
    const double load = medianWallMs(runs, [&] { loaded = LayoutReader::read(file, QStringLiteral("L")); });
    std::printf("yaml-cpp parse alone: %.1f ms\n", parse);
    std::printf("load: %.1f ms = %.2f x the raw parse (goal <= 1.3 x), ok: %s\n", load, load / parse,
                loaded.ok() ? "yes" : "NO");

    const TopologyIndex index(topology);
    Validator validator;
    const double full = medianWallMs(std::max(runs, 10), [&] { validator.run(topology, index); });
    std::printf("full validation: %.2f ms (goal <= 10 ms), %lld findings (%d errors, %d warnings, %d info)\n", full,
                static_cast<long long>(validator.findings().size()), validator.count(Severity::Error),
                validator.count(Severity::Warning), validator.count(Severity::Info));

    // What loading a file costs: a new validator (nothing kept from a run
    // before) and the findings in their order, as the window shows them.
    const double fresh = medianWallMs(std::max(runs, 10), [&] {
        Validator v;
        v.run(topology, index);
        v.findings();
    });
    std::printf("full validation by a new validator, with its sorted findings: %.2f ms\n", fresh);

    QVector<Violation> broken;
    const double invariants = medianWallMs(std::max(runs, 10), [&] { broken = Invariants::check(topology, index); });
    std::printf("invariants, whole layout (what a load checks; an edit checks only what it touches): %.2f ms, %lld "
                "broken\n",
                invariants, static_cast<long long>(broken.size()));

    Document doc(topology);
    test::Random rnd(7);
    QVector<qint64> moves;
    for (int i = 0; i < 1000; ++i) {
        const Guest &g = doc.topology().guests.at(rnd.below(static_cast<int>(doc.topology().guests.size())));
        const HostId to = doc.topology().hosts.at(rnd.below(static_cast<int>(doc.topology().hosts.size()))).id;
        const Change change = ChangeBuilder(doc.topology(), doc.index()).moveGuest(g.id, to);
        QElapsedTimer t;
        t.start();
        doc.apply(change);
        moves.append(t.nsecsElapsed());
    }
    std::sort(moves.begin(), moves.end());
    std::printf("live revalidation after one guest move (1000 moves): median %.3f ms, p99 %.3f ms, max %.3f ms "
                "(goal p99 <= 0.5 ms)\n",
                ms(moves.at(500)), ms(moves.at(989)), ms(moves.last()));
    const bool same = doc.findings() == Validator::validate(doc.topology());
    std::printf("incremental findings equal a full run after the moves: %s\n", same ? "yes" : "NO");
    std::printf("peak memory (RSS): %ld MB\n", peakRssMb());
    return same && loaded.ok() && again == file ? 0 : 1;
}
