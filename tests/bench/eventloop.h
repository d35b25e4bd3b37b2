#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <algorithm>
#include <functional>

namespace td::bench {

// Runs the event loop while pending() holds and for at least minMs (at most
// 20 s), and returns its longest single iteration in ns: how long the window
// was kept from answering the user meanwhile.
inline qint64 longestIterationWhile(const std::function<bool()> &pending, qint64 minMs)
{
    QElapsedTimer deadline;
    deadline.start();
    qint64 longest = 0;
    while ((pending() || deadline.elapsed() < minMs) && deadline.elapsed() < 20000) {
        QElapsedTimer iteration;
        iteration.start();
        QCoreApplication::processEvents();
        longest = std::max(longest, iteration.nsecsElapsed());
        QThread::msleep(1);
    }
    return longest;
}

} // namespace td::bench
