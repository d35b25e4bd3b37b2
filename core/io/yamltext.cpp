#include "io/yamltext.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace td {

const QRegularExpression &yamlSpecialWordPattern()
{
    // Words and numbers a YAML 1.1 or 1.2 reader would not take as text.
    static const QRegularExpression special(
        QStringLiteral("^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|"
                       "on|On|ON|off|Off|OFF|y|Y|n|N|"
                       "[-+]?(?:\\.inf|\\.Inf|\\.INF)|\\.nan|\\.NaN|\\.NAN|"
                       "[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])*|"
                       "[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*(?:[eE][-+]?[0-9]+)?|"
                       "[-+]?[0-9][0-9_]*(?:\\.[0-9_]*)?[eE][-+]?[0-9]+|"
                       "0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+)$"));
    return special;
}

bool isYamlSpecialWord(const QString &text)
{
    // Every word and number yamlSpecialWordPattern() matches starts with one of
    // these characters, and its words have at most five letters: most
    // names and ids are ruled out here, without the pattern.
    if (text.isEmpty())
        return false;
    switch (text.front().unicode()) {
    case u'~':
    case u'+':
    case u'-':
    case u'.':
    case u'0':
    case u'1':
    case u'2':
    case u'3':
    case u'4':
    case u'5':
    case u'6':
    case u'7':
    case u'8':
    case u'9': break;
    case u'n':
    case u'N':
    case u't':
    case u'T':
    case u'f':
    case u'F':
    case u'y':
    case u'Y':
    case u'o':
    case u'O':
        if (text.size() > 5)
            return false;
        break;
    default: return false;
    }
    return yamlSpecialWordPattern().match(text).hasMatch();
}

namespace {

bool plainIsSafe(const QString &text, bool flowContext)
{
    if (text.isEmpty() || text.front().isSpace() || text.back().isSpace())
        return false;
    static const QString badFirst = QStringLiteral("-?:,[]{}#&*!|>'\"%@`");
    if (badFirst.contains(text.front()))
        return false;
    if (text.startsWith(QLatin1String("---")) || text.startsWith(QLatin1String("...")))
        return false;
    // One pass: no ": ", no " #", no ':' at the end, no control character,
    // and in flow context none of ",[]{}?".
    const qsizetype n = text.size();
    const QChar *chars = text.constData();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = chars[i].unicode();
        if (c < 0x20 || c == 0x7f || c == 0xFEFF || (c >= 0x80 && c < 0xA0) || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator)
            return false;
        if (c == u':' && (i + 1 == n || chars[i + 1] == u' '))
            return false;
        if (c == u'#' && i > 0 && chars[i - 1] == u' ')
            return false;
        if (flowContext && (c == u',' || c == u'[' || c == u']' || c == u'{' || c == u'}' || c == u'?'))
            return false;
    }
    return !isYamlSpecialWord(text);
}

} // namespace

QString yamlScalar(const QString &text, bool flowContext)
{
    if (plainIsSafe(text, flowContext))
        return text;
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"': out += QLatin1String("\\\""); break;
        case '\\': out += QLatin1String("\\\\"); break;
        case '\n': out += QLatin1String("\\n"); break;
        case '\t': out += QLatin1String("\\t"); break;
        case '\r': out += QLatin1String("\\r"); break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f || (c.unicode() >= 0x80 && c.unicode() < 0xA0)
                || c.unicode() == 0xFEFF || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

QString yamlNumber(double value)
{
    if (std::isfinite(value) && std::floor(value) == value && std::fabs(value) < 1e15)
        return QString::number(static_cast<qint64>(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace td
