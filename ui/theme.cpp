#include "theme.h"

#include "rules/finding.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleHints>

namespace td {

Theme::Mode Theme::sMode = Theme::Mode::System;

namespace {

bool systemIsDark()
{
    const QPalette p = QGuiApplication::palette();
    return p.color(QPalette::Window).lightness() < 128;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xdf, 0xe1, 0xe5);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xf0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x94));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x7a, 0x7d, 0x82));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x7a, 0x7d, 0x82));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x7a, 0x7d, 0x82));
    return p;
}

} // namespace

void Theme::apply(QApplication &app, Mode mode)
{
    static const QPalette systemPalette = app.palette();
    sMode = mode;
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const bool wantDark = mode == Mode::Dark || (mode == Mode::System && systemIsDark());
    app.setPalette(wantDark ? darkPalette() : (mode == Mode::Light ? app.style()->standardPalette() : systemPalette));
}

Theme::Mode Theme::mode()
{
    return sMode;
}

bool Theme::dark()
{
    return QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
}

QColor Theme::canvas()
{
    return dark() ? QColor(0x23, 0x25, 0x28) : QColor(0xf4, 0xf5, 0xf7);
}
QColor Theme::rackFill()
{
    return dark() ? QColor(0x31, 0x34, 0x38) : QColor(0xe3, 0xe6, 0xea);
}
QColor Theme::rackFrame()
{
    return dark() ? QColor(0x6b, 0x72, 0x7b) : QColor(0x55, 0x5d, 0x66);
}
QColor Theme::laneFill()
{
    return dark() ? QColor(0x2a, 0x2c, 0x30) : QColor(0xfa, 0xfb, 0xfc);
}
QColor Theme::hostFill()
{
    return dark() ? QColor(0x3d, 0x42, 0x48) : QColor(0xff, 0xff, 0xff);
}
QColor Theme::chipFill()
{
    return dark() ? QColor(0x45, 0x4b, 0x53) : QColor(0xff, 0xff, 0xff);
}
QColor Theme::text()
{
    return dark() ? QColor(0xe6, 0xe8, 0xeb) : QColor(0x1f, 0x23, 0x28);
}
QColor Theme::mutedText()
{
    return dark() ? QColor(0xa0, 0xa6, 0xad) : QColor(0x5f, 0x67, 0x70);
}

QColor Theme::severity(Severity s)
{
    switch (s) {
    case Severity::Error: return QColor(0xd3, 0x2f, 0x2f);
    case Severity::Warning: return QColor(0xf5, 0x9e, 0x0b);
    case Severity::Info: return QColor(0x19, 0x76, 0xd2);
    }
    return {};
}

QColor Theme::clusterColor(int index)
{
    static const QColor colors[] = {QColor(0x1e, 0x88, 0xe5), QColor(0x43, 0xa0, 0x47), QColor(0x8e, 0x24, 0xaa),
                                    QColor(0x00, 0x89, 0x7b), QColor(0xef, 0x6c, 0x00), QColor(0x5d, 0x40, 0x37),
                                    QColor(0xc2, 0x18, 0x5b), QColor(0x39, 0x49, 0xab)};
    return colors[index % 8];
}

QColor Theme::groupColor(int index)
{
    static const QColor colors[] = {QColor(0x7c, 0x4d, 0xff), QColor(0x00, 0xac, 0xc1), QColor(0xe9, 0x1e, 0x63),
                                    QColor(0x8b, 0xc3, 0x4a), QColor(0xff, 0x98, 0x00), QColor(0x03, 0xa9, 0xf4),
                                    QColor(0x9c, 0x27, 0xb0), QColor(0x00, 0x96, 0x88)};
    return colors[index % 8];
}

QColor Theme::circuitColor(int index)
{
    static const QColor colors[] = {QColor(0xe5, 0x39, 0x35), QColor(0x1e, 0x88, 0xe5), QColor(0xfb, 0x8c, 0x00),
                                    QColor(0x43, 0xa0, 0x47)};
    return colors[index % 4];
}

QColor Theme::dropOk()
{
    return QColor(0x2e, 0x7d, 0x32, 90);
}
QColor Theme::dropWarning()
{
    return QColor(0xf5, 0x9e, 0x0b, 110);
}
QColor Theme::dropError()
{
    return QColor(0xd3, 0x2f, 0x2f, 110);
}

QIcon Theme::icon(const QString &name)
{
    // One icon per name for the life of the program (GUI thread only): a new
    // QIcon parses its SVG again and renders it anew at each paint, which was
    // an eighth of repainting a rack of chips.
    static QHash<QString, QIcon> icons;
    auto it = icons.constFind(name);
    if (it != icons.cend())
        return *it;
    const QString path = QStringLiteral(":/topology-designer/icons/%1.svg").arg(name);
    const QIcon icon(QFile::exists(path) ? path : QStringLiteral(":/topology-designer/icons/generic.svg"));
    icons.insert(name, icon);
    return icon;
}

} // namespace td
