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
                   // lower_bound, upper_bound, fixed_point (mean and variance of f(z), z ~ N(0, 1)),
                   // mean_squared_derivative (E[f′(z)²], z ~ N(0, 1))
    double value = 0.0;
    double at = std::numeric_limits<double>::quiet_NaN();        // the z it refers to, if any
    double variance = std::numeric_limits<double>::quiet_NaN();  // fixed_point only
    double tolerance = 1e-4;
    QHash<QString, double> parameters;  // overrides of the defaults, by parameter name
    QString text;                       // the claim in words, shown in the details pane
};

// An activation that followed this one: "next" when it came later and answered the problem, "related"
// when it is older or only a relative, so the table never presents the past as a successor.
struct Successor {
    enum class Relation { Next, Related };
    QString id;
    Relation relation = Relation::Next;

    bool operator==(const Successor&) const = default;
};

// Everything the details pane and the table say about one activation.
struct Explanation {
    QString id;
    QString formulaHtml;     // f(z), rich text
    QString derivativeHtml;  // f′(z), rich text
    QString introduced;      // why it was introduced: the problem of earlier activations it answered
    QStringList strengths;   // short sentences, with weaknesses the article's comparison
    QStringList weaknesses;
    QString problem;   // the weakness that motivated what came next
    QString solution;  // what followed and how it answers the problem
    QList<Successor> successors;
    QString maths;     // why the derivative behaves as it does (rich text allowed)
    QString practice;  // when to reach for it
    QString origin;    // who introduced it, in words
    int year = 0;      // must agree with the core's reference
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

    static constexpr int kSchema = 2;

    // Parses one file (schema 2); returns the explanation or a message naming the first problem found.
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

// A formula's rich text as the serif face should show it: a hair space keeps a prime clear of the
// italic letter before it, which would otherwise cover it ("f′(z)" reading as "f(z)").
[[nodiscard]] QString typesetFormula(const QString& html);

// Rich text without its tags and entities, e.g. for tooltips and plain-text exports.
[[nodiscard]] QString plainTextOf(const QString& richText);

}  // namespace ax::ui
