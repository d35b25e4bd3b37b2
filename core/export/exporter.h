#pragma once

#include "model/topology.h"

#include <QSize>
#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>
#include <memory>

class QIODevice;

namespace td {

// What the user chose for an export beyond the format.
class GroupColors;

struct ExportOptions
{
    bool hideNames = false;                  // reports: generic labels instead of host and VM names
    QString pageSize = QStringLiteral("a4"); // paginated reports: a4 | letter
    QSize imageSize;                         // svg/png: the picture's size (empty = as drawn)
    bool compact = false;                    // svg/png: the compact rack view (empty units collapsed)
    QStringList fail;                        // svg/png: hosts, racks, circuits failed as a what-if scenario
    // Long exports report how far they are (done of total steps); a false
    // return asks them to stop (write() then fails with "cancelled"). May be empty.
    std::function<bool(int done, int total)> progress;
    // Reports: the group colours the canvas shows (null: as the layout opens).
    const GroupColors *groupColors = nullptr;
};

// The input of an export: the layout, the name it is shown by (the file, or
// the sample's display name) and the options.
struct ExportInput
{
    const Topology &topology;
    QString sourceName;
    ExportOptions options;
};

// One export format (a rule script, a report, a picture). Writes to a device;
// what the format could not express goes to `notes` (one plain sentence each,
// shown by the CLI on stderr as "file: note: ..." and by the GUI above the
// preview). Exporters are stateless and may be used from any thread.
class Exporter
{
public:
    virtual ~Exporter() = default;
    // The --to value ("powercli").
    virtual QString name() const = 0;
    // One line for `export --list` and the GUI ("VMware PowerCLI script (.ps1): DRS rules ...").
    virtual QString description() const = 0;
    // The file extension without the dot ("ps1").
    virtual QString extension() const = 0;
    // The menu group: "rules" (File > Export > DRS Rules...), "report" or "picture".
    virtual QString category() const = 0;
    // True for formats that need a QGuiApplication (painting, fonts).
    virtual bool needsGui() const { return false; }
    // Writes the export; false with *error (one sentence) when it cannot.
    virtual bool write(const ExportInput &input, QIODevice &out, QStringList *notes, QString *error) const = 0;
};

// The export formats by name. Core registers its own at construction; layers
// above add theirs (ui's renderers) once at start with add().
class ExporterRegistry final
{
public:
    static ExporterRegistry &instance();

    void add(std::unique_ptr<Exporter> exporter);
    const Exporter *find(const QString &name) const;
    // In the order they were added.
    QVector<const Exporter *> all() const;

private:
    ExporterRegistry();
    std::vector<std::unique_ptr<Exporter>> mExporters;
};

} // namespace td
