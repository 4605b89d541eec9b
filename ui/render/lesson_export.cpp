#include "ui/render/lesson_export.h"

#include "ui/model/explanation_library.h"
#include "ui/render/lesson_page.h"

#include <QBuffer>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>

namespace ax::ui {

namespace {

ExplanationLibrary explanationsFor(const Lesson& lesson)
{
    QStringList ids;
    for (const LessonStep& step : lesson.steps)
        for (const QString& id : step.session.enabledIds())
            if (!ids.contains(id)) ids << id;
    return ExplanationLibrary::load(ids);
}

}  // namespace

QByteArray LessonExport::renderPdf(const Lesson& lesson)
{
    const ExplanationLibrary explanations = explanationsFor(lesson);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setCreator(exportMarkerText());
    writer.setTitle(lesson.title);
    // One layout pixel is 1/96 inch, so the page's layout fills an A4 page exactly.
    writer.setResolution(static_cast<int>(kLayoutDpi));
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(0, 0, 0, 0)));
    QPainter painter;
    if (!painter.begin(&writer)) return {};
    const QRectF viewport = painter.viewport();
    painter.setWindow(QRect(QPoint(0, 0), kPageSize.toSize()));
    painter.setViewport(viewport.toRect());
    for (qsizetype i = 0; i < lesson.steps.size(); ++i) {
        if (i > 0 && !writer.newPage()) return {};
        const LessonPage page(lesson, i, explanations);
        page.paint(painter, QRectF(QPointF(0, 0), kPageSize));
    }
    if (!painter.end()) return {};
    return bytes;
}

QByteArray LessonExport::renderStep(const Lesson& lesson, qsizetype stepIndex, FigureFormat format)
{
    const ExplanationLibrary explanations = explanationsFor(lesson);
    const LessonPage page(lesson, stepIndex, explanations);
    FigureOptions options;
    options.size = kSlideSize;
    return renderPaintedFigureBytes(
        [&page](QPainter& painter, const QRectF& target) { page.paint(painter, target); },
        lesson.steps.at(stepIndex).title, options, format);
}

QString LessonExport::stepFileName(const Lesson& lesson, qsizetype stepIndex, FigureFormat format)
{
    const LessonStep& step = lesson.steps.at(stepIndex);
    QString name = step.introduces;
    if (name.isEmpty()) {
        // The title in lower case, every run of other characters one hyphen: "the-chain-in-the-table".
        static const QRegularExpression other(QStringLiteral("[^a-z0-9]+"));
        name = step.title.toLower().replace(other, QStringLiteral("-"));
        name.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
        name.truncate(40);
    }
    name.replace(QLatin1Char('_'), QLatin1Char('-'));
    return QStringLiteral("step-%1-%2.%3")
        .arg(stepIndex + 1, 2, 10, QLatin1Char('0'))
        .arg(name, figureFormatName(format));
}

}  // namespace ax::ui
