#include "ui/model/comparison_model.h"
#include "ui/model/comparison_proxy.h"
#include "ui/model/explorer_state.h"
#include "ui/render/table_export.h"

#include <QFile>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

namespace {

using ax::ui::TableFormat;

// A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF records.
std::optional<QList<QStringList>> readCsv(const QString& text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text.at(i + 1) == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            if (!field.isEmpty()) return std::nullopt;
            quoted = true;
        } else if (c == ',') {
            record << field;
            field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text.at(i + 1) == '\n') {
            record << field;
            records << record;
            record.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (quoted || !field.isEmpty() || !record.isEmpty()) return std::nullopt;
    return records;
}

struct Table {
    ax::ui::ExplorerState state;
    ax::ui::ComparisonModel model{state};
    ax::ui::ComparisonProxy proxy;
    Table() { proxy.setSourceModel(&model); }
};

TEST(TableExport, FormatComesFromTheExtension)
{
    EXPECT_EQ(ax::ui::tableFormatForPath("a/table.CSV"), TableFormat::Csv);
    EXPECT_EQ(ax::ui::tableFormatForPath("t.md"), TableFormat::Markdown);
    EXPECT_EQ(ax::ui::tableFormatForPath("t.tex"), TableFormat::Latex);
    EXPECT_EQ(ax::ui::tableFormatForPath("t.html"), TableFormat::Html);
    EXPECT_FALSE(ax::ui::tableFormatForPath("t.docx"));
}

TEST(TableExport, CsvParsesWithAllRowsAndFullTexts)
{
    Table t;
    const auto records = readCsv(ax::ui::renderTable(t.proxy, TableFormat::Csv));
    ASSERT_TRUE(records);
    ASSERT_EQ(records->size(), 44);
    for (const QStringList& record : *records)
        EXPECT_EQ(record.size(), t.model.columnCount());
    EXPECT_EQ(records->at(0).at(0), QStringLiteral("Activation"));
    const int problem = ax::ui::ComparisonModel::column(ax::ui::ComparisonModel::Column::Problem);
    for (int row = 1; row < records->size(); ++row) {
        EXPECT_EQ(records->at(row).at(problem), t.proxy.index(row - 1, problem).data().toString());
        EXPECT_GT(records->at(row).at(problem).size(), 40);
    }
}

TEST(TableExport, HtmlIsWellFormedWithEveryRow)
{
    Table t;
    QXmlStreamReader xml(ax::ui::renderTable(t.proxy, TableFormat::Html));
    int rows = 0;
    int cells = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("tr")) ++rows;
        if (xml.isStartElement() && xml.name() == QLatin1String("td")) ++cells;
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    EXPECT_EQ(rows, 44);
    EXPECT_EQ(cells, 43 * t.model.columnCount());
}

TEST(TableExport, MarkdownHasAHeaderRuleAndEveryRow)
{
    Table t;
    const QStringList lines =
        ax::ui::renderTable(t.proxy, TableFormat::Markdown).split('\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 45);
    EXPECT_TRUE(lines[1].startsWith(QStringLiteral("|---|")));
    for (const QString& line : lines) {
        const QString unescaped = QString(line).remove(QStringLiteral("\\|"));
        EXPECT_EQ(unescaped.count('|'), t.model.columnCount() + 1) << line.toStdString();
    }
}

TEST(TableExport, LatexUsesBooktabsWithBalancedBracesAndNoRawUnicodeMaths)
{
    Table t;
    const QString tex = ax::ui::renderTable(t.proxy, TableFormat::Latex);
    EXPECT_TRUE(tex.contains(QStringLiteral("\\toprule")));
    EXPECT_TRUE(tex.contains(QStringLiteral("\\bottomrule")));
    EXPECT_EQ(tex.count(QStringLiteral("\\begin{")), tex.count(QStringLiteral("\\end{")));
    int depth = 0;
    for (qsizetype i = 0; i < tex.size(); ++i) {
        if (tex.at(i) == '\\') {
            ++i;
            continue;
        }
        depth += tex.at(i) == '{' ? 1 : tex.at(i) == '}' ? -1 : 0;
        ASSERT_GE(depth, 0);
    }
    EXPECT_EQ(depth, 0);
    EXPECT_EQ(tex.count(QStringLiteral("\\\\\n")), 44);
    for (const QChar c : QStringLiteral("−∞αβλσΦ×≤≥"))
        EXPECT_FALSE(tex.contains(c)) << "pdflatex cannot typeset a raw " << QString(c).toStdString();
}

TEST(TableExport, WritesTheFileAndRefusesUnknownFormats)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ax::ui::ExplorerState state;
    const QString path = dir.filePath(QStringLiteral("table.csv"));
    EXPECT_EQ(ax::ui::exportComparisonTable(state, path), std::nullopt);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const auto records = readCsv(QString::fromUtf8(file.readAll()));
    ASSERT_TRUE(records);
    EXPECT_EQ(records->size(), 44);
    EXPECT_EQ(records->at(1).at(0), QStringLiteral("Linear (identity)"))
        << "catalog order, as the window opens";

    const QString refused = dir.filePath(QStringLiteral("table.xls"));
    EXPECT_TRUE(ax::ui::exportComparisonTable(state, refused).has_value());
    EXPECT_FALSE(QFile::exists(refused));
    EXPECT_TRUE(
        ax::ui::exportComparisonTable(state, dir.filePath(QStringLiteral("missing/dir/t.csv"))).has_value());
}

}  // namespace
