#pragma once
// Keeps the mouse wheel for scrolling a panel: its sliders, spin boxes and combo boxes take the wheel
// only once they have the focus (a click or Tab), so scrolling past them cannot change a value.

#include <QObject>

class QWidget;

namespace ax::ui {

class WheelFocusFilter : public QObject {
    Q_OBJECT

public:
    // Gives every slider, spin box and combo box in root (and root itself) strong focus and the
    // filter; call again after adding controls.
    static void apply(QWidget* root);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    using QObject::QObject;
};

}  // namespace ax::ui
