#pragma once

#include "MatchComparison.h"
#include "Resident.h"

#include <array>
#include <QCoreApplication>
#include <QString>

namespace wardroll::model {

// Why a pair was flagged as a duplicate, field by field: both values, the comparison level and
// its weight, as JSON for Finding::details and as a translated sentence for Finding::message;
// and the fingerprint of the compared values (a dismissed flag reopens when they change).
class DuplicateExplanation
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::DuplicateExplanation)
public:
    // What each comparison reads from a record, as the officer would recognise it.
    using Values = std::array<QString, MatchComparison::Count>;
    [[nodiscard]] static Values values(const Resident& r);

    // The translated texts of a message, looked up once per run rather than per pair.
    struct Titles
    {
        std::array<std::array<QString, MatchComparison::maxLevels>, MatchComparison::Count> fieldLevel;
        QString pair;
        QString probable;
        QString possible;
        QString against;
        QString swapped;
        [[nodiscard]] static Titles current();
    };

    struct Input
    {
        const Titles* titles = nullptr; // Titles::current() when null
        const Resident* a = nullptr;
        const Resident* b = nullptr;
        const Values* valuesA = nullptr; // values(*a)
        const Values* valuesB = nullptr;
        MatchComparison::Vector levels;
        std::array<double, MatchComparison::Count> weights{};
        double score = 0;
        double prior = 0;
        bool probable = false;
    };

    // {"level": "probable", "score": 23.1, "prior": -17.2, "swapped_names": false,
    //  "fields": [{"field": "given_name", "a": "An", "b": "Ân", "level": "accent", "weight": 4.2}, ...]}
    // Fields in comparison order; fields missing on either side are left out.
    [[nodiscard]] static QString detailsJson(const Input& input);
    [[nodiscard]] static QString message(const Input& input);
    [[nodiscard]] static QString fingerprint(const Resident& a, const Values& valuesA, const Resident& b,
                                             const Values& valuesB);

private:
    [[nodiscard]] static QString value(const Resident& r, const QStringList& words, int comparison);

public:
    // The display reference of a record: its source_ref, or its id when that is empty.
    [[nodiscard]] static QString reference(const Resident& r)
    {
        return r.sourceRef.isEmpty() ? r.id : r.sourceRef;
    }
};

} // namespace wardroll::model
