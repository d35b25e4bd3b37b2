#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QVector>

#include <algorithm>
#include <ctime>
#include <functional>
#include <sys/resource.h>

namespace td::bench {

// What the benchmarks share to measure: times in ms, the process's CPU time
// (the machine is shared: wall time alone misleads) and its peak memory.

inline double ms(qint64 ns)
{
    return static_cast<double>(ns) / 1e6;
}

// CPU time of this process, every thread, in ns.
inline qint64 cpuNs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<qint64>(now.tv_sec) * 1000000000 + now.tv_nsec;
}

inline double cpuMs()
{
    return ms(cpuNs());
}

// Peak resident memory in MB: VmHWM, else getrusage.
inline long peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').first().toLong() / 1024;
        }
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

// The median wall and CPU times of `runs` calls, in ms.
struct Median
{
    double wallMs = 0;
    double cpuMs = 0;
};
inline Median median(int runs, const std::function<void()> &work)
{
    QVector<double> wall;
    QVector<double> cpu;
    for (int i = 0; i < runs; ++i) {
        const qint64 c0 = cpuNs();
        QElapsedTimer t;
        t.start();
        work();
        wall.append(ms(t.nsecsElapsed()));
        cpu.append(ms(cpuNs() - c0));
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    return {wall.at(wall.size() / 2), cpu.at(cpu.size() / 2)};
}

inline double medianWallMs(int runs, const std::function<void()> &work)
{
    return median(runs, work).wallMs;
}

} // namespace td::bench
