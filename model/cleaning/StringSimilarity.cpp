#include "StringSimilarity.h"

#include <algorithm>
#include <array>
#include <vector>

namespace wardroll::model {

double StringSimilarity::jaroWinkler(QStringView a, QStringView b)
{
    const qsizetype la = a.size();
    const qsizetype lb = b.size();
    if (la == 0 && lb == 0)
        return 1.0;
    if (la == 0 || lb == 0)
        return 0.0;
    if (a == b)
        return 1.0;
    // Names and keys are short: fixed buffers keep this allocation-free on the hot path.
    constexpr qsizetype kMax = 64;
    if (la > kMax || lb > kMax)
        return jaroWinkler(a.first(std::min(la, kMax)), b.first(std::min(lb, kMax)));
    std::array<bool, kMax> matchedA{};
    std::array<bool, kMax> matchedB{};
    const qsizetype window = std::max<qsizetype>(0, std::max(la, lb) / 2 - 1);
    int matches = 0;
    for (qsizetype i = 0; i < la; ++i) {
        const qsizetype from = std::max<qsizetype>(0, i - window);
        const qsizetype to = std::min(lb, i + window + 1);
        for (qsizetype j = from; j < to; ++j) {
            if (!matchedB[j] && a[i] == b[j]) {
                matchedA[i] = matchedB[j] = true;
                ++matches;
                break;
            }
        }
    }
    if (matches == 0)
        return 0.0;
    int transpositions = 0;
    qsizetype k = 0;
    for (qsizetype i = 0; i < la; ++i) {
        if (!matchedA[i])
            continue;
        while (!matchedB[k])
            ++k;
        if (a[i] != b[k])
            ++transpositions;
        ++k;
    }
    const double m = matches;
    const double jaro
        = (m / static_cast<double>(la) + m / static_cast<double>(lb) + (m - transpositions / 2.0) / m) / 3.0;
    int prefix = 0;
    while (prefix < 4 && prefix < la && prefix < lb && a[prefix] == b[prefix])
        ++prefix;
    return jaro + prefix * 0.1 * (1.0 - jaro);
}

int StringSimilarity::editDistance(QStringView a, QStringView b, int limit)
{
    const auto la = static_cast<int>(a.size());
    const auto lb = static_cast<int>(b.size());
    if (std::abs(la - lb) > limit)
        return limit + 1;
    if (la == 0 || lb == 0)
        return std::max(la, lb);
    // Three rows of the OSA matrix.
    std::vector<int> buffer(static_cast<size_t>(3 * (lb + 1)));
    int* previous2 = buffer.data();
    int* previous = previous2 + lb + 1;
    int* current = previous + lb + 1;
    for (int j = 0; j <= lb; ++j)
        previous[j] = j;
    for (int i = 1; i <= la; ++i) {
        current[0] = i;
        int rowMin = current[0];
        for (int j = 1; j <= lb; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int value = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                value = std::min(value, previous2[j - 2] + 1);
            current[j] = value;
            rowMin = std::min(rowMin, value);
        }
        if (rowMin > limit)
            return limit + 1;
        std::swap(previous2, previous);
        std::swap(previous, current);
    }
    return std::min(previous[lb], limit + 1);
}

StringSimilarity::DigitSlip StringSimilarity::digitSlip(QStringView a, QStringView b)
{
    if (a.size() != b.size())
        return DigitSlip::Other;
    qsizetype first = -1;
    qsizetype second = -1;
    int differences = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i] == b[i])
            continue;
        if (++differences > 2)
            return DigitSlip::Other;
        (first < 0 ? first : second) = i;
    }
    if (differences == 0)
        return DigitSlip::Equal;
    if (differences == 1)
        return DigitSlip::OneSubstitution;
    if (second == first + 1 && a[first] == b[second] && a[second] == b[first])
        return DigitSlip::AdjacentTransposition;
    return DigitSlip::Other;
}

} // namespace wardroll::model
