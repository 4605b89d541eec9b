#include "ui/widgets/wheel_focus_filter.h"

#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QWheelEvent>
#include <QWidget>

namespace ax::ui {

namespace {

bool takesTheWheel(const QWidget* widget)
{
    return qobject_cast<const QAbstractSlider*>(widget) || qobject_cast<const QAbstractSpinBox*>(widget) ||
           qobject_cast<const QComboBox*>(widget);
}

void guard(QWidget* widget, QObject* filter)
{
    // Qt's default for these is WheelFocus: the wheel would give them the focus, and with it the value.
    widget->setFocusPolicy(Qt::StrongFocus);
    widget->installEventFilter(filter);
}

}  // namespace

void WheelFocusFilter::apply(QWidget* root)
{
    auto* filter = root->findChild<WheelFocusFilter*>(QString(), Qt::FindDirectChildrenOnly);
    if (!filter) filter = new WheelFocusFilter(root);
    if (takesTheWheel(root)) guard(root, filter);
    const auto children = root->findChildren<QWidget*>();
    for (QWidget* child : children)
        if (takesTheWheel(child)) guard(child, filter);
}

bool WheelFocusFilter::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Wheel) {
        const auto* widget = qobject_cast<QWidget*>(watched);
        if (widget && !widget->hasFocus()) {
            // Handed straight to the panel's scroll area: Qt passes an ignored wheel on to the parents
            // only when it came from the system, and a control may sit inside other widgets.
            for (QWidget* parent = widget->parentWidget(); parent; parent = parent->parentWidget()) {
                auto* area = qobject_cast<QAbstractScrollArea*>(parent);
                if (!area) continue;
                const auto* wheel = static_cast<QWheelEvent*>(event);
                QWidget* viewport = area->viewport();
                QWheelEvent forwarded(viewport->mapFromGlobal(wheel->globalPosition()),
                                      wheel->globalPosition(), wheel->pixelDelta(), wheel->angleDelta(),
                                      wheel->buttons(), wheel->modifiers(), wheel->phase(), wheel->inverted(),
                                      wheel->source(), wheel->pointingDevice());
                QCoreApplication::sendEvent(viewport, &forwarded);
                return true;
            }
            event->ignore();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace ax::ui
