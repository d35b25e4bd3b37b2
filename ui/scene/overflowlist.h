#pragma once

#include <QListWidget>

class QMimeData;

namespace td {

class TopologyScene;

// The guests hidden behind a host's "+N" chip, as a list that pops up when
// the chip is clicked: clicking a guest selects it on the canvas (the
// inspector shows it), dragging guests moves them like their chips would.
class OverflowList final : public QListWidget
{
    Q_OBJECT

public:
    OverflowList(TopologyScene *scene, const QString &hostId, QWidget *parent);
    const QString &hostId() const { return mHostId; }
    // Shows the list with its top-left corner at a screen point.
    void popup(const QPoint &screenPos);
    // The guest id of a row.
    QString guestAt(int row) const;

protected:
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
    void startDrag(Qt::DropActions supportedActions) override;

private:
    TopologyScene *mScene;
    QString mHostId;
};

} // namespace td
