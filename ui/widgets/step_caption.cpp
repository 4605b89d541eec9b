#include "ui/widgets/step_caption.h"

#include <QFont>
#include <QLabel>
#include <QResizeEvent>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace ax::ui {

namespace {

// Of the window's height: a title at least 3 % tall is read from the back of a lecture hall.
constexpr double kTitleShare = 0.05;
constexpr double kCaptionShare = 0.032;
constexpr int kMinTitlePixels = 24;
constexpr int kMinCaptionPixels = 16;

}  // namespace

StepCaption::StepCaption(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("stepCaption"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("stepTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_caption = new QLabel(this);
    m_caption->setObjectName(QStringLiteral("stepCaptionText"));
    m_caption->setTextFormat(Qt::RichText);
    m_caption->setWordWrap(true);
    m_caption->setTextInteractionFlags(Qt::NoTextInteraction);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 12, 24, 8);
    layout->setSpacing(6);
    layout->addWidget(m_title);
    layout->addWidget(m_caption);
    setAccessibleName(tr("Lesson step"));
    // Holds the focus while presenting, so no view shows a focus frame on the slide.
    setFocusPolicy(Qt::StrongFocus);
}

void StepCaption::setStep(const QString& title, const QString& caption)
{
    m_title->setText(title);
    m_caption->setText(caption);
    m_caption->setVisible(!caption.isEmpty());
    fitFonts();
}

void StepCaption::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitFonts();
}

void StepCaption::fitFonts()
{
    const int height = window()->height();
    if (height == m_fittedFor) return;
    m_fittedFor = height;
    QFont titleFont = m_title->font();
    titleFont.setPixelSize(std::max(kMinTitlePixels, static_cast<int>(std::lround(height * kTitleShare))));
    m_title->setFont(titleFont);
    QFont captionFont = m_caption->font();
    captionFont.setPixelSize(
        std::max(kMinCaptionPixels, static_cast<int>(std::lround(height * kCaptionShare))));
    m_caption->setFont(captionFont);
}

}  // namespace ax::ui
