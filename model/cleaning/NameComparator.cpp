#include "NameComparator.h"

#include "StringSimilarity.h"

#include <algorithm>
#include <bit>

namespace wardroll::model {

int NameComparator::tokenLevel(quint32 a, quint32 b) const
{
    if (a == b)
        return Exact;
    const MatchFeatures::Token& ta = m_f.token(a);
    const MatchFeatures::Token& tb = m_f.token(b);
    if (ta.fold == tb.fold)
        return Accent;
    if (ta.dialect == tb.dialect)
        return Dialect;
    // Similar spellings share nearly all their letters: most pairs end here, cheaply.
    const int common = std::popcount(ta.letters & tb.letters);
    const int fewer = std::min(std::popcount(ta.letters), std::popcount(tb.letters));
    if (common < fewer - 2)
        return Different;
    const QString& fa = m_f.folds().value(ta.fold);
    const QString& fb = m_f.folds().value(tb.fold);
    if (StringSimilarity::jaroWinkler(fa, fb) >= 0.88)
        return Similar;
    if (std::min(fa.size(), fb.size()) >= 4 && StringSimilarity::editDistance(fa, fb, 1) <= 1)
        return Similar;
    return Different;
}

bool NameComparator::conflict(quint32 a, quint32 b, int level) const
{
    if (level != Different && level != Similar && level != Accent)
        return false;
    if (m_f.nameCount(a) < 2 || m_f.nameCount(b) < 2)
        return false;
    if (level != Accent)
        return true;
    const MatchFeatures::Token& ta = m_f.token(a);
    const MatchFeatures::Token& tb = m_f.token(b);
    return ta.marked && tb.marked && ta.hoiNga != tb.hoiNga;
}

int NameComparator::familyLevel(quint32 a, quint32 b) const
{
    if (a == b)
        return 0;
    if (m_f.token(a).family == m_f.token(b).family)
        return 1;
    switch (tokenLevel(a, b)) {
    case Exact:
    case Accent:
    case Dialect:
        return 1;
    case Similar:
        return 2;
    default:
        return 3;
    }
}

int NameComparator::middleLevel(const quint32* a, quint32 na, const quint32* b, quint32 nb) const
{
    if (na == 0 && nb == 0)
        return -1;
    auto fold = [this](quint32 t) {
        return m_f.token(t).fold;
    };
    if (na == nb && std::equal(a, a + na, b, [&](quint32 x, quint32 y) { return fold(x) == fold(y); }))
        return 0;
    // Folded, all of them and without "Văn"/"Thị".
    constexpr quint32 kMax = 8;
    quint32 fa[kMax];
    quint32 fb[kMax];
    quint32 ra[kMax];
    quint32 rb[kMax];
    quint32 ca = 0;
    quint32 cb = 0;
    na = std::min(na, kMax);
    nb = std::min(nb, kMax);
    for (quint32 i = 0; i < na; ++i) {
        fa[i] = fold(a[i]);
        if (!m_f.token(a[i]).genderWord)
            ra[ca++] = fa[i];
    }
    for (quint32 i = 0; i < nb; ++i) {
        fb[i] = fold(b[i]);
        if (!m_f.token(b[i]).genderWord)
            rb[cb++] = fb[i];
    }
    if (ca == cb && std::equal(ra, ra + ca, rb))
        return 1;
    // One has no middle name at all, or is the other with a middle name left out.
    const auto within = [](const quint32* shorter, quint32 ns, const quint32* longer, quint32 nl) {
        quint32 matched = 0;
        for (quint32 i = 0; i < nl && matched < ns; ++i) {
            if (longer[i] == shorter[matched])
                ++matched;
        }
        return matched == ns;
    };
    if (na == 0 || nb == 0 || (na < nb ? within(fa, na, fb, nb) : within(fb, nb, fa, na)))
        return 2;
    if (ca > 0 && cb > 0 && (ca < cb ? within(ra, ca, rb, cb) : within(rb, cb, ra, ca)))
        return 2;
    // Same count, each similar.
    if (na == nb) {
        bool similar = true;
        for (quint32 i = 0; i < na && similar; ++i)
            similar = tokenLevel(a[i], b[i]) <= Similar;
        if (similar)
            return 2;
    }
    return 3;
}

NameComparator::Levels NameComparator::compare(MatchFeatures::Span sa, MatchFeatures::Span sb) const
{
    Levels levels;
    if (sa.count == 0 || sb.count == 0)
        return levels;
    const quint32* a = m_f.nameTokens(sa);
    const quint32* b = m_f.nameTokens(sb);
    const MatchFeatures::NameParts pa = m_f.nameParts(sa);
    const MatchFeatures::NameParts pb = m_f.nameParts(sb);
    if (pa.family < 0 && pb.family < 0) {
        levels.given = tokenLevel(a[pa.given], b[pb.given]);
        levels.givenConflict = conflict(a[pa.given], b[pb.given], levels.given);
        return levels;
    }
    if (pa.family < 0 || pb.family < 0) {
        // A one-word name may be either part of the other (a family or a given name left out).
        const quint32 single = pa.family < 0 ? a[pa.given] : b[pb.given];
        const quint32* other = pa.family < 0 ? b : a;
        const MatchFeatures::NameParts& po = pa.family < 0 ? pb : pa;
        const int given = tokenLevel(single, other[po.given]);
        const int family = familyLevel(single, other[po.family]);
        if (given > Dialect && family <= 1) {
            levels.family = family;
        } else {
            levels.given = given;
            levels.givenConflict = conflict(single, other[po.given], given);
        }
        return levels;
    }
    const quint32 givenA = a[pa.given];
    const quint32 givenB = b[pb.given];
    const quint32 familyA = a[pa.family];
    const quint32 familyB = b[pb.family];
    levels.given = tokenLevel(givenA, givenB);
    levels.family = familyLevel(familyA, familyB);
    if (levels.given >= Similar && levels.family >= 2) {
        const int given = tokenLevel(givenA, familyB);
        const int family = familyLevel(familyA, givenB);
        if (given <= Dialect && family <= 1) {
            levels.given = given;
            levels.family = family;
            levels.swapped = true;
            return levels; // middle names of a reversed name do not line up
        }
    }
    levels.middle = middleLevel(a + pa.middleBegin, pa.middleEnd - pa.middleBegin, b + pb.middleBegin,
                                pb.middleEnd - pb.middleBegin);
    levels.givenConflict = conflict(givenA, givenB, levels.given);
    return levels;
}

int NameComparator::personLevel(MatchFeatures::Span a, MatchFeatures::Span b) const
{
    const Levels levels = compare(a, b);
    if (levels.given < 0 && levels.family < 0)
        return -1;
    const bool given = levels.given <= Dialect; // -1 (not compared) counts as compatible
    const bool family = levels.family <= 1;
    const bool middle = levels.middle <= 2;
    if (levels.given <= Accent && levels.family <= 1 && levels.middle <= 0 && !levels.swapped)
        return 0;
    return given && family && middle ? 1 : 2;
}

} // namespace wardroll::model
