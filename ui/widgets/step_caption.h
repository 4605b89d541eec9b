#pragma once
// The title and caption of the lesson step being presented, above its view, sized for the back row.

#include <QWidget>

class QLabel;

namespace ax::ui {

class StepCaption : public QWidget {
    Q_OBJECT

public:
    explicit StepCaption(QWidget* parent = nullptr);

    // title is plain text, caption the step's rich text.
    void setStep(const QString& title, const QString& caption);
    [[nodiscard]] QLabel* titleLabel() const noexcept { return m_title; }
    [[nodiscard]] QLabel* captionLabel() const noexcept { return m_caption; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    // Fonts follow the window's height, so a projector of any size reads the same from the back.
    void fitFonts();

    QLabel* m_title = nullptr;
    QLabel* m_caption = nullptr;
    int m_fittedFor = -1;
};

}  // namespace ax::ui
