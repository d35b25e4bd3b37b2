// Export benchmark at the reference scale "L" of DESIGN.md: prints the load
// time of the L layout, each rule format's export time (the ApartSets
// derivation included) and its ratio to the load (goal <= 20%). Not a
// pass/fail test: the machines are shared and noisy; read the figures.
#include "benchutil.h"
#include "export/apartsets.h"
#include "export/exporter.h"
#include "io/layoutreader.h"
#include "io/layoutwriter.h"
#include "topologygenerator.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace td;
using namespace td::bench;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 5;
    bool ok = true;
    for (const Hypervisor hv : {Hypervisor::VSphere, Hypervisor::HyperV}) {
        test::GeneratorParams params = test::GeneratorParams::large();
        params.hypervisor = hv;
        const QByteArray file = LayoutWriter::write(test::generateTopology(params, 42));
        LoadResult loaded;
        const double load = medianWallMs(runs, [&] { loaded = LayoutReader::read(file, QStringLiteral("L")); });
        if (!loaded.ok()) {
            std::printf("the L layout does not load: %s\n", qPrintable(loaded.error->toString()));
            return 1;
        }
        const Topology &t = loaded.topology;
        std::printf("layout L (%s): %lld clusters, %lld hosts, %lld guests, %lld groups, %.2f MiB; load %.1f ms\n",
                    hv == Hypervisor::VSphere ? "vSphere" : "Hyper-V 2022", static_cast<long long>(t.clusters.size()),
                    static_cast<long long>(t.hosts.size()), static_cast<long long>(t.guests.size()),
                    static_cast<long long>(t.groups.size()), file.size() / 1048576.0, load);
        ApartSets sets;
        const double derive = medianWallMs(runs, [&] { sets = ApartSets::derive(t); });
        int apart = 0, pairs = 0, overrides = 0;
        for (const ClusterRules &c : sets.clusters()) {
            apart += static_cast<int>(c.apart.size());
            pairs += static_cast<int>(c.pairs.size());
            overrides += static_cast<int>(c.overrides.size());
        }
        std::printf("  apart-sets derived: %.2f ms (%d apart-sets, %d pinned pairs, %d overrides, %lld notes)\n",
                    derive, apart, pairs, overrides, static_cast<long long>(sets.allNotes().size()));
        for (const Exporter *e : ExporterRegistry::instance().all()) {
            if (e->category() != QLatin1String("rules"))
                continue;
            QByteArray out;
            bool written = false;
            const double time = medianWallMs(runs, [&] {
                out.clear();
                QBuffer buffer(&out);
                buffer.open(QIODevice::WriteOnly);
                QStringList notes;
                written = e->write(ExportInput{t, QStringLiteral("L.topo.yaml"), {}}, buffer, &notes, nullptr);
            });
            if (!written)
                continue; // the other platform's format
            std::printf("  %-10s %8.1f ms = %5.1f%% of the load (goal <= 20%%), %.2f MiB\n", qPrintable(e->name()),
                        time, 100.0 * time / load, out.size() / 1048576.0);
            ok = ok && !out.isEmpty();
        }
    }
    return ok ? 0 : 1;
}
