// Failure analysis benchmark at the reference scale "L" of DESIGN.md: prints
// the cost of building the analysis, the full N-1 (every host, rack and
// circuit), one what-if scenario, and the worst 20 of every single and double
// failure. Not a pass/fail test: the machines are shared and noisy; read the
// figures. Run: build/tests/bench/bench_analysis [runs]
#include "analysis/failureanalysis.h"
#include "benchutil.h"
#include "topologygenerator.h"

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

    const Topology topology = test::generateTopology(test::GeneratorParams::large(), 42);
    const TopologyIndex index(topology);
    std::printf("layout L: %lld hosts, %lld racks, %lld circuits (%lld elements), %lld guests, %lld groups\n",
                static_cast<long long>(topology.hosts.size()), static_cast<long long>(topology.racks.size()),
                static_cast<long long>(topology.circuits.size()),
                static_cast<long long>(topology.hosts.size() + topology.racks.size() + topology.circuits.size()),
                static_cast<long long>(topology.guests.size()), static_cast<long long>(topology.groups.size()));

    const auto build = median(std::max(runs, 10), [&] { FailureAnalysis fa(topology, index); });
    std::printf("build the analysis (precompute): %.2f ms (cpu %.2f ms)\n", build.wallMs, build.cpuMs);

    const FailureAnalysis fa(topology, index);
    QVector<ScenarioResult> singles;
    const auto n1 = median(std::max(runs, 10), [&] {
        const FailureAnalysis analysis(topology, index);
        singles = analysis.singleFailures();
    });
    int withGroupDown = 0;
    for (const ScenarioResult &s : singles)
        withGroupDown += s.groupsDown.isEmpty() ? 0 : 1;
    std::printf("full N-1 (build + %lld scenarios): %.2f ms (cpu %.2f ms, goal <= 30 ms), %d with a group down\n",
                static_cast<long long>(singles.size()), n1.wallMs, n1.cpuMs, withGroupDown);

    const QStringList racks{topology.racks.at(0).id.str(), topology.racks.at(1).id.str()};
    const auto one = median(std::max(runs, 10), [&] { (void)fa.run(racks); });
    std::printf("one what-if scenario (two racks down): %.3f ms (cpu %.3f ms)\n", one.wallMs, one.cpuMs);

    QVector<ScenarioResult> worst;
    const auto w = median(runs, [&] { worst = fa.worst(20, 2); });
    std::printf("--worst 20 --depth 2 over %lld scenarios: %.0f ms (cpu %.0f ms, goal <= 2000 ms)\n",
                static_cast<long long>(fa.scenarioCount(2)), w.wallMs, w.cpuMs);
    if (!worst.isEmpty())
        std::printf("worst: %s (%lld groups down, %lld stay down, %lld guests down)\n",
                    qPrintable(worst.first().fail.join(QLatin1Char('+'))),
                    static_cast<long long>(worst.first().groupsDown.size()),
                    static_cast<long long>(worst.first().stayDown.size()),
                    static_cast<long long>(worst.first().guestsDown.size()));
    const auto w1 = median(runs, [&] { worst = fa.worst(20, 1); });
    std::printf("--worst 20 --depth 1: %.1f ms (cpu %.1f ms)\n", w1.wallMs, w1.cpuMs);
    return worst.isEmpty() ? 1 : 0;
}
