#include "ui/render/lesson_page.h"

#include "ui/model/activation_palette.h"
#include "ui/model/charts.h"
#include "ui/model/depth_lab_model.h"
#include "ui/model/explanation_library.h"
#include "ui/model/explorer_state.h"
#include "ui/model/lesson_caption.h"
#include "ui/render/depth_chart_painter.h"
#include "ui/render/figure_export.h"

#include <QAbstractTextDocumentLayout>
#include <QFont>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QTextDocument>

#include <array>

namespace ax::ui {

namespace {

// The page is laid out in a fixed width of layout pixels (A4 landscape's) and scaled to its target,
// so the PDF page, a slide and a poster have the same proportions.
constexpr double kLayoutWidth = kA4WidthPx;
constexpr double kMargin = 36.0;
constexpr double kGap = 14.0;
constexpr int kHeadingPx = 11;
constexpr int kTitlePx = 24;
constexpr int kCaptionPx = 15;
constexpr int kTablePx = 11;
constexpr int kLessonChartFontPx = 11;
// The charts' share of the height left under the title, on a page that has charts.
constexpr double kChartShare = 0.66;
// The caption's share of the width beside the table rows.
constexpr double kCaptionShare = 0.55;

QFont pixelFont(int px, bool bold = false)
{
    QFont font = QGuiApplication::font();
    font.setPixelSize(px);
    font.setBold(bold);
    return font;
}

// Draws rich text into area, in the page's text colour whatever the application's palette is.
void drawRichText(QPainter& painter, const QRectF& area, const QString& html, int px)
{
    QTextDocument document;
    document.setDefaultFont(pixelFont(px));
    document.setDocumentMargin(0);
    document.setHtml(html);
    document.setTextWidth(area.width());
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette.setColor(QPalette::Text, Qt::black);
    context.clip = QRectF(QPointF(0, 0), area.size());
    painter.save();
    painter.translate(area.topLeft());
    painter.setClipRect(context.clip);
    document.documentLayout()->draw(&painter, context);
    painter.restore();
}

// Four charts in a 2 × 2 grid, each drawn by the depth charts' routine.
template <typename Content>
void paintChartGrid(QPainter& painter, const QRectF& area, const std::array<Chart, 4>& charts,
                    Content content)
{
    const QPalette palette = figurePalette(FigureOptions{});
    // The depth charts draw their long axis titles just outside their frame: room for them.
    constexpr double kAxisRoom = 24.0;
    const QRectF grid = area.adjusted(kAxisRoom, 0, 0, -kAxisRoom);
    const double w = (grid.width() - kGap - kAxisRoom) / 2.0;
    const double h = (grid.height() - kGap - kAxisRoom) / 2.0;
    painter.save();
    painter.setFont(pixelFont(kLessonChartFontPx));
    for (std::size_t i = 0; i < charts.size(); ++i) {
        const std::size_t column = i % 2;
        const std::size_t row = i / 2;
        const QRectF cell(grid.left() + static_cast<double>(column) * (w + kGap + kAxisRoom),
                          grid.top() + static_cast<double>(row) * (h + kGap + kAxisRoom), w, h);
        // Each chart stands alone on paper, so each names its curves.
        DepthChartContent chart = content(charts[i]);
        chart.showLegend = !chart.series.empty();
        chart.legendShare = 1.0;
        paintDepthChart(painter, cell, chart, palette);
    }
    painter.restore();
}

}  // namespace

LessonPage::LessonPage(const Lesson& lesson, qsizetype stepIndex, const ExplanationLibrary& explanations)
    : m_step(lesson.steps.at(stepIndex)),
      m_lessonTitle(lesson.title),
      m_index(stepIndex),
      m_count(lesson.steps.size()),
      m_explanations(explanations),
      m_state(std::make_unique<ExplorerState>())
{
    // The lesson file was validated as a session file is, so the state takes the session whole.
    (void)m_state->setSession(m_step.session);
    if (m_step.view == LessonView::DepthLab) {
        m_depthLab = std::make_unique<DepthLabModel>(*m_state);
        m_depthLab->completeTheory();
    }
    if (m_step.view == LessonView::TrainingLab) {
        core::RaceSettings settings = m_step.session.trainingLab;
        settings.measureEvery = kTrainingMeasureEvery;
        std::vector<core::Contestant> contestants;
        for (const QString& id : m_state->enabledIds()) {
            contestants.push_back({*m_state->activation(id), m_state->parameters(id)});
            m_styles.push_back({QString::fromStdString(m_state->activation(id)->name),
                                activationColour(m_state->session(), id)});
        }
        if (!contestants.empty() && !core::validateRace(settings, contestants)) {
            core::TrainingRace race(settings, contestants);
            race.advance(kTrainingSteps);
            m_race = race.snapshot();
        }
    }
}

LessonPage::~LessonPage() = default;

QString LessonPage::heading() const
{
    return tr("Step %1 of %2 · %3").arg(m_index + 1).arg(m_count).arg(m_lessonTitle);
}

QStringList LessonPage::tableIds() const
{
    if (m_step.view == LessonView::Comparison) return m_state->enabledIds();
    if (m_step.introduces.isEmpty()) return {};
    return {m_step.introduces};
}

QString LessonPage::tableHtml() const
{
    QStringList rows;
    for (const QString& id : tableIds()) {
        const Explanation* explanation = m_explanations.find(id);
        const core::Activation* activation = m_state->activation(id);
        if (!explanation || !activation) continue;
        rows << QStringLiteral("<tr><td><b>%1</b></td><td>%2</td><td>%3</td></tr>")
                    .arg(QString::fromStdString(activation->name).toHtmlEscaped(),
                         explanation->problem.toHtmlEscaped(), explanation->solution.toHtmlEscaped());
    }
    if (rows.isEmpty()) return {};
    return QStringLiteral(
               "<table cellspacing=\"0\" cellpadding=\"3\" border=\"0.5\" width=\"100%\">"
               "<tr><th align=\"left\">%1</th><th align=\"left\">%2</th><th align=\"left\">%3</th></tr>"
               "%4</table>")
        .arg(tr("Activation"), tr("Problem"), tr("Solution"), rows.join(QString()));
}

void LessonPage::paintCharts(QPainter& painter, const QRectF& area) const
{
    switch (m_step.view) {
        case LessonView::Charts: {
            FigureOptions options;
            options.chart = Chart::Combined;
            options.size = area.size();
            options.style = m_step.session.style;
            options.theme = Theme::Light;
            // The step's own activation leads the figure's caption.
            options.caption = figureCaption(*m_state, m_step.introduces);
            paintFigure(painter, area, *m_state, options);
            break;
        }
        case LessonView::DepthLab:
            paintChartGrid(painter, area, kDepthCharts,
                           [this](Chart chart) { return depthChartContent(*m_depthLab, chart); });
            break;
        case LessonView::TrainingLab:
            if (m_race)
                paintChartGrid(painter, area, kTrainingCharts, [this](Chart chart) {
                    return trainingChartContent(*m_race, chart, m_styles);
                });
            break;
        case LessonView::Comparison:
            break;
    }
}

void LessonPage::paint(QPainter& painter, const QRectF& target) const
{
    const double unit = target.width() / kLayoutWidth;
    painter.save();
    painter.translate(target.topLeft());
    painter.scale(unit, unit);
    const QSizeF size(kLayoutWidth, target.height() / unit);
    painter.fillRect(QRectF(QPointF(0, 0), size), Qt::white);
    painter.setRenderHint(QPainter::Antialiasing);

    const double width = size.width() - 2 * kMargin;
    double y = kMargin;
    painter.setPen(QColor(0x55, 0x55, 0x55));
    painter.setFont(pixelFont(kHeadingPx));
    const QRectF heading = painter.boundingRect(QRectF(kMargin, y, width, 0), Qt::AlignLeft, this->heading());
    painter.drawText(heading, Qt::AlignLeft, this->heading());
    y = heading.bottom() + 4;
    painter.setPen(Qt::black);
    painter.setFont(pixelFont(kTitlePx, true));
    const QRectF title =
        painter.boundingRect(QRectF(kMargin, y, width, 0), Qt::AlignLeft | Qt::TextWordWrap, m_step.title);
    painter.drawText(title, Qt::AlignLeft | Qt::TextWordWrap, m_step.title);
    y = title.bottom() + kGap;

    const double rest = size.height() - kMargin - y;
    const QString table = tableHtml();
    if (m_step.view == LessonView::Comparison) {
        // No chart: the caption above the rows, which take the page.
        QTextDocument measure;
        measure.setDefaultFont(pixelFont(kCaptionPx));
        measure.setHtml(m_step.caption);
        measure.setTextWidth(width);
        const double captionHeight = measure.size().height();
        drawRichText(painter, QRectF(kMargin, y, width, captionHeight), m_step.caption, kCaptionPx);
        drawRichText(painter, QRectF(kMargin, y + captionHeight + kGap, width, rest - captionHeight - kGap),
                     table, kTablePx);
    } else {
        const double chartHeight = rest * kChartShare;
        paintCharts(painter, QRectF(kMargin, y, width, chartHeight));
        y += chartHeight + kGap;
        const double textHeight = size.height() - kMargin - y;
        const double captionWidth = table.isEmpty() ? width : width * kCaptionShare;
        drawRichText(painter, QRectF(kMargin, y, captionWidth, textHeight), m_step.caption, kCaptionPx);
        if (!table.isEmpty())
            drawRichText(painter,
                         QRectF(kMargin + captionWidth + kGap, y, width - captionWidth - kGap, textHeight),
                         table, kTablePx);
    }
    painter.restore();
}

}  // namespace ax::ui
