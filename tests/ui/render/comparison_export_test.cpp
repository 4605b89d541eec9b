#include "core/catalog.h"
#include "ui/model/activation_palette.h"
#include "ui/model/comparison_model.h"
#include "ui/model/comparison_proxy.h"
#include "ui/model/explorer_state.h"
#include "ui/render/table_export.h"

#include <QFile>
#include <QRegularExpression>
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
    // With T1 and utf8 inputenc, pdflatex knows the accented Latin letters and nothing else beyond ASCII.
    for (const QChar c : tex)
        EXPECT_TRUE(c.unicode() < 0x80 || (c.unicode() >= 0xc0 && c.unicode() <= 0xff && c.isLetter()))
            << "pdflatex cannot typeset a raw " << QString(c).toStdString();
}

// The article's columns wrap in paragraph cells; short properties stay one line.
TEST(TableExport, LatexWrapsTheArticleColumnsInParagraphCells)
{
    Table t;
    const QString tex = ax::ui::renderTable(t.proxy, TableFormat::Latex);
    const QRegularExpression spec(QStringLiteral("\\\\begin\\{longtable\\}\\{(.*)\\}\\n"));
    const auto match = spec.match(tex);
    ASSERT_TRUE(match.hasMatch());
    const QString columns = match.captured(1);
    // Column types in order: l, or p{…} (after a >{…} that sets its alignment).
    QStringList kinds;
    const auto skipGroup = [&](qsizetype open) {
        int depth = 0;
        for (qsizetype k = open; k < columns.size(); ++k) {
            depth += columns.at(k) == '{' ? 1 : columns.at(k) == '}' ? -1 : 0;
            if (depth == 0) return k;
        }
        return columns.size();
    };
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (columns.at(i) == '>') {
            i = skipGroup(i + 1);
        } else if (columns.at(i) == 'p') {
            kinds << QStringLiteral("p");
            i = skipGroup(i + 1);
        } else if (columns.at(i) == 'l') {
            kinds << QStringLiteral("l");
        }
    }
    ASSERT_EQ(kinds.size(), t.model.columnCount());
    using Column = ax::ui::ComparisonModel::Column;
    for (const Column column : {Column::Formula, Column::Introduced, Column::Strengths, Column::Weaknesses,
                                Column::Problem, Column::Solution, Column::Maths})
        EXPECT_EQ(kinds.at(ax::ui::ComparisonModel::column(column)), QStringLiteral("p"));
    for (const Column column : {Column::Name, Column::Range, Column::Mean, Column::Year})
        EXPECT_EQ(kinds.at(ax::ui::ComparisonModel::column(column)), QStringLiteral("l"));
    EXPECT_TRUE(tex.contains(QStringLiteral("\\usepackage{array}")));
    EXPECT_TRUE(tex.contains(QStringLiteral("\\textbullet{}")));
    // Every row has one cell per column: as many unescaped & as columns less one.
    const QStringList lines = tex.split('\n');
    const int body = static_cast<int>(lines.indexOf(QStringLiteral("\\endhead")));
    ASSERT_GT(body, 0);
    int rows = 0;
    for (int i = body + 1; i < lines.size(); ++i) {
        if (!lines[i].endsWith(QStringLiteral(" \\\\"))) continue;
        ++rows;
        EXPECT_EQ(QString(lines[i]).remove(QStringLiteral("\\&")).count('&'), t.model.columnCount() - 1)
            << lines[i].left(80).toStdString();
    }
    EXPECT_EQ(rows, static_cast<int>(ax::core::catalog().size()));
}

TEST(TableExport, HtmlHasSwatchesAndTypesetFormulas)
{
    Table t;
    const QString html = ax::ui::renderTable(t.proxy, TableFormat::Html);
    EXPECT_EQ(html.count(QStringLiteral("class=\"swatch\"")),
              static_cast<qsizetype>(ax::core::catalog().size()));
    EXPECT_TRUE(html.contains(QStringLiteral("background:") +
                              ax::ui::activationColour(t.state.catalogIndex(QStringLiteral("relu"))).name()));
    EXPECT_EQ(html.count(QStringLiteral("class=\"formula\"")),
              static_cast<qsizetype>(ax::core::catalog().size()));
    EXPECT_TRUE(html.contains(QStringLiteral("σ′(<i>z</i>)"))) << "the sigmoid's derivative, typeset";
    EXPECT_TRUE(html.contains(QStringLiteral("<li>"))) << "strengths and weaknesses as lists";
    EXPECT_FALSE(html.contains(QStringLiteral("&amp;lt;"))) << "markup escaped twice";
}

TEST(TableExport, ChosenColumnsOnlyAndUnknownColumnsRefused)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ax::ui::ExplorerState state;
    const QString path = dir.filePath(QStringLiteral("t.csv"));
    EXPECT_EQ(ax::ui::exportComparisonTable(state, path, QStringList{"name", "problem", "solution"}),
              std::nullopt);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const auto records = readCsv(QString::fromUtf8(file.readAll()));
    ASSERT_TRUE(records);
    EXPECT_EQ(records->at(0), (QStringList{"Activation", "Problem", "Solution"}));
    file.close();

    const QString refused = dir.filePath(QStringLiteral("u.csv"));
    const auto error = ax::ui::exportComparisonTable(state, refused, QStringList{"name", "genus"});
    ASSERT_TRUE(error);
    EXPECT_TRUE(error->contains(QStringLiteral("genus"))) << error->toStdString();
    EXPECT_FALSE(QFile::exists(refused));

    // The window's hidden columns stay out of its exports.
    ASSERT_EQ(state.setHiddenTableColumns({QStringLiteral("maths"), QStringLiteral("cost")}), std::nullopt);
    const QString hidden = dir.filePath(QStringLiteral("h.md"));
    EXPECT_EQ(ax::ui::exportComparisonTable(state, hidden), std::nullopt);
    QFile md(hidden);
    ASSERT_TRUE(md.open(QIODevice::ReadOnly));
    const QString header = QString::fromUtf8(md.readLine());
    EXPECT_FALSE(header.contains(QStringLiteral("Mathematics")));
    EXPECT_FALSE(header.contains(QStringLiteral("Cost")));
    EXPECT_TRUE(header.contains(QStringLiteral("Problem")));
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
