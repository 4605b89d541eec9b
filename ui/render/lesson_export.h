#pragma once
// A lesson as a handout: a multi-page PDF with one step per page, or one image per step for slides.

#include "ui/model/lesson.h"
#include "ui/render/figure_export.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QSizeF>
#include <QString>

namespace ax::ui {

class LessonExport {
    Q_DECLARE_TR_FUNCTIONS(LessonExport)

public:
    // The PDF's pages are A4 landscape, for printing.
    static constexpr QSizeF kPageSize{kA4WidthPx, kA4HeightPx};
    // An image per step is a 16:9 slide.
    static constexpr QSizeF kSlideSize{1920.0, 1080.0};

    // Every step, one per page. Empty when painting failed.
    [[nodiscard]] static QByteArray renderPdf(const Lesson& lesson);
    // One step as PNG or SVG (or a one-page PDF) at kSlideSize. Empty when painting failed.
    [[nodiscard]] static QByteArray renderStep(const Lesson& lesson, qsizetype stepIndex,
                                               FigureFormat format);
    // "step-01-sigmoid.png": the number, then the activation the step brings in (or its title).
    [[nodiscard]] static QString stepFileName(const Lesson& lesson, qsizetype stepIndex, FigureFormat format);
};

}  // namespace ax::ui
