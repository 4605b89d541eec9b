// What the window does with values it cannot use, typed where a user types: the charts keep the
// last valid state, and a refusal is visible (a hint beside the field or a status-bar message).

#include "core/catalog.h"
#include "tests/ui/widgets/main_window_fixture.h"
#include "ui/model/comparison_model.h"
#include "ui/model/comparison_proxy.h"
#include "ui/model/explorer_state.h"
#include "ui/widgets/activation_list_panel.h"
#include "ui/widgets/comparison_panel.h"
#include "ui/widgets/main_window.h"
#include "ui/widgets/parameter_editor.h"
#include "ui/widgets/parameter_panel.h"
#include "ui/widgets/range_panel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>
#include <QStatusBar>
#include <QTest>

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

namespace ax::ui {
namespace {

class BadInputTest : public MainWindowFixture {
protected:
    // Replaces a field's text as a user does, then presses Return.
    static void retype(QWidget* field, const QString& text)
    {
        if (auto* edit = qobject_cast<QLineEdit*>(field)) edit->selectAll();
        if (auto* spin = qobject_cast<QAbstractSpinBox*>(field)) spin->selectAll();
        QTest::keyClicks(field, text);
        QTest::keyClick(field, Qt::Key_Return);
    }

    [[nodiscard]] QDoubleSpinBox* limitBox(const QString& accessibleName) const
    {
        for (auto* box : window->rangePanel()->findChildren<QDoubleSpinBox*>())
            if (box->accessibleName() == accessibleName) return box;
        return nullptr;
    }
};

TEST_F(BadInputTest, RangeBeyondTheEvaluatedLineOrTooNarrowIsRefusedBesideTheField)
{
    RangePanel* range = window->rangePanel();
    const double zMin = state().zMin();
    const double zMax = state().zMax();
    for (const auto& [lo, hi] : {std::pair{QStringLiteral("-1e301"), QStringLiteral("0")},
                                 std::pair{QStringLiteral("1"), QStringLiteral("1.0000000000001")},
                                 std::pair{QStringLiteral("nan"), QStringLiteral("1")},
                                 std::pair{QStringLiteral("-inf"), QStringLiteral("1")}}) {
        // The maximum first, so that a refused minimum is the only change being tried.
        retype(range->zMaxEdit(), hi);
        retype(range->zMinEdit(), lo);
        EXPECT_TRUE(std::isfinite(state().zMin()) && std::isfinite(state().zMax()));
        EXPECT_TRUE(range->rangeHint()->isVisibleTo(window.get()))
            << lo.toStdString() << ", " << hi.toStdString();
        EXPECT_FALSE(range->rangeHint()->text().isEmpty());
        EXPECT_FALSE(ExplorerState::validateRange(state().zMin(), state().zMax()).has_value());
        ASSERT_FALSE(state().setRange(zMin, zMax).has_value());
    }
}

TEST_F(BadInputTest, InvertedFixedLimitsAreRefusedInTheStatusBarAndKeepTheOldOnes)
{
    window->rangePanel()->yAxisModeBox()->setCurrentIndex(1);
    ASSERT_EQ(state().yAxisMode(), YAxisMode::Fixed);
    QDoubleSpinBox* low = limitBox(QStringLiteral("f(z) lower limit"));
    QDoubleSpinBox* high = limitBox(QStringLiteral("f(z) upper limit"));
    ASSERT_NE(low, nullptr);
    ASSERT_NE(high, nullptr);
    const YLimits before = state().functionLimits();
    window->statusBar()->clearMessage();
    low->setValue(before.hi + 10.0);
    EXPECT_EQ(state().functionLimits(), before) << "a bottom above the top must not be applied";
    EXPECT_FALSE(window->statusBar()->currentMessage().isEmpty()) << "the refusal must be visible";
    EXPECT_LT(state().functionLimits().lo, state().functionLimits().hi);
}

TEST_F(BadInputTest, SampleCountAndEpsilonBoxesStayWithinTheirLimits)
{
    RangePanel* range = window->rangePanel();
    EXPECT_EQ(range->samplesBox()->maximum(), ExplorerState::kMaxSamples);
    EXPECT_EQ(range->samplesBox()->minimum(), ExplorerState::kMinSamples);
    for (const QString& text : {QStringLiteral("5000000"), QStringLiteral("-3"), QStringLiteral("abc"),
                                QStringLiteral("1e9"), QStringLiteral("0")}) {
        retype(range->samplesBox(), text);
        EXPECT_GE(state().samples(), ExplorerState::kMinSamples) << text.toStdString();
        EXPECT_LE(state().samples(), ExplorerState::kMaxSamples) << text.toStdString();
        EXPECT_EQ(range->samplesBox()->value(), state().samples()) << "the box shows what the charts use";
    }
    for (const QString& text :
         {QStringLiteral("0.9"), QStringLiteral("0"), QStringLiteral("-1"), QStringLiteral("x")}) {
        retype(range->epsilonBox(), text);
        EXPECT_GE(state().epsilon(), ExplorerState::kMinEpsilon) << text.toStdString();
        EXPECT_LE(state().epsilon(), ExplorerState::kMaxEpsilon) << text.toStdString();
    }
}

// RReLU's lower may not pass its upper: typed into the box, the value is refused with the rule in
// the status bar, and the box goes back to the value the charts still show.
TEST_F(BadInputTest, RreluLowerAboveUpperIsRefusedInTheStatusBar)
{
    const QString rrelu = QStringLiteral("rrelu");
    state().setEnabledIds({rrelu});
    ParameterEditor* lower = window->parameterPanel()->editor(rrelu, 0);
    ASSERT_NE(lower, nullptr);
    retype(lower->spinBox(), QStringLiteral("0.5"));
    EXPECT_EQ(state().parameters(rrelu)[0], 0.125);
    EXPECT_TRUE(window->statusBar()->currentMessage().contains(
        QStringLiteral("lower of rrelu must not exceed its upper"), Qt::CaseInsensitive))
        << window->statusBar()->currentMessage().toStdString();
    EXPECT_DOUBLE_EQ(lower->spinBox()->value(), 0.125);
    // Up to the upper is allowed.
    retype(lower->spinBox(), QStringLiteral("0.3"));
    EXPECT_EQ(state().parameters(rrelu)[0], 0.3);
}

TEST_F(BadInputTest, GarbageInAParameterBoxLeavesAValueInsideTheDomain)
{
    state().setEnabledIds({QStringLiteral("elu"), QStringLiteral("snake")});
    for (const QString& id : {QStringLiteral("elu"), QStringLiteral("snake")}) {
        ParameterEditor* editor = window->parameterPanel()->editor(id, 0);
        ASSERT_NE(editor, nullptr) << id.toStdString();
        const core::Parameter& parameter = state().activation(id)->parameters[0];
        for (const QString& text : {QStringLiteral("abc"), QStringLiteral("-5"), QStringLiteral("0"),
                                    QStringLiteral("1e400"), QStringLiteral("--"), QStringLiteral("nan")}) {
            retype(editor->spinBox(), text);
            EXPECT_TRUE(parameter.accepts(state().parameters(id)[0]))
                << id.toStdString() << " after \"" << text.toStdString()
                << "\": " << state().parameters(id)[0];
        }
    }
}

TEST_F(BadInputTest, FilterTextIsMatchedLiterallyAndClearingItShowsEverythingAgain)
{
    ActivationListPanel* list = window->activationList();
    ComparisonPanel* table = window->comparisonPanel();
    const int rows = static_cast<int>(core::catalog().size());
    for (const QString& text : {QStringLiteral("("), QStringLiteral("[a-"), QStringLiteral("\\"),
                                QStringLiteral("*"), QStringLiteral(".*"), QStringLiteral("zzzz")}) {
        list->filterEdit()->setText(text);
        table->filterEdit()->setText(text);
        int shown = 0;
        for (const core::Activation& activation : core::catalog())
            shown += list->item(QString::fromStdString(activation.id))->isHidden() ? 0 : 1;
        // Read as text, not as a pattern (".*" as a pattern would match every name).
        int literal = 0;
        for (const core::Activation& activation : core::catalog())
            literal += QString::fromStdString(activation.name).contains(text, Qt::CaseInsensitive) ||
                               QString::fromStdString(activation.id).contains(text, Qt::CaseInsensitive)
                           ? 1
                           : 0;
        EXPECT_EQ(shown, literal) << text.toStdString();
        EXPECT_EQ(table->model()->rowCount(), rows);
        EXPECT_LE(table->proxy()->rowCount(), rows);
        if (text == QLatin1String("zzzz")) {
            EXPECT_EQ(table->proxy()->rowCount(), 0);
        }
    }
    list->filterEdit()->clear();
    table->filterEdit()->clear();
    int shown = 0;
    for (const core::Activation& activation : core::catalog())
        shown += list->item(QString::fromStdString(activation.id))->isHidden() ? 0 : 1;
    EXPECT_EQ(shown, rows);
    EXPECT_EQ(table->proxy()->rowCount(), rows);
}

}  // namespace
}  // namespace ax::ui
