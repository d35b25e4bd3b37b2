#include "scripthighlighter.h"

#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace td {

namespace {

// Block states: inside a string that continues on the next line.
constexpr int kNone = -1;
constexpr int kInSingle = 1; // PowerShell '...'
constexpr int kInDouble = 2; // HCL / YAML "..."

} // namespace

ScriptHighlighter::ScriptHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    mComment.setForeground(dark ? QColor(0x8a, 0x99, 0x8a) : QColor(0x5a, 0x7a, 0x5a));
    mComment.setFontItalic(true);
    mString.setForeground(dark ? QColor(0xe6, 0xb4, 0x73) : QColor(0xa3, 0x15, 0x15));
    mKeyword.setForeground(dark ? QColor(0x7a, 0xb8, 0xff) : QColor(0x00, 0x33, 0xb3));
    mKeyword.setFontWeight(QFont::Bold);
    mName.setForeground(dark ? QColor(0xc5, 0x95, 0xf0) : QColor(0x80, 0x2a, 0x9e));
}

ScriptHighlighter::Language ScriptHighlighter::languageOf(const QString &extension)
{
    if (extension == QLatin1String("ps1"))
        return Language::PowerShell;
    if (extension == QLatin1String("tf"))
        return Language::Hcl;
    if (extension == QLatin1String("yml") || extension == QLatin1String("yaml"))
        return Language::Yaml;
    return Language::Plain;
}

void ScriptHighlighter::setLanguage(Language language)
{
    mLanguage = language;
    mWords.clear();
    auto add = [this](const char *pattern, const QTextCharFormat *format) {
        mWords.append({QRegularExpression(QLatin1String(pattern)), format});
    };
    switch (language) {
    case Language::PowerShell:
        add("\\b(?:function|param|if|elseif|else|foreach|in|return|continue|throw|switch)\\b", &mKeyword);
        add("\\b[A-Z][a-z]+-[A-Z][A-Za-z]+\\b", &mName); // cmdlets
        add("\\$[A-Za-z_][A-Za-z0-9_:]*", &mName);       // variables
        add("-(?:eq|ne|ceq|and|or|not|contains|notcontains|cnotcontains|f)\\b", &mKeyword);
        break;
    case Language::Hcl:
        add("^\\s*(?:resource|data|variable|provider|terraform|required_providers)\\b", &mKeyword);
        add("\\b(?:true|false|null)\\b", &mKeyword);
        add("\\b(?:var|data)\\.[A-Za-z0-9_.-]+", &mName);
        break;
    case Language::Yaml:
        add("^\\s*(?:- )?[A-Za-z_][A-Za-z0-9_.]*:", &mKeyword);
        add("!unsafe\\b", &mName);
        add("\\b(?:true|false)\\b", &mName);
        add("^---$", &mKeyword);
        break;
    case Language::Plain: break;
    }
    rehighlight();
}

void ScriptHighlighter::highlightWords(const QString &text, int from, int to)
{
    if (from >= to)
        return;
    for (const auto &[re, format] : mWords) {
        auto it = re.globalMatch(text, from);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (m.capturedStart() >= to)
                break;
            const int start = static_cast<int>(m.capturedStart());
            setFormat(start, std::min(static_cast<int>(m.capturedEnd()), to) - start, *format);
        }
    }
}

void ScriptHighlighter::highlightBlock(const QString &text)
{
    setCurrentBlockState(kNone);
    if (mLanguage == Language::Plain)
        return;
    const QChar quote = mLanguage == Language::PowerShell ? QLatin1Char('\'') : QLatin1Char('"');
    auto isQuote = [&](QChar c) {
        if (mLanguage == Language::PowerShell)
            return c == QLatin1Char('\'') || (c.unicode() >= 0x2018 && c.unicode() <= 0x201b);
        return c == quote;
    };
    int i = 0;
    int start = 0; // of the current plain span
    int stringStart = previousBlockState() == kInSingle || previousBlockState() == kInDouble ? 0 : -1;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (stringStart >= 0) {
            if (mLanguage != Language::PowerShell && c == QLatin1Char('\\')) {
                i += 2;
                continue;
            }
            if (isQuote(c)) {
                if (mLanguage == Language::PowerShell && i + 1 < text.size() && isQuote(text.at(i + 1))) {
                    i += 2; // a doubled quote is one quote
                    continue;
                }
                setFormat(stringStart, i + 1 - stringStart, mString);
                stringStart = -1;
                start = i + 1;
            }
            ++i;
            continue;
        }
        if (c == QLatin1Char('#') && (mLanguage != Language::Yaml || i == 0 || text.at(i - 1).isSpace())) {
            highlightWords(text, start, i);
            setFormat(i, text.size() - i, mComment);
            return;
        }
        if (isQuote(c) || (mLanguage == Language::PowerShell && c == QLatin1Char('"'))) {
            highlightWords(text, start, i);
            stringStart = i;
            if (c == QLatin1Char('"') && mLanguage == Language::PowerShell) {
                // An expandable string in the script's own code: to its end.
                const int end = text.indexOf(QLatin1Char('"'), i + 1);
                setFormat(i, (end < 0 ? text.size() : end + 1) - i, mString);
                i = end < 0 ? text.size() : end + 1;
                stringStart = -1;
                start = i;
                continue;
            }
        }
        ++i;
    }
    if (stringStart >= 0) {
        setFormat(stringStart, text.size() - stringStart, mString);
        setCurrentBlockState(mLanguage == Language::PowerShell ? kInSingle : kInDouble);
        return;
    }
    highlightWords(text, start, text.size());
}

} // namespace td
