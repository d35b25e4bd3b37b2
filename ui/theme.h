#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

class QApplication;

namespace td {

enum class Severity;

// Light and dark palettes and the colours the canvas uses. Follows the
// system by default; the user can switch (View > Theme).
class Theme final
{
public:
    enum class Mode { System, Light, Dark };

    static void apply(QApplication &app, Mode mode);
    static Mode mode();
    static bool dark();

    static QColor canvas();
    static QColor rackFill();
    static QColor rackFrame();
    static QColor laneFill();
    static QColor hostFill();
    static QColor chipFill();
    static QColor text();
    static QColor mutedText();
    static QColor severity(Severity s);
    static QColor clusterColor(int index);
    static QColor groupColor(int index);
    static QColor circuitColor(int index);
    static QColor dropOk();
    static QColor dropWarning();
    static QColor dropError();

    // Icons from resources/icons (product ids, object kinds, actions).
    static QIcon icon(const QString &name);

private:
    static Mode sMode;
};

} // namespace td
