#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace td {

// Colours a rule script in the export preview: comments, strings, keywords
// and cmdlets (PowerShell), block types (Terraform), keys and tags (YAML).
// Strings may span lines (a name with a line break).
class ScriptHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    enum class Language { PowerShell, Hcl, Yaml, Plain };

    explicit ScriptHighlighter(QTextDocument *document);

    void setLanguage(Language language);
    Language language() const { return mLanguage; }
    // The language of an export format's extension ("ps1", "tf", "yml").
    static Language languageOf(const QString &extension);

    // The formats used, for tests and themes.
    const QTextCharFormat &commentFormat() const { return mComment; }
    const QTextCharFormat &stringFormat() const { return mString; }
    const QTextCharFormat &keywordFormat() const { return mKeyword; }

protected:
    void highlightBlock(const QString &text) override;

private:
    void highlightWords(const QString &text, int from, int to);

    Language mLanguage = Language::Plain;
    QTextCharFormat mComment;
    QTextCharFormat mString;
    QTextCharFormat mKeyword;
    QTextCharFormat mName; // cmdlets, variables, keys, tags
    QVector<QPair<QRegularExpression, const QTextCharFormat *>> mWords;
};

} // namespace td
