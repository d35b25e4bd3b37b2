// Failure analysis benchmark at the reference scale "L" of DESIGN.md: prints
// the cost of building the analysis, the full N-1 (every host, rack and
// circuit), one what-if scenario, and the worst 20 of every single and double
// failure. Not a pass/fail test: the machines are shared and noisy; read the
// figures. Run: build/tests/bench/bench_analysis [runs]
#include "analysis/failureanalysis.h"
#include "topologygenerator.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>

using namespace td;

namespace {

double ms(qint64 ns)
{
    return static_cast<double>(ns) / 1e6;
}

// CPU time of this process, in ms (the machine is shared: wall time lies).
double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Median wall time of `runs` calls, in ms, and the median CPU time.
std::pair<double, double> median(int runs, const std::function<void()> &work)
{
    QVector<double> wall;
    QVector<double> cpu;
    for (int i = 0; i < runs; ++i) {
        const double c0 = cpuMs();
        QElapsedTimer t;
        t.start();
        work();
        wall.append(ms(t.nsecsElapsed()));
        cpu.append(cpuMs() - c0);
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    return {wall.at(wall.size() / 2), cpu.at(cpu.size() / 2)};
}

} // namespace

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
    std::printf("build the analysis (precompute): %.2f ms (cpu %.2f ms)\n", build.first, build.second);

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
                static_cast<long long>(singles.size()), n1.first, n1.second, withGroupDown);

    const QStringList racks{topology.racks.at(0).id.str(), topology.racks.at(1).id.str()};
    const auto one = median(std::max(runs, 10), [&] { (void)fa.run(racks); });
    std::printf("one what-if scenario (two racks down): %.3f ms (cpu %.3f ms)\n", one.first, one.second);

    QVector<ScenarioResult> worst;
    const auto w = median(runs, [&] { worst = fa.worst(20, 2); });
    std::printf("--worst 20 --depth 2 over %lld scenarios: %.0f ms (cpu %.0f ms, goal <= 2000 ms)\n",
                static_cast<long long>(fa.scenarioCount(2)), w.first, w.second);
    if (!worst.isEmpty())
        std::printf("worst: %s (%lld groups down, %lld stay down, %lld guests down)\n",
                    qPrintable(worst.first().fail.join(QLatin1Char('+'))),
                    static_cast<long long>(worst.first().groupsDown.size()),
                    static_cast<long long>(worst.first().stayDown.size()),
                    static_cast<long long>(worst.first().guestsDown.size()));
    const auto w1 = median(runs, [&] { worst = fa.worst(20, 1); });
    std::printf("--worst 20 --depth 1: %.1f ms (cpu %.1f ms)\n", w1.first, w1.second);
    return worst.isEmpty() ? 1 : 0;
}
