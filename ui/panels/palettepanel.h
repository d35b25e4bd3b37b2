#pragma once

#include <QTreeWidget>
#include <QWidget>

class QLineEdit;

namespace td {

// The palette's list: every entry drags a new object onto the canvas.
class PaletteTree final : public QTreeWidget
{
    Q_OBJECT

public:
    explicit PaletteTree(QWidget *parent = nullptr);
    static constexpr int kWhatRole = Qt::UserRole + 1;

signals:
    // A drag from the palette ended without a drop (refused or cancelled).
    void dragIgnored();

protected:
    void startDrag(Qt::DropActions supportedActions) override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override;
};

// Palette dock content: Circuit, Rack, Host, NIC and one entry per catalog
// product, with icons and a search field.
class PalettePanel final : public QWidget
{
    Q_OBJECT

public:
    explicit PalettePanel(QWidget *parent = nullptr);
    PaletteTree *tree() const { return mTree; }
    // The palette entry for "rack", "guest:cic-server", ...
    QTreeWidgetItem *entry(const QString &what) const;

private:
    void filter(const QString &text);

    QLineEdit *mSearch;
    PaletteTree *mTree;
};

} // namespace td
