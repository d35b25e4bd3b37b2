#include "exporter.h"

#include "export/ansibleexporter.h"
#include "export/hypervexporter.h"
#include "export/powercliexporter.h"
#include "export/terraformexporter.h"
#include "report/reportexporters.h"

namespace td {

ExporterRegistry::ExporterRegistry()
{
    // Core's formats are added here as they are written (issue 7: powercli,
    // hyperv, terraform, ansible; issue 9: html, markdown, csv).
    add(std::make_unique<PowerCliExporter>());
    add(std::make_unique<HyperVExporter>());
    add(std::make_unique<TerraformExporter>());
    add(std::make_unique<AnsibleExporter>());
    add(std::make_unique<HtmlReportExporter>());
    add(std::make_unique<MarkdownReportExporter>());
    add(std::make_unique<CsvGuestsExporter>());
}

ExporterRegistry &ExporterRegistry::instance()
{
    static ExporterRegistry registry;
    return registry;
}

void ExporterRegistry::add(std::unique_ptr<Exporter> exporter)
{
    for (auto &e : mExporters) {
        if (e->name() == exporter->name()) {
            e = std::move(exporter); // the later one replaces
            return;
        }
    }
    mExporters.push_back(std::move(exporter));
}

const Exporter *ExporterRegistry::find(const QString &name) const
{
    for (const auto &e : mExporters) {
        if (e->name() == name)
            return e.get();
    }
    return nullptr;
}

QVector<const Exporter *> ExporterRegistry::all() const
{
    QVector<const Exporter *> list;
    for (const auto &e : mExporters)
        list.append(e.get());
    return list;
}

} // namespace td
