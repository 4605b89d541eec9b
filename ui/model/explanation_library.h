#pragma once
// The teaching text of every activation, read from the compiled-in resources and checked for
// completeness when it is loaded.

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <limits>
#include <optional>

namespace ax::ui {

// A number stated in the text, kept in a form tests can compare with the core.
struct NumericClaim {
    QString what;  // value, derivative, second_derivative, minimum, maximum, max_derivative,
                   // lower_bound, upper_bound, fixed_point
    double value = 0.0;
    double at = std::numeric_limits<double>::quiet_NaN();        // the z it refers to, if any
    double variance = std::numeric_limits<double>::quiet_NaN();  // fixed_point only
    double tolerance = 1e-4;
    QHash<QString, double> parameters;  // overrides of the defaults, by parameter name
    QString text;                       // the claim in words, shown in the details pane
};

// Everything the details pane and the table say about one activation.
struct Explanation {
    QString id;
    QString formulaHtml;     // f(z), rich text
    QString derivativeHtml;  // f′(z), rich text
    QString problem;         // what it was introduced to fix
    QString weakness;        // what it left broken
    QString solution;        // what came next and why
    QStringList successors;  // ids of the activations that answered the weakness
    QString maths;           // why the derivative behaves as it does (rich text allowed)
    QString practice;        // when to reach for it
    QString origin;          // who introduced it, in words
    int year = 0;            // must agree with the core's reference
    QString arxiv;
    QString doi;
    QJsonObject declared;  // properties at the default parameters, as the text states them
    QList<NumericClaim> claims;

    // Every word of the explanation without markup, for the filter box.
    [[nodiscard]] QString searchText() const;
};

class ExplanationLibrary {
public:
    static constexpr auto kResourceDirectory = ":/explanations/";

    // Reads <id>.json for each id from the resources; problems are collected in errors().
    [[nodiscard]] static ExplanationLibrary load(const QStringList& ids);

    // Parses one file; returns the explanation or a message naming the first problem found.
    [[nodiscard]] static std::optional<Explanation> parse(const QByteArray& json, const QString& expectedId,
                                                          QString* error);

    [[nodiscard]] const Explanation* find(const QString& id) const;
    [[nodiscard]] QStringList ids() const { return m_order; }
    [[nodiscard]] QStringList errors() const { return m_errors; }

private:
    QHash<QString, Explanation> m_explanations;
    QStringList m_order;
    QStringList m_errors;
};

// Rich text without its tags and entities, e.g. for tooltips and plain-text exports.
[[nodiscard]] QString plainTextOf(const QString& richText);

}  // namespace ax::ui
