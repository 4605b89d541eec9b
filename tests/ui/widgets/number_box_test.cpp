// The number boxes: scientific notation is read whole (1e400 is never 1400), values outside the
// range or too large for a double are refused with a message naming the range, and the last valid
// value stays.

#include "ui/widgets/number_box.h"

#include <QApplication>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

namespace ax::ui {
namespace {

class NumberBoxTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        box.setRange(0.0001, 1e6);
        box.setDecimals(4);
        box.setValue(1.0);
        box.setValueName(QStringLiteral("α of ELU"));
        box.show();
        box.setFocus();
    }

    // Replaces the text as a user would and presses Enter.
    void retype(const QString& text)
    {
        box.selectAll();
        QTest::keyClicks(&box, text);
        QTest::keyClick(&box, Qt::Key_Return);
    }

    NumberBox box;
};

TEST_F(NumberBoxTest, ScientificNotationIsTakenWhole)
{
    for (const auto& [text, expected] :
         {std::pair{"2.5e-3", 0.0025}, std::pair{"1e4", 1e4}, std::pair{"3E2", 300.0},
          std::pair{"1.5e+1", 15.0}, std::pair{".5", 0.5}}) {
        retype(QString::fromLatin1(text));
        EXPECT_DOUBLE_EQ(box.value(), expected) << text;
    }
}

TEST_F(NumberBoxTest, TooLargeOrOutOfRangeIsRefusedVisiblyAndTheValueStays)
{
    QSignalSpy refused(&box, &NumberBox::refused);
    for (const char* text : {"1e400", "1e7", "2000000", "-5", "1e-9"}) {
        refused.clear();
        box.setValue(1.0);
        retype(QString::fromLatin1(text));
        EXPECT_DOUBLE_EQ(box.value(), 1.0) << text << ": the typed digits must not turn into another number";
        ASSERT_EQ(refused.size(), 1) << text;
        const QString message = refused.front().front().toString();
        EXPECT_TRUE(message.contains(QString::fromLatin1(text))) << message.toStdString();
        EXPECT_TRUE(message.contains(QStringLiteral("α of ELU"))) << message.toStdString();
        EXPECT_TRUE(message.contains(box.rangeText())) << message.toStdString();
        EXPECT_FALSE(message.contains(QLatin1Char('\n')));
    }
}

TEST_F(NumberBoxTest, AHalfTypedNumberIsRefusedAsNotANumber)
{
    QSignalSpy refused(&box, &NumberBox::refused);
    for (const char* text : {"1e", "-", "2e+"}) {
        refused.clear();
        retype(QString::fromLatin1(text));
        EXPECT_DOUBLE_EQ(box.value(), 1.0) << text;
        ASSERT_EQ(refused.size(), 1) << text;
        EXPECT_TRUE(refused.front().front().toString().contains(QStringLiteral("not a number")));
    }
}

TEST_F(NumberBoxTest, LettersOtherThanTheExponentCannotBeTyped)
{
    retype(QStringLiteral("1x2"));
    EXPECT_DOUBLE_EQ(box.value(), 12.0);
    QString text = QStringLiteral("abc");
    int pos = 0;
    EXPECT_EQ(box.validate(text, pos), QValidator::Invalid);
}

TEST(NumberBoxFocusTest, LeavingTheBoxWithARefusedValueSaysSo)
{
    QWidget window;
    auto* box = new NumberBox(&window);
    box->setRange(0.0001, 1e6);
    box->setValue(1.0);
    auto* other = new QLineEdit(&window);
    other->move(0, 40);
    window.show();
    QApplication::setActiveWindow(&window);
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    box->setFocus();
    QSignalSpy refused(box, &NumberBox::refused);
    box->selectAll();
    QTest::keyClicks(box, QStringLiteral("1e400"));
    other->setFocus();
    EXPECT_EQ(refused.size(), 1);
    EXPECT_DOUBLE_EQ(box->value(), 1.0);
}

}  // namespace
}  // namespace ax::ui
