#include "ui/render/table_export.h"

#include "ui/model/atomic_file.h"
#include "ui/model/comparison_model.h"
#include "ui/model/comparison_proxy.h"
#include "ui/model/explorer_state.h"
#include "ui/model/quoted_text.h"

#include <QAbstractItemModel>
#include <QColor>
#include <QCoreApplication>
#include <QFileInfo>

namespace ax::ui {

namespace {

// This unit's strings, in one translation context of their own.
struct TableExportText {
    Q_DECLARE_TR_FUNCTIONS(ax::ui::TableExport)
};

QStringList headers(const QAbstractItemModel& model)
{
    QStringList result;
    for (int c = 0; c < model.columnCount(); ++c)
        result << model.headerData(c, Qt::Horizontal).toString();
    return result;
}

QString columnKeyAt(const QAbstractItemModel& model, int column)
{
    return model.headerData(column, Qt::Horizontal, ComparisonModel::ColumnKeyRole).toString();
}

bool isParagraphColumn(const QAbstractItemModel& model, int column)
{
    const auto key = ComparisonModel::columnForKey(columnKeyAt(model, column));
    return key && *key != ComparisonModel::Column::Name && ComparisonModel::isParagraph(*key);
}

QStringList rowCells(const QAbstractItemModel& model, int row)
{
    QStringList result;
    for (int c = 0; c < model.columnCount(); ++c)
        result << model.index(row, c).data().toString();
    return result;
}

QString csvField(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')))
        return text;
    return QLatin1Char('"') + QString(text).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
           QLatin1Char('"');
}

QString markdownField(const QString& text)
{
    // A table row is one line: bullets and the solution's links stay apart with line breaks.
    return QString(text)
        .replace(QLatin1Char('|'), QStringLiteral("\\|"))
        .replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

// Unicode maths mapped to LaTeX so the file compiles with pdflatex, which lacks these glyphs.
QString latexField(const QString& text)
{
    static const QList<std::pair<QString, QString>> kReplacements{
        {"\\", "\\textbackslash{}"},
        {"&", "\\&"},
        {"%", "\\%"},
        {"$", "\\$"},
        {"#", "\\#"},
        {"_", "\\_"},
        {"{", "\\{"},
        {"}", "\\}"},
        {"~", "\\textasciitilde{}"},
        {"^", "\\textasciicircum{}"},
        {"−", "$-$"},
        {"∞", "$\\infty$"},
        {"×", "$\\times$"},
        {"·", "$\\cdot$"},
        {"≥", "$\\geq$"},
        {"≤", "$\\leq$"},
        {"≈", "$\\approx$"},
        {"→", "$\\to$"},
        {"′", "$'$"},
        {"″", "$''$"},
        {"‴", "$'''$"},
        {"ℓ", "$\\ell$"},
        {"⋯", "$\\cdots$"},
        {"ń", "\\'{n}"},
        {"α", "$\\alpha$"},
        {"β", "$\\beta$"},
        {"λ", "$\\lambda$"},
        {"σ", "$\\sigma$"},
        {"Φ", "$\\Phi$"},
        {"π", "$\\pi$"},
        {"ε", "$\\varepsilon$"},
        {"√", "$\\surd$"},
        {"⁰", "$^0$"},
        {"¹", "$^1$"},
        {"²", "$^2$"},
        {"³", "$^3$"},
        {"ᶻ", "$^z$"},
        {"⁻", "$^-$"},
        {"ᴸ", "$^L$"},
        {"—", "---"},
        {"–", "--"},
        {"…", "\\ldots{}"},
        {"₀", "$_0$"},
        {"ₖ", "$_k$"},
        {"⋅", "$\\cdot$"},
        {"∈", "$\\in$"},
        {"±", "$\\pm$"},
        {"≠", "$\\neq$"},
        {"’", "'"},
        {"“", "``"},
        {"”", "''"},
        {"¼", "$\\frac{1}{4}$"},
        {"½", "$\\frac{1}{2}$"},
        {"¾", "$\\frac{3}{4}$"},
        {"•", "\\textbullet{}"},
        {"‖", "$\\|$"},
        {"∂", "$\\partial$"},
        {"∓", "$\\mp$"},
        {"∼", "$\\sim$"},
        {"≡", "$\\equiv$"},
        {"∝", "$\\propto$"},
        {"∑", "$\\sum$"},
        {"∫", "$\\int$"},
        {"≪", "$\\ll$"},
        {"≫", "$\\gg$"},
        {"⁴", "$^4$"},
        {"⁵", "$^5$"},
        {"⁶", "$^6$"},
        {"⁷", "$^7$"},
        {"⁸", "$^8$"},
        {"⁹", "$^9$"},
        {"₁", "$_1$"},
        {"₂", "$_2$"},
        {"γ", "$\\gamma$"},
        {"δ", "$\\delta$"},
        {"Δ", "$\\Delta$"},
        {"θ", "$\\theta$"},
        {"μ", "$\\mu$"},
        {"ν", "$\\nu$"},
        {"ρ", "$\\rho$"},
        {"Σ", "$\\Sigma$"},
        {"τ", "$\\tau$"},
        {"φ", "$\\varphi$"},
        {"χ", "$\\chi$"},
        {"ψ", "$\\psi$"},
        {"ω", "$\\omega$"},
        {"Ω", "$\\Omega$"},
        {"‘", "`"},
        {"|", "$|$"},
        {"<", "$<$"},
        {">", "$>$"},
    };
    QString out;
    out.reserve(text.size() * 2);
    for (qsizetype i = 0; i < text.size(); ++i) {
        bool replaced = false;
        for (const auto& [from, to] : kReplacements) {
            if (QStringView(text).mid(i).startsWith(from)) {
                out += to;
                i += from.size() - 1;
                replaced = true;
                break;
            }
        }
        if (!replaced) out += text.at(i);
    }
    out.replace(QStringLiteral("$$"), QString());
    // Line breaks inside a paragraph cell (bullets, the solution's links) start a new line there.
    return out.replace(QLatin1Char('\n'), QStringLiteral("\\newline "));
}

}  // namespace

std::optional<TableFormat> tableFormatForPath(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv")) return TableFormat::Csv;
    if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown")) return TableFormat::Markdown;
    if (suffix == QLatin1String("tex")) return TableFormat::Latex;
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm")) return TableFormat::Html;
    return std::nullopt;
}

QString renderTable(const QAbstractItemModel& model, TableFormat format)
{
    const QStringList head = headers(model);
    QString out;
    switch (format) {
        case TableFormat::Csv: {
            QStringList fields;
            for (const QString& h : head)
                fields << csvField(h);
            out += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
            for (int r = 0; r < model.rowCount(); ++r) {
                fields.clear();
                for (const QString& cell : rowCells(model, r))
                    fields << csvField(cell);
                out += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
            }
            break;
        }
        case TableFormat::Markdown: {
            QStringList fields;
            for (const QString& h : head)
                fields << markdownField(h);
            out += QStringLiteral("| %1 |\n").arg(fields.join(QStringLiteral(" | ")));
            out += QStringLiteral("|%1\n").arg(QStringLiteral("---|").repeated(head.size()));
            for (int r = 0; r < model.rowCount(); ++r) {
                fields.clear();
                for (const QString& cell : rowCells(model, r))
                    fields << markdownField(cell);
                out += QStringLiteral("| %1 |\n").arg(fields.join(QStringLiteral(" | ")));
            }
            break;
        }
        case TableFormat::Latex: {
            // Long text columns get paragraph cells so the table fits a landscape page.
            QString spec;
            for (int c = 0; c < head.size(); ++c)
                spec += isParagraphColumn(model, c)
                            ? QStringLiteral(">{\\raggedright\\arraybackslash}p{4.5cm}")
                            : QStringLiteral("l");
            out += QStringLiteral(
                "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage[utf8]{inputenc}\n"
                "\\usepackage{booktabs}\n\\usepackage{longtable}\n\\usepackage{array}\n"
                "\\usepackage[a3paper,landscape,margin=1cm]{geometry}\n"
                "\\begin{document}\n\\footnotesize\n");
            out += QStringLiteral("\\begin{longtable}{%1}\n\\toprule\n").arg(spec);
            QStringList fields;
            for (const QString& h : head)
                fields << latexField(h);
            out += fields.join(QStringLiteral(" & ")) + QStringLiteral(" \\\\\n\\midrule\n\\endhead\n");
            for (int r = 0; r < model.rowCount(); ++r) {
                fields.clear();
                for (const QString& cell : rowCells(model, r))
                    fields << latexField(cell);
                out += fields.join(QStringLiteral(" & ")) + QStringLiteral(" \\\\\n");
            }
            out += QStringLiteral("\\bottomrule\n\\end{longtable}\n\\end{document}\n");
            break;
        }
        case TableFormat::Html: {
            out += QStringLiteral(
                       "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
                       "charset=\"utf-8\"/>\n<title>%1</title>\n"
                       "<style>body{font-family:sans-serif}table{border-collapse:collapse}"
                       "th,td{border:1px solid #999;padding:4px;vertical-align:top;text-align:left}"
                       "td.text{min-width:16em;max-width:28em}"
                       ".formula{font-family:'DejaVu Serif','Cambria Math',serif;white-space:nowrap}"
                       ".swatch{display:inline-block;width:0.8em;height:0.8em;margin-right:0.4em;"
                       "border:1px solid #0006}ul{margin:0;padding-left:1.2em}</style>\n</head>\n<body>\n"
                       "<table>\n<thead>\n<tr>")
                       .arg(TableExportText::tr("Activation functions compared").toHtmlEscaped());
            for (const QString& h : head)
                out += QStringLiteral("<th>%1</th>").arg(h.toHtmlEscaped());
            out += QStringLiteral("</tr>\n</thead>\n<tbody>\n");
            for (int r = 0; r < model.rowCount(); ++r) {
                out += QStringLiteral("<tr>");
                for (int c = 0; c < model.columnCount(); ++c) {
                    const QModelIndex index = model.index(r, c);
                    const QString key = columnKeyAt(model, c);
                    const QString rich = index.data(ComparisonModel::RichTextRole).toString();
                    QString cell;
                    if (!rich.isEmpty()) {
                        // The explanations' own markup (a small known subset), as the details pane shows it.
                        // Numeric references only, so the page is also well-formed XML.
                        cell = QStringLiteral("<span class=\"formula\">%1</span>")
                                   .arg(QString(rich).replace(QStringLiteral("&nbsp;"),
                                                              QStringLiteral("&#160;")));
                    } else if (key == QLatin1String("strengths") || key == QLatin1String("weaknesses")) {
                        cell = QStringLiteral("<ul>");
                        for (QString line : index.data().toString().split(QLatin1Char('\n')))
                            cell += QStringLiteral("<li>%1</li>").arg(line.remove(0, 2).toHtmlEscaped());
                        cell += QStringLiteral("</ul>");
                    } else {
                        cell = index.data().toString().toHtmlEscaped().replace(QLatin1Char('\n'),
                                                                               QStringLiteral("<br/>"));
                    }
                    if (key == QLatin1String("name")) {
                        const QColor colour = index.data(Qt::DecorationRole).value<QColor>();
                        if (colour.isValid())
                            cell = QStringLiteral("<span class=\"swatch\" style=\"background:%1\"></span>%2")
                                       .arg(colour.name(), cell);
                    }
                    out +=
                        QStringLiteral("<td%1>%2</td>")
                            .arg(isParagraphColumn(model, c) ? QStringLiteral(" class=\"text\"") : QString(),
                                 cell);
                }
                out += QStringLiteral("</tr>\n");
            }
            out += QStringLiteral("</tbody>\n</table>\n</body>\n</html>\n");
            break;
        }
    }
    return out;
}

std::optional<QString> writeTable(const QAbstractItemModel& model, const QString& path)
{
    const auto format = tableFormatForPath(path);
    if (!format)
        return TableExportText::tr("Cannot tell the table format from %1: use .csv, .md, .tex or .html.")
            .arg(quoted(path));
    return writeFileAtomically(path, renderTable(model, *format).toUtf8());
}

std::optional<QString> checkTableColumns(const QStringList& keys)
{
    if (keys.isEmpty())
        return TableExportText::tr("The list of columns is empty; the columns are %1.")
            .arg(ComparisonModel::columnKeys().join(QStringLiteral(",")));
    for (const QString& key : keys)
        if (!ComparisonModel::columnForKey(key))
            return TableExportText::tr("Unknown column %1; the columns are %2.")
                .arg(quoted(key), ComparisonModel::columnKeys().join(QStringLiteral(",")));
    return std::nullopt;
}

std::optional<QString> exportComparisonTable(ExplorerState& state, const QString& path,
                                             const std::optional<QStringList>& columns)
{
    QStringList hidden = state.hiddenTableColumns();
    if (columns) {
        if (auto error = checkTableColumns(*columns)) return error;
        hidden.clear();
        for (const QString& key : ComparisonModel::columnKeys())
            if (!columns->contains(key)) hidden << key;
    }
    ComparisonModel model(state);
    ComparisonProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setHiddenColumns(hidden);
    return writeTable(proxy, path);
}

}  // namespace ax::ui
