// Report benchmark at the reference scale "L": the time each report format
// takes beyond loading (the layout is generated in memory), and peak memory.
// Not a pass/fail test: read the figures. Run: build/tests/bench/bench_report [out-dir [formats]]
#include "benchutil.h"
#include "export/exporter.h"
#include "report/designreport.h"
#include "report/uiexporters.h"
#include "topologygenerator.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>

using namespace td;
using namespace td::bench;

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    registerUiExporters();
    const QString outDir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    const Topology topology = test::generateTopology(test::GeneratorParams::large(), 42);
    std::printf("L: %lld hosts, %lld racks, %lld guests; memory after generating: %ld MB\n",
                static_cast<long long>(topology.hosts.size()), static_cast<long long>(topology.racks.size()),
                static_cast<long long>(topology.guests.size()), peakRssMb());
    {
        // The report's content model alone (every report format but CSV and the pictures builds it).
        QElapsedTimer timer;
        const double cpu0 = cpuMs();
        timer.start();
        const DesignReport report = DesignReport::build(topology, QStringLiteral("L.topo.yaml"), false);
        std::printf("%-9s %8.0f ms (CPU %6.0f ms)  the content model (DesignReport::build), %lld findings\n", "model",
                    static_cast<double>(timer.nsecsElapsed()) / 1e6, cpuMs() - cpu0,
                    static_cast<long long>(report.findings.size()));
    }
    const QStringList formats = argc > 2 ? QString::fromLocal8Bit(argv[2]).split(QLatin1Char(','))
                                         : QStringList{QStringLiteral("csv"),  QStringLiteral("markdown"),
                                                       QStringLiteral("html"), QStringLiteral("pdf"),
                                                       QStringLiteral("svg"),  QStringLiteral("png")};
    for (const QString &name : formats) {
        const QByteArray format = name.toLatin1();
        const Exporter *exporter = ExporterRegistry::instance().find(name);
        if (!exporter) {
            std::printf("%-9s not registered\n", format.constData());
            continue;
        }
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QStringList notes;
        QString error;
        QElapsedTimer timer;
        const double cpu0 = cpuMs();
        timer.start();
        const bool ok = exporter->write(ExportInput{topology, QStringLiteral("L.topo.yaml"), ExportOptions()}, buffer,
                                        &notes, &error);
        const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        std::printf("%-9s %8.0f ms (CPU %6.0f ms)  %7.1f MB written  peak memory so far %ld MB%s%s\n",
                    format.constData(), ms, cpuMs() - cpu0, static_cast<double>(buffer.size()) / (1024.0 * 1024.0),
                    peakRssMb(), ok ? "" : "  FAILED: ", ok ? "" : qPrintable(error));
        if (!outDir.isEmpty()) {
            QFile file(QDir(outDir).filePath(QStringLiteral("L.%1").arg(exporter->extension())));
            if (file.open(QIODevice::WriteOnly))
                file.write(buffer.data());
        }
    }
    return 0;
}
