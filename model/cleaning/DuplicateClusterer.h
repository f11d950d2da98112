#pragma once

#include <functional>
#include <QHash>
#include <vector>

namespace wardroll::model {

// Groups records linked as duplicates into clusters: connected components over the links,
// strongest first, with guards against chaining: a cluster never holds a pair that must stay
// apart (twins), nor a pair whose own evidence says they are different people (a Bayes factor,
// the match weight without the prior, below `veto`): A~B and B~C do not make A, B and C one
// person when A and C are clearly two.
class DuplicateClusterer
{
public:
    struct Link
    {
        quint32 a = 0;
        quint32 b = 0;
        double score = 0;
    };
    struct Options
    {
        int maxClusterSize = 25;
        double veto = -6;
    };
    // log2 Bayes factor of a pair; twins and other pairs that must stay apart: -infinity.
    using Evidence = std::function<double(quint32, quint32)>;

    // `links` join; `evidence` guards. Nodes are record indexes. Units, when given, are groups
    // that start joined (clusters of an earlier pass).
    [[nodiscard]] static std::vector<std::vector<quint32>>
    cluster(std::vector<Link> links, const Evidence& evidence, const Options& options,
            const std::vector<std::vector<quint32>>& units = {});

    [[nodiscard]] static quint64 pairKey(quint32 a, quint32 b)
    {
        return a < b ? (static_cast<quint64>(a) << 32) | b : (static_cast<quint64>(b) << 32) | a;
    }
};

} // namespace wardroll::model
